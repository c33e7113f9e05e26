"use client";
import { useTranslations } from "next-intl";
import { LOCALES, type AppLocale } from "@/lib/i18n/config";
import type { ControlSize } from "./control";

/** The language picker; the caller decides where the choice is saved. */
export function LocaleSelect({
  value,
  disabled,
  onChange,
  size = "md",
  className = "",
}: {
  size?: ControlSize;
  value: string;
  disabled?: boolean;
  onChange: (locale: AppLocale) => void;
  /** Layout only (margins, width); the look is the control kit's. */
  className?: string;
}) {
  const t = useTranslations();
  return (
    // A plain select with the kit's look by name (./control.tsx): this picker is on every page, the kit's wrappers are not.
    <select
      className={`control control-${size} ${className}`}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as AppLocale)}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l}>
          {t(`locales.${l}`)}
        </option>
      ))}
    </select>
  );
}
