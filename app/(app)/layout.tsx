import type { ReactNode } from "react";
import { headers } from "next/headers";
import { requireUser } from "@/lib/auth/context";
import { orUnavailablePage } from "@/lib/auth/page-errors";
import { AppFrame } from "./_components/app-frame";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Set by the proxy on every page request (a client's own value is overwritten): where to come
  // back to after the "database unavailable" page. It decides nothing about access.
  const path = (await headers()).get("x-request-path") ?? "/";
  // A member who must enrol a second factor is sent to app/(enrol) here, before any page renders.
  const ctx = await orUnavailablePage(requireUser(), path);
  return <AppFrame ctx={ctx}>{children}</AppFrame>;
}
