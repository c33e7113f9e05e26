// The stance chart's data, pure so it can be tested: one point per Tokyo day (several changes on a
// day keep their order for the tooltip), carried to today, on a real time axis with ticks at day,
// month or year boundaries that never repeat a label.
import { DAY_MS, jstDayStart, tokyoDay, tokyoToday } from "@/lib/dates";

export const STANCE_LEVELS = ["UNCOOPERATIVE", "INDIFFERENT", "NEUTRAL", "COOPERATIVE", "CHAMPION"] as const;

export type StancePoint = { at: string; stance: string };
export type SeriesPoint = { x: number; y: number; steps: string[] };
export type TickUnit = "day" | "month" | "year";

const dayOf = (ms: number) => tokyoDay(new Date(ms));
/** The instant a Tokyo calendar date starts. */
const tokyoStart = (y: number, m: number, d = 1) => jstDayStart(new Date(Date.UTC(y, m, d))).getTime();

export function stanceSeries(points: StancePoint[], now: Date) {
  const data: SeriesPoint[] = [];
  for (const p of points) {
    const ms = Date.parse(p.at);
    const last = data[data.length - 1];
    const y = STANCE_LEVELS.indexOf(p.stance as (typeof STANCE_LEVELS)[number]);
    if (last && dayOf(last.x) === dayOf(ms)) {
      last.y = y;
      last.steps.push(p.stance);
    } else data.push({ x: ms, y, steps: [p.stance] });
  }
  if (data.length === 0)
    return {
      data,
      ticks: [] as number[],
      unit: "day" as TickUnit,
      domain: [now.getTime() - 14 * DAY_MS, now.getTime()] as [number, number],
    };
  const end = Math.max(now.getTime(), data[data.length - 1].x);
  data.push({ x: end, y: data[data.length - 1].y, steps: [] });
  // At least two weeks wide, so a history that started today is still a line, not a dot.
  const start = Math.min(data[0].x, end - 14 * DAY_MS);
  const { ticks, unit } = timeTicks(start, end);
  return { data, ticks, unit, domain: [start, end] as [number, number] };
}

/** About six ticks at calendar boundaries in Tokyo time. */
export function timeTicks(start: number, end: number, target = 6): { ticks: number[]; unit: TickUnit } {
  const days = (end - start) / DAY_MS;
  const ticks: number[] = [];
  const s = tokyoToday(new Date(start));
  if (days <= 75) {
    const every = Math.max(1, Math.ceil(days / target));
    for (let t = tokyoStart(s.getUTCFullYear(), s.getUTCMonth(), s.getUTCDate() + 1); t <= end; t += every * DAY_MS) ticks.push(t);
    return { ticks, unit: "day" };
  }
  if (days <= 365 * 3) {
    const every = [1, 2, 3, 6].find((m) => days / 30.4 / m <= target) ?? 12;
    const next = s.getUTCFullYear() * 12 + s.getUTCMonth() + 1;
    for (let k = Math.ceil(next / every) * every; tokyoStart(Math.floor(k / 12), k % 12) <= end; k += every) {
      ticks.push(tokyoStart(Math.floor(k / 12), k % 12));
    }
    return { ticks, unit: "month" };
  }
  const every = Math.max(1, Math.ceil(days / 365 / target));
  for (let y = s.getUTCFullYear() + 1; tokyoStart(y, 0) <= end; y += every) ticks.push(tokyoStart(y, 0));
  return { ticks, unit: "year" };
}
