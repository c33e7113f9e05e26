// Late entries (decision 009, "Late entries flow forward"): a case recorded for a quarter after a
// report froze it never changes that quarter's published figures, and is not lost either. It flows
// into the next quarter the team freezes: that quarter's figures, first published then, hold it, so no
// two releases differ by it. Only additions flow (a new case, a new return, a new pilot run); a
// changed or withdrawn record stays as first published, like every frozen aggregate.
import type { TeamCtx } from "@/lib/auth/context";
import { dayKey } from "@/lib/dashboard/filters";
import * as q from "@/lib/dashboard/queries";

type Db = TeamCtx["db"];
export type Source = "improvement" | "returns" | "satisfaction" | "indicator";
type Row = q.ImprovementRow | q.ReturnRow | q.SatisfactionRow | q.IndicatorRow;

/** What a frozen quarter received from earlier quarters: rows per quarter they were recorded for. */
export type Carried = Record<string, unknown[]>;

const addMonths = (d: Date, months: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));

/** The rows of a source over [from, to), as the ledger freezes them. */
export function liveRows(db: Db, teamId: string, source: Source, from: Date, to: Date): Promise<Row[]> {
  if (source === "improvement") return q.improvementRows(db, teamId, { from, to });
  if (source === "returns") return q.returnRows(db, teamId, { from, to });
  if (source === "indicator") return q.indicatorRows(db, teamId, { from, to });
  return q.satisfactionRows(db, teamId, { from, to });
}

/** A row's cell within its quarter, and its numbers. */
function cellOf(source: Source, r: Row): string {
  if (source === "improvement") return `${(r as q.ImprovementRow).dep ?? "-"}|${(r as q.ImprovementRow).kind}`;
  if (source === "returns") return (r as q.ReturnRow).dep ?? "-";
  return (r as q.SatisfactionRow | q.IndicatorRow).ini;
}
const FIELDS: Record<Source, string[]> = {
  improvement: ["n", "hits"],
  returns: ["returns", "k3", "c3", "k6", "c6", "releave"],
  satisfaction: ["responses", "satSum"],
  indicator: ["m", "sb", "sa"],
};

function totals(source: Source, rows: unknown[]) {
  const out = new Map<string, { row: Row; v: Record<string, number> }>();
  for (const r of rows as Row[]) {
    const key = cellOf(source, r);
    const cur = out.get(key) ?? { row: r, v: Object.fromEntries(FIELDS[source].map((f) => [f, 0])) };
    for (const f of FIELDS[source]) cur.v[f]! += Number((r as unknown as Record<string, number>)[f] ?? 0);
    out.set(key, cur);
  }
  return out;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * What a quarter gained after it was frozen and has not flowed on yet, per cell, as rows dated `into`.
 * Each carried row keeps the rules every cell keeps (hits ≤ n; continuation known ≤ returns; scores 1–5).
 */
export function lateRows(source: Source, live: unknown[], frozen: unknown[], carried: unknown[], into: string): Row[] {
  const base = totals(source, [...frozen, ...carried]);
  const out: Row[] = [];
  for (const [key, { row, v }] of totals(source, live)) {
    const was = base.get(key)?.v ?? {};
    const d = (f: string) => v[f]! - (was[f] ?? 0);
    if (source === "improvement") {
      const n = d("n");
      if (n > 0) out.push({ ...(row as q.ImprovementRow), q: into, n, hits: clamp(d("hits"), 0, n) });
    } else if (source === "returns") {
      const returns = d("returns");
      if (returns <= 0) continue;
      const k3 = clamp(d("k3"), 0, returns);
      const k6 = clamp(d("k6"), 0, returns);
      out.push({
        ...(row as q.ReturnRow),
        q: into,
        returns,
        k3,
        c3: clamp(d("c3"), 0, k3),
        releave: clamp(d("releave"), 0, k3),
        k6,
        c6: clamp(d("c6"), 0, k6),
      });
    } else if (source === "indicator") {
      const m = d("m");
      if (m > 0) out.push({ ...(row as q.IndicatorRow), q: into, m, sb: Math.max(0, d("sb")), sa: Math.max(0, d("sa")) });
    } else {
      const responses = d("responses");
      if (responses > 0)
        out.push({ ...(row as q.SatisfactionRow), q: into, responses, satSum: clamp(d("satSum"), responses, 5 * responses) });
    }
  }
  return out;
}

/** Adds carried rows into a quarter's own rows (cell by cell). */
export function mergeRows(source: Source, own: unknown[], carry: Row[]): unknown[] {
  const merged = totals(source, own);
  for (const r of carry) {
    const key = cellOf(source, r);
    const cur = merged.get(key);
    if (!cur)
      merged.set(key, {
        row: r,
        v: Object.fromEntries(FIELDS[source].map((f) => [f, Number((r as unknown as Record<string, number>)[f])])),
      });
    else for (const f of FIELDS[source]) cur.v[f]! += Number((r as unknown as Record<string, number>)[f]);
  }
  return [...merged.values()].map(({ row, v }) => ({ ...row, ...v }));
}

type Frozen = { source: string; quarter: Date; rows: unknown; carried: unknown };

/** Everything carried so far out of each frozen quarter of a source, by the quarter it was recorded for. */
function carriedOut(frozen: Frozen[], source: Source) {
  const out = new Map<string, unknown[]>();
  for (const f of frozen)
    if (f.source === source)
      for (const [from, rows] of Object.entries((f.carried ?? {}) as Carried)) out.set(from, [...(out.get(from) ?? []), ...rows]);
  return out;
}

/**
 * The late rows of every quarter of `source` frozen before `into`: what freezing `into` now takes in.
 * Returns them by the quarter they were recorded for (kept on the frozen row, so they flow only once).
 */
export async function lateInto(db: Db, teamId: string, source: Source, frozen: Frozen[], into: string): Promise<Carried> {
  const earlier = frozen.filter((f) => f.source === source && dayKey(f.quarter) < into).map((f) => dayKey(f.quarter));
  if (earlier.length === 0) return {};
  earlier.sort();
  const live = await liveRows(
    db,
    teamId,
    source,
    new Date(`${earlier[0]}T00:00:00Z`),
    addMonths(new Date(`${earlier.at(-1)}T00:00:00Z`), 3),
  );
  const out: Carried = {};
  const carried = carriedOut(frozen, source);
  for (const from of earlier) {
    const rows = frozen.find((f) => f.source === source && dayKey(f.quarter) === from)!.rows as unknown[];
    const late = lateRows(
      source,
      live.filter((r) => r.q === from),
      rows,
      carried.get(from) ?? [],
      into,
    );
    if (late.length) out[from] = late;
  }
  return out;
}

/** How many case records (evaluated cases, returns) were added to frozen quarters and wait to flow on. */
export async function pendingLate(ctx: Pick<TeamCtx, "db" | "teamId">): Promise<number> {
  const frozen = await ctx.db.frozenCaseQuarter.findMany({
    where: { teamId: ctx.teamId, source: { in: ["improvement", "returns"] } },
    select: { source: true, quarter: true, rows: true, carried: true },
  });
  let count = 0;
  for (const source of ["improvement", "returns"] as const) {
    const mine = frozen.filter((f) => f.source === source);
    if (mine.length === 0) continue;
    // As if the next quarter were frozen now: what it would take in.
    const late = await lateInto(ctx.db, ctx.teamId, source, mine, "9999-12-31");
    const size = source === "improvement" ? "n" : "returns";
    for (const rows of Object.values(late)) for (const r of rows) count += Number((r as Record<string, number>)[size]);
  }
  return count;
}
