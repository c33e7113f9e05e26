"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LocaleSelect } from "@/components/ui/locale-select";
import { setGuestLocale } from "../actions";

export function GuestLocaleSwitcher() {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("nav.language")}</span>
      <LocaleSelect
        size="xs"
        value={locale}
        disabled={pending}
        onChange={(next) =>
          start(async () => {
            await setGuestLocale({ locale: next });
            router.refresh();
          })
        }
      />
    </label>
  );
}
