// Dashboard filters: parsed from the URL (so a view can be bookmarked and shared inside the team)
// and resolved to a half-open period [from, to) of JST calendar days.
import { z } from "zod";
import { CASE_KINDS } from "@/lib/cases/schemas";
import { DAY_MS, tokyoToday } from "@/lib/dates";
import { INITIATIVE_KINDS } from "@/lib/initiatives/schemas";
import { isoDate } from "@/lib/zod-helpers";

export const PERIODS = ["quarter", "lastQuarter", "half", "year", "lastYear", "12m", "custom"] as const;
export type PeriodPreset = (typeof PERIODS)[number];

const id = z
  .string()
  .trim()
  .max(64)
  .regex(/^[\w-]*$/)
  .optional()
  .catch(undefined);

export const dashboardFilterSchema = z
  .object({
    period: z.enum(PERIODS).catch("year").default("year"),
    from: isoDate.optional().catch(undefined),
    to: isoDate.optional().catch(undefined),
    dept: id,
    nurse: id,
    caseKind: z.enum(CASE_KINDS).optional().catch(undefined),
    initiativeKind: z.enum(INITIATIVE_KINDS).optional().catch(undefined),
    view: z.enum(["team", "manager"]).catch("team").default("team"),
  })
  .transform((f) => ({ ...f, dept: f.dept || undefined, nurse: f.nurse || undefined }));

export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;

/** What the queries need: a period and the scope, already checked against the team. */
export interface ResolvedFilter {
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Department ids in scope (subtrees); undefined means every department and none. */
  departmentIds?: string[];
  nurseId?: string;
  caseKind?: (typeof CASE_KINDS)[number];
  initiativeKind?: (typeof INITIATIVE_KINDS)[number];
}

const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m, d));

/** The Japanese fiscal year (April to March) that a day falls in. */
const fiscalYearOf = (day: Date) => (day.getUTCMonth() >= 3 ? day.getUTCFullYear() : day.getUTCFullYear() - 1);

export function resolvePeriod(f: Pick<DashboardFilter, "period" | "from" | "to">, now = new Date()): { from: Date; to: Date } {
  const today = tokyoToday(now);
  const y = today.getUTCFullYear();
  const q = Math.floor(today.getUTCMonth() / 3);
  const fy = fiscalYearOf(today);
  switch (f.period) {
    case "quarter":
      return { from: utc(y, q * 3), to: utc(y, q * 3 + 3) };
    case "lastQuarter":
      return { from: utc(y, q * 3 - 3), to: utc(y, q * 3) };
    case "half": {
      // Fiscal halves: April–September and October–March.
      const start = today.getUTCMonth() >= 3 && today.getUTCMonth() <= 8 ? utc(y, 3) : today.getUTCMonth() >= 9 ? utc(y, 9) : utc(y - 1, 9);
      return { from: start, to: utc(start.getUTCFullYear(), start.getUTCMonth() + 6) };
    }
    case "lastYear":
      return { from: utc(fy - 1, 3), to: utc(fy, 3) };
    case "12m":
      return { from: utc(y - 1, today.getUTCMonth(), today.getUTCDate() + 1), to: new Date(today.getTime() + DAY_MS) };
    case "custom":
      if (f.from && f.to) {
        const from = new Date(`${f.from}T00:00:00Z`);
        const to = new Date(new Date(`${f.to}T00:00:00Z`).getTime() + DAY_MS);
        if (from < to && to.getTime() - from.getTime() <= 5 * 366 * DAY_MS) return { from, to };
      }
      return { from: utc(fy, 3), to: utc(fy + 1, 3) };
    case "year":
    default:
      return { from: utc(fy, 3), to: utc(fy + 1, 3) };
  }
}

/** The exclusive end of a period, no later than the end of today in Tokyo: nothing from the future. */
export const untilToday = (to: Date, now = new Date()) => new Date(Math.min(to.getTime(), tokyoToday(now).getTime() + DAY_MS));

/** Calendar quarters (start days) that overlap [from, to). */
export function quartersIn(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  let cur = utc(from.getUTCFullYear(), Math.floor(from.getUTCMonth() / 3) * 3);
  while (cur < to) {
    out.push(cur);
    cur = utc(cur.getUTCFullYear(), cur.getUTCMonth() + 3);
  }
  return out;
}

export const dayKey = (d: Date) => d.toISOString().slice(0, 10);
