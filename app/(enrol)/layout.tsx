import type { ReactNode } from "react";
import { requireSignedIn } from "@/lib/auth/context";
import { orUnavailablePage } from "@/lib/auth/page-errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AppFrame } from "../(app)/_components/app-frame";

export const dynamic = "force-dynamic";

// The one place a member who must still enrol a second factor may open (/account/two-factor): the
// signed-in frame, without navigation while she must enrol, with it otherwise.
export default async function EnrolLayout({ children }: { children: ReactNode }) {
  const ctx = await orUnavailablePage(requireSignedIn(), "/account/two-factor");
  return (
    <AppFrame ctx={ctx}>
      <ClientMessages subtree="account">{children}</ClientMessages>
    </AppFrame>
  );
}
