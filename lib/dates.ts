// Calendar days are Japanese calendar days: date-only columns hold UTC midnight of the JST date.
const JST_OFFSET_MS = 9 * 3_600_000;

/** Today's JST calendar date, as UTC midnight (the form date-only columns use). */
export function tokyoToday(now = new Date()): Date {
  const jst = new Date(now.getTime() + JST_OFFSET_MS);
  return new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate()));
}
