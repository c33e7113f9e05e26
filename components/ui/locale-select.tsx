"use client";
import { useTranslations } from "next-intl";
import { LOCALES, type AppLocale } from "@/lib/i18n/config";

/** The language picker; the caller decides where the choice is saved. */
export function LocaleSelect({
  value,
  disabled,
  onChange,
  className,
}: {
  value: string;
  disabled?: boolean;
  onChange: (locale: AppLocale) => void;
  className: string;
}) {
  const t = useTranslations();
  return (
    <select className={className} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as AppLocale)}>
      {LOCALES.map((l) => (
        <option key={l} value={l}>
          {t(`locales.${l}`)}
        </option>
      ))}
    </select>
  );
}
