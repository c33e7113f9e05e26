import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { GuestLocaleSwitcher } from "./_components/guest-locale-switcher";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between border-b border-stone-200 bg-white px-4 py-3">
        <div>
          <p className="text-lg font-bold text-brand-700">{t("name")}</p>
          <p className="text-xs text-stone-500">{t("tagline")}</p>
        </div>
        <ClientMessages subtree="guest">
          <GuestLocaleSwitcher />
        </ClientMessages>
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-4 py-8">{children}</main>
    </div>
  );
}
