import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_NAMESPACES, pickMessages, type ClientSubtree } from "@/lib/i18n/client-namespaces";

/** Gives the client components below only the namespaces their subtree uses (lib/i18n/client-namespaces.ts). */
export async function ClientMessages({ subtree, children }: { subtree: ClientSubtree; children: ReactNode }) {
  const messages = pickMessages(await getMessages(), CLIENT_NAMESPACES[subtree]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
