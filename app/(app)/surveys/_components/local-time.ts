import { DAY_MS, jstDayStart } from "@/lib/dates";

/** A moment as a datetime-local input shows it, in Japan time (the team's clock). */
export function localInput(d: Date): string {
  return new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
}

export const WEEK_MS = 7 * DAY_MS;

/** A new survey opens now (or when the run's day begins in Japan, if later) and takes answers for a week. */
export function defaultWindow(runOn: Date, now = new Date()): { opens: Date; closes: Date } {
  const opens = new Date(Math.max(now.getTime(), jstDayStart(runOn).getTime()));
  return { opens, closes: new Date(opens.getTime() + WEEK_MS) };
}
