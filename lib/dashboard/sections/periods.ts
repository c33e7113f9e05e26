// Day, quarter and half-year labels shared by the sections and the period line.
import type { Translate } from "@/lib/i18n/translator";
import { dateTimeFormat } from "@/lib/i18n/intl";

export const quarterLabel = (t: Translate, isoDay: string) => {
  const [y, m] = isoDay.split("-").map(Number);
  return t("dashboard.quarterLabel", { year: y!, from: m!, to: m! + 2 });
};

/** Quarters (start days) grouped into fiscal half-years: April–September and October–March. */
export function fiscalHalves(t: Translate, quarters: string[]) {
  const groups = new Map<string, { label: string; quarters: string[] }>();
  for (const qk of quarters) {
    const [y, m] = qk.split("-").map(Number);
    const fy = m! >= 4 ? y! : y! - 1;
    const first = m! >= 4 && m! <= 9;
    const key = `${fy}-${first ? 1 : 2}`;
    if (!groups.has(key)) groups.set(key, { label: t(first ? "dashboard.firstHalf" : "dashboard.secondHalf", { year: fy }), quarters: [] });
    groups.get(key)!.quarters.push(qk);
  }
  return [...groups.values()];
}

/** "YYYY-MM" of a quarter's last month. */
export const lastMonthOf = (quarterStart: string) => {
  const [y, m] = quarterStart.split("-").map(Number);
  return `${y}-${String(m! + 2).padStart(2, "0")}`;
};

/** A calendar day (UTC midnight of the JST date) as the locale writes it. */
export const formatDay = (locale: "ja" | "en", d: Date) =>
  dateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", { dateStyle: "medium", timeZone: "UTC" }).format(d);
