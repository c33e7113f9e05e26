// Calendar days are Japanese calendar days: date-only columns hold UTC midnight of the JST date.
import { dateTimeFormat } from "@/lib/i18n/intl";
const JST_OFFSET_MS = 9 * 3_600_000;

/** One day in milliseconds. */
// eslint-disable-next-line no-restricted-syntax -- the one definition
export const DAY_MS = 86_400_000;

/** Today's JST calendar date, as UTC midnight (the form date-only columns use). */
export function tokyoToday(now = new Date()): Date {
  const jst = new Date(now.getTime() + JST_OFFSET_MS);
  return new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate()));
}

/** The first of the last `days` JST calendar days, today included (UTC midnight, as tokyoToday). */
export function firstOfLastDays(days: number, now = new Date()): Date {
  return new Date(tokyoToday(now).getTime() - (days - 1) * DAY_MS);
}

/** The JST calendar day of a moment, as "YYYY-MM-DD". */
export function tokyoDay(at: Date = new Date()): string {
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The moment a JST calendar day (held as UTC midnight, as date-only columns are) begins. */
export function jstDayStart(day: Date): Date {
  return new Date(day.getTime() - JST_OFFSET_MS);
}

/** A date-only column value (UTC midnight) as a "YYYY-MM-DD" form value; none is "". */
export function isoDayOf(day: Date | null | undefined): string {
  return day ? day.toISOString().slice(0, 10) : "";
}

/** A "YYYY-MM-DD" form value as a date-only column value (UTC midnight); empty stays null. */
export function dateOnlyOf(isoDay: string | null | undefined): Date | null {
  return isoDay ? new Date(`${isoDay}T00:00:00.000Z`) : null;
}

/** A calendar day ("YYYY-MM-DD") written out in the locale (2026年7月10日 / July 10, 2026); dashboards use the shorter `formatDay` of lib/dashboard. */
export function formatLongDay(locale: "ja" | "en", isoDay: string): string {
  return dateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", { timeZone: "UTC", dateStyle: "long" }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );
}

export const calendarDate = (d: string) => formatLongDay("ja", d);

/** A moment in Japan time as the locale writes it (2026年11月30日 9:05 / Nov 30, 2026, 9:05 AM JST). */
export function formatDateTime(locale: "ja" | "en", at: Date): string {
  return (
    dateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", {
      timeZone: "Asia/Tokyo",
      dateStyle: "long",
      timeStyle: "short",
    }).format(at) + (locale === "en" ? " JST" : "")
  );
}
