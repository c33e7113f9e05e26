// The team's disclosure ledger (decision 009): which closed quarters were frozen, and every set of
// cells a release showed a figure for. Loading it turns a report definition into a Release that the
// builder audits; recording it happens in the transaction that stores the issue.
import { createHash } from "node:crypto";
import type { TeamCtx } from "@/lib/auth/context";
import { RELEASE_MEASURES, type ReleaseMeasure, type Release } from "@/lib/dashboard/build";
import { dayKey, quartersIn } from "@/lib/dashboard/filters";
import * as q from "@/lib/dashboard/queries";
import { tokyoToday } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { setKey, type LayoutFact, type LedgerFigure } from "@/lib/statistics/series-audit";
import { lateInto, liveRows, mergeRows, type Carried, type Source } from "./late";

type Db = TeamCtx["db"];

const addMonths = (d: Date, months: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));

/** Whole quarters inside [from, to) that have closed by today (Tokyo): what case figures cover. */
export function closedQuarters(from: Date, to: Date, now = new Date()): Date[] {
  const today = tokyoToday(now);
  const currentQuarter = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1));
  return quartersIn(from, to).filter((start) => start >= from && addMonths(start, 3) <= to && addMonths(start, 3) <= currentQuarter);
}

const hashOf = (cells: readonly string[]) => createHash("sha256").update(setKey(cells)).digest("base64url");

/** The quarter a cell key ends with. */
const quarterOfKey = (key: string) => key.slice(key.lastIndexOf("|") + 1);

function truthOf(
  measure: ReleaseMeasure,
  improvement: q.ImprovementRow[],
  returns: q.ReturnRow[],
  satisfaction: q.SatisfactionRow[],
  indicator: q.IndicatorRow[],
) {
  const truth = new Map<string, number[]>();
  if (measure === "indicatorBefore" || measure === "indicatorAfter") {
    // Sums of count indicators, as MeasureSpace gives them to the audit (whole numbers).
    for (const r of indicator) truth.set(`${r.ini}|${r.q}`, [Math.round(measure === "indicatorBefore" ? r.sb : r.sa)]);
    return truth;
  }
  if (measure === "satisfaction") {
    // Sums in hundredths, as MeasureSpace gives them to the audit and the ledger.
    for (const r of satisfaction) truth.set(`${r.ini}|${r.q}`, [r.responses, Math.round(r.satSum * 100)]);
    return truth;
  }
  if (measure === "improvement") {
    for (const r of improvement) truth.set(`${r.dep ?? "-"}|${r.kind}|${r.q}`, [r.n, r.hits]);
    return truth;
  }
  for (const r of returns) {
    const key = `${r.dep ?? "-"}|${r.q}`;
    truth.set(key, measure === "returns" ? [r.returns] : measure === "k3" ? [r.k3, r.c3, r.releave] : [r.k6, r.c6]);
  }
  return truth;
}

export interface LoadedRelease {
  release: Release;
  /** Quarters this release would freeze (closed, never published before), with their rows and what they took in late. */
  toFreeze: { source: Source; quarter: string; rows: unknown[]; carried?: Carried }[];
  /** How many ledger entries there were: issuing refuses to record over a ledger that moved. */
  ledgerSize: number;
}

/**
 * The release a report definition stands for now: its closed quarters, their rows as first published
 * (frozen) or as they are (then frozen by this issue), and the ledger to audit against.
 */
export async function loadRelease(
  ctx: Pick<TeamCtx, "db" | "teamId">,
  def: { periodFrom: Date; periodTo: Date; scopeIds?: string[] },
  now = new Date(),
): Promise<LoadedRelease> {
  const quarters = closedQuarters(def.periodFrom, def.periodTo, now).map(dayKey);
  const [frozen, sets, bounds] = await Promise.all([
    ctx.db.frozenCaseQuarter.findMany({
      where: { teamId: ctx.teamId },
      select: { source: true, quarter: true, rows: true, carried: true },
    }),
    ctx.db.disclosedSet.findMany({ where: { teamId: ctx.teamId }, select: { measure: true, cells: true, values: true } }),
    ctx.db.disclosedBound.findMany({
      where: { teamId: ctx.teamId },
      select: { measure: true, cells: true, form: true, lower: true, upper: true },
    }),
  ]);
  const frozenKeys = new Set(frozen.map((f) => `${f.source}|${dayKey(f.quarter)}`));
  const all = {
    improvement: [] as q.ImprovementRow[],
    returns: [] as q.ReturnRow[],
    satisfaction: [] as q.SatisfactionRow[],
    indicator: [] as q.IndicatorRow[],
  };
  for (const f of frozen) (all[f.source as Source] as unknown[]).push(...(f.rows as unknown[]));

  // Closed quarters never published: read now, team-wide (the freeze covers every department).
  const toFreeze: LoadedRelease["toFreeze"] = [];
  for (const source of ["improvement", "returns", "satisfaction", "indicator"] as const) {
    const open = quarters.filter((qk) => !frozenKeys.has(`${source}|${qk}`));
    if (open.length === 0) continue;
    const from = new Date(`${open[0]}T00:00:00Z`);
    const to = addMonths(new Date(`${open.at(-1)}T00:00:00Z`), 3);
    const live = await liveRows(ctx.db, ctx.teamId, source, from, to);
    // Late entries of quarters frozen before flow into the latest quarter this release freezes.
    const into = open.at(-1)!;
    const carried = await lateInto(ctx.db, ctx.teamId, source, frozen, into);
    for (const qk of open) {
      let rows: unknown[] = live.filter((r) => r.q === qk);
      if (qk === into) rows = mergeRows(source, rows, Object.values(carried).flat() as Parameters<typeof mergeRows>[2]);
      toFreeze.push({ source, quarter: qk, rows, ...(qk === into && Object.keys(carried).length ? { carried } : {}) });
      (all[source] as unknown[]).push(...rows);
    }
  }

  const inQuarters = new Set(quarters);
  const scope = def.scopeIds ? new Set(def.scopeIds) : undefined;
  const inRelease = (r: { dep: string | null; q: string }) => inQuarters.has(r.q) && (!scope || (r.dep !== null && scope.has(r.dep)));
  const history = (measure: ReleaseMeasure): LedgerFigure[] =>
    sets.filter((s) => s.measure === measure).map((s) => ({ cells: s.cells, values: s.values.length ? s.values : null }));
  const published = (measure: ReleaseMeasure) => sets.filter((x) => x.measure === measure && x.values.length > 0);
  // Continuation is known for returns only (k3, k6 ≤ returns, cell by cell): a published count of
  // one bounds the other over the same cells, and the reader uses it.
  const cross = (measure: ReleaseMeasure): LayoutFact[] =>
    measure === "returns"
      ? [...published("k3"), ...published("k6")].map((x) => ({ cells: x.cells, form: 0, lower: x.values[0]! }))
      : measure === "k3" || measure === "k6"
        ? published("returns").map((x) => ({ cells: x.cells, form: 0, upper: x.values[0]! }))
        : [];
  const facts = (measure: ReleaseMeasure): LayoutFact[] => [
    ...bounds
      .filter((b) => b.measure === measure)
      .map((b) => ({
        cells: b.cells,
        form: b.form,
        ...(b.lower !== null && { lower: b.lower }),
        ...(b.upper !== null && { upper: b.upper }),
      })),
    ...cross(measure),
  ];
  // Only quarters the ledger or this release touch matter to the audit.
  const touched = new Set([
    ...quarters,
    ...sets.flatMap((s) => s.cells.map(quarterOfKey)),
    ...bounds.flatMap((b) => b.cells.map(quarterOfKey)),
  ]);
  const relevant = {
    improvement: all.improvement.filter((r) => touched.has(r.q)),
    returns: all.returns.filter((r) => touched.has(r.q)),
    satisfaction: all.satisfaction.filter((r) => touched.has(r.q)),
    indicator: all.indicator.filter((r) => touched.has(r.q)),
  };
  const disclosure = Object.fromEntries(
    RELEASE_MEASURES.map((m) => [
      m,
      {
        history: history(m),
        facts: facts(m),
        truth: truthOf(m, relevant.improvement, relevant.returns, relevant.satisfaction, relevant.indicator),
      },
    ]),
  ) as Release["disclosure"];
  return {
    release: {
      caseQuarters: quarters,
      rows: {
        improvement: all.improvement.filter(inRelease),
        returns: all.returns.filter(inRelease),
        // Initiatives are not in departments' cells: the pilots section picks its own.
        satisfaction: all.satisfaction.filter((r) => inQuarters.has(r.q)),
        indicator: all.indicator.filter((r) => inQuarters.has(r.q)),
      },
      scopeIds: def.scopeIds,
      disclosure,
      record: {},
    },
    toFreeze,
    ledgerSize: frozen.length + sets.length + bounds.length,
  };
}

type Tx = Pick<Db, "frozenCaseQuarter" | "disclosedSet" | "disclosedBound" | "$executeRaw">;

/**
 * Records an issued release: freezes its new quarters and adds its sets to the ledger. Refuses
 * (false) when another issue changed the ledger since `loaded` was read; the caller computes again.
 */
export async function recordRelease(tx: Tx, teamId: string, issueId: string, loaded: LoadedRelease): Promise<boolean> {
  // One issue at a time per team: the audit must see everything published before it.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ledger:${teamId}`}))`;
  const [frozen, sets, bounds] = await Promise.all([
    tx.frozenCaseQuarter.count({ where: { teamId } }),
    tx.disclosedSet.count({ where: { teamId } }),
    tx.disclosedBound.count({ where: { teamId } }),
  ]);
  if (frozen + sets + bounds !== loaded.ledgerSize) return false;
  if (loaded.toFreeze.length) {
    await tx.frozenCaseQuarter.createMany({
      data: loaded.toFreeze.map((f) => ({
        teamId,
        source: f.source,
        quarter: new Date(`${f.quarter}T00:00:00Z`),
        rows: f.rows as Prisma.InputJsonValue,
        carried: (f.carried ?? {}) as Prisma.InputJsonValue,
        issueId,
      })),
    });
  }
  for (const [measure, figures] of Object.entries(loaded.release.record) as [ReleaseMeasure, LedgerFigure[]][]) {
    const unique = new Map(figures.map((f) => [hashOf(f.cells), f]));
    const existing = await tx.disclosedSet.findMany({
      where: { teamId, measure, setHash: { in: [...unique.keys()] } },
      select: { setHash: true, values: true },
    });
    const known = new Map(existing.map((e) => [e.setHash, e.values]));
    const fresh = [...unique].filter(([hash]) => !known.has(hash));
    if (fresh.length) {
      await tx.disclosedSet.createMany({
        data: fresh.map(([setHash, f]) => ({
          teamId,
          measure,
          setHash,
          cells: [...f.cells].sort(),
          values: f.values ?? [],
          firstIssueId: issueId,
          publishedIssueId: f.values ? issueId : null,
        })),
      });
    }
    // A set hidden until now and published by this release.
    const nowPublished = [...unique].filter(([hash, f]) => f.values && known.get(hash)?.length === 0);
    for (const [setHash, f] of nowPublished) {
      await tx.disclosedSet.update({
        where: { teamId_measure_setHash: { teamId, measure, setHash } },
        data: { values: f.values!, publishedIssueId: issueId },
      });
    }
  }
  for (const [measure, facts] of Object.entries(loaded.release.layout ?? {}) as [ReleaseMeasure, LayoutFact[]][]) {
    await recordBounds(tx, teamId, issueId, measure, facts);
  }
  return true;
}

/** Adds a release's layout facts to the ledger, one row per quantity of a set with its tightest bounds. */
async function recordBounds(tx: Tx, teamId: string, issueId: string, measure: string, facts: LayoutFact[]) {
  const merged = new Map<string, { setHash: string; form: number; cells: string[]; lower: number | null; upper: number | null }>();
  for (const f of facts) {
    const setHash = hashOf(f.cells);
    const key = `${setHash}|${f.form}`;
    const prev = merged.get(key) ?? { setHash, form: f.form, cells: [...f.cells].sort(), lower: null, upper: null };
    if (f.lower !== undefined) prev.lower = Math.max(prev.lower ?? -Infinity, f.lower);
    if (f.upper !== undefined) prev.upper = Math.min(prev.upper ?? Infinity, f.upper);
    merged.set(key, prev);
  }
  if (merged.size === 0) return;
  const existing = await tx.disclosedBound.findMany({
    where: { teamId, measure, setHash: { in: [...new Set([...merged.values()].map((m) => m.setHash))] } },
    select: { setHash: true, form: true, lower: true, upper: true },
  });
  const known = new Map(existing.map((e) => [`${e.setHash}|${e.form}`, e]));
  const fresh = [...merged].filter(([key]) => !known.has(key)).map(([, m]) => m);
  if (fresh.length) await tx.disclosedBound.createMany({ data: fresh.map((m) => ({ teamId, measure, ...m, firstIssueId: issueId })) });
  for (const [key, m] of merged) {
    const old = known.get(key);
    if (!old) continue;
    const lower = m.lower === null ? old.lower : Math.max(old.lower ?? -Infinity, m.lower);
    const upper = m.upper === null ? old.upper : Math.min(old.upper ?? Infinity, m.upper);
    if (lower === old.lower && upper === old.upper) continue;
    await tx.disclosedBound.update({
      where: { teamId_measure_setHash_form: { teamId, measure, setHash: m.setHash, form: m.form } },
      data: { lower, upper },
    });
  }
}
