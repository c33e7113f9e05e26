// A translator outside React (exports, mail): the catalog for a locale, keys checked at run time.
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

/** A message by catalog key, with its values: what exports, mail and messages are written with. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translatorFor(locale: "ja" | "en"): Translate {
  const t = createTranslator({ locale, messages: locale === "en" ? en : ja });
  return (key, values) => t(key as never, values as never);
}

/** A month ("2026-10") as the locale writes it (2026年10月). */
export function monthLabel(t: Translate, ym: string) {
  const [y, m] = ym.split("-").map(Number);
  return t("dashboard.monthLabel", { year: y!, month: m! });
}
