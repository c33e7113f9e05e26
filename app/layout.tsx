import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s | ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Outside the signed-in area (sign-in, invitations, share pages read by managers and HR) the client
// gets only these namespaces, not the team's whole vocabulary; app/(app)/layout.tsx provides the rest.
const PUBLIC_NAMESPACES = ["app", "nav", "locales", "common", "auth", "invite", "errors", "validation", "share"] as const;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const all = await getMessages();
  const messages = Object.fromEntries(PUBLIC_NAMESPACES.map((ns) => [ns, all[ns]]));
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
