// Builds the success data (sections of tables, with suppression marked) for the dashboard, a
// report, its exports and share page. Every label comes from the message catalogs.
import { distinctLabels } from "@/lib/departments/labels";
import type { TeamCtx } from "@/lib/auth/context";
import { CASE_KINDS } from "@/lib/cases/schemas";
import { DAY_MS, tokyoToday } from "@/lib/dates";
import { STAGES } from "@/lib/initiatives/schemas";
import { STANCES } from "@/lib/key-persons/schemas";
import type { Translate } from "@/lib/requests/message";
import { TOUCHPOINT_TYPES } from "@/lib/touchpoints/schemas";
import type { LedgerFigure, ProtectResult } from "@/lib/reports/disclosure";
import { monthLabel, translatorFor } from "@/lib/i18n/translator";
import { groupSizeOf } from "@/lib/reports/suppression";
import type { Fig, ReportData, Row, Section, SectionId, Table } from "@/lib/reports/types";
import { isSuppressed, SECTION_IDS, SNAPSHOT_SCHEMA, type Audience } from "@/lib/reports/types";
import { dayKey, quartersIn, untilToday, type ResolvedFilter } from "./filters";
import * as q from "./queries";
import { MeasureSpace, type SpaceDisclosure } from "./space";
import { summarize } from "./summary";

type Locale = "ja" | "en";
export type { Translate };


type Dept = { id: string; name: string; parentId: string | null; path: string };

const round = (v: number) => Math.round(v * 10) / 10;

export const countAt = (rows: q.StanceAtRow[], at: string | undefined, stance: string) =>
  rows.filter((r) => r.at === at && r.stance === stance).reduce((a, r) => a + r.n, 0);

/** A calendar day (UTC midnight of the JST date) as the locale writes it. */
export const formatDay = (locale: Locale, d: Date) =>
  new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", { dateStyle: "medium", timeZone: "UTC" }).format(d);

function improvementWord(t: Translate, before: number, after: number, lowerIsBetter: boolean, unit: string) {
  const diff = round(after - before);
  if (diff === 0) return t("dashboard.pilots.unchanged");
  const better = lowerIsBetter ? diff < 0 : diff > 0;
  // A change of a percentage is in points, not per cent.
  const amount = unit === "%" ? t("dashboard.pilots.points", { n: Math.abs(diff) }) : `${Math.abs(diff)}${unit}`;
  return t(better ? "dashboard.pilots.better" : "dashboard.pilots.worse", { diff: amount });
}

/** Units that make an indicator a count of people (休職者数 2 → 1人 names two people in a small group). */
const PEOPLE_UNITS = new Set(["人", "名", "people", "persons", "person"]);

/** An initiative's before → after and its change; a people count below k on either side is withheld. */
function indicatorCells(t: Translate, r: { indicatorName: string; indicatorUnit: string; lowerIsBetter: boolean; before: number | null; after: number | null }, k: number): Fig[] {
  if (r.before === null || r.after === null) return [{ t: "text", v: "" }, { t: "text", v: "" }];
  if (PEOPLE_UNITS.has(r.indicatorUnit.trim().toLowerCase()) && Math.min(r.before, r.after) < groupSizeOf(k)) {
    return [{ t: "text", v: `${r.indicatorName}: ${t("dashboard.pilots.fewPeople")}` }, { t: "text", v: "" }];
  }
  return [
    { t: "text", v: `${r.indicatorName}: ${round(r.before)} → ${round(r.after)}${r.indicatorUnit}` },
    { t: "text", v: improvementWord(t, r.before, r.after, r.lowerIsBetter, r.indicatorUnit) },
  ];
}

/** JST months ("YYYY-MM") from the period's start to its end or this month, whichever is first. */
function monthsIn(from: Date, to: Date, now: Date) {
  const out: string[] = [];
  const last = new Date(Math.min(to.getTime() - 1, tokyoToday(now).getTime()));
  let y = from.getUTCFullYear();
  let m = from.getUTCMonth();
  while (y < last.getUTCFullYear() || (y === last.getUTCFullYear() && m <= last.getUTCMonth())) {
    out.push(`${y}-${String(m + 1).padStart(2, "0")}`);
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

/** Definitions of the sections shown (only those), the period, and how small groups are protected. */
function methodNotes(t: Translate, period: string, k: number, shown: Set<SectionId>, caseQuarters?: string[]) {
  const casePeriod = !caseQuarters
    ? []
    : caseQuarters.length === 0
      ? [t("dashboard.notes.casePeriodNone")]
      : [t("dashboard.notes.casePeriod", { from: monthLabel(t, caseQuarters[0]!.slice(0, 7)), to: monthLabel(t, lastMonthOf(caseQuarters.at(-1)!)) })];
  return [
    t("dashboard.notes.period", { period }),
    ...casePeriod,
    ...(["improvement", "returnToWork", "pilots", "allies", "activity"] as const).filter((id) => shown.has(id)).map((id) => t(`dashboard.notes.${id}`)),
    t("dashboard.notes.suppression", { k }),
  ];
}

/** Department rows for a tree table: scope roots and their descendants, depth-first, by name. */
function deptOrder(depts: Dept[], roots: Dept[], maxDepth = 3) {
  const children = new Map<string | null, Dept[]>();
  for (const d of depts) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d]);
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, "ja"));
  const out: { dept: Dept; depth: number }[] = [];
  const walk = (d: Dept, depth: number) => {
    out.push({ dept: d, depth });
    if (depth < maxDepth) for (const c of children.get(d.id) ?? []) walk(c, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return { order: out, roots, maxDepth, childrenOf: (id: string) => children.get(id) ?? [], hasChildren: (id: string) => (children.get(id)?.length ?? 0) > 0 };
}

const quarterLabel = (t: Translate, isoDay: string) => {
  const [y, m] = isoDay.split("-").map(Number);
  return t("dashboard.quarterLabel", { year: y!, from: m!, to: m! + 2 });
};
/**
 * A released section as a reader meets it: columns hidden in every row are left out and named in a
 * sentence, a table hidden throughout says so instead of rows of "*", and the section counts its
 * hidden figures for the builder. Only hidden marks go: what is published does not change.
 */
function condensed(t: Translate, section: Section, grouped: Set<string>, minGroupSize: number): Section {
  const k = groupSizeOf(minGroupSize);
  const figures = section.tables.flatMap((tb) => tb.rows.flatMap((r) => r.cells)).filter((c) => c.t === "count" || c.t === "rate" || c.t === "mean");
  const notes = [...grouped];
  const withheldColumns = new Set<string>();
  const tables = section.tables.map((table): Table => {
    if (table.rows.length === 0) return table;
    const hiddenEverywhere = table.columns.map((_, i) => table.rows.every((r) => isSuppressed(r.cells[i])));
    if (hiddenEverywhere.every(Boolean)) return { ...table, rows: [], chart: undefined, empty: t("dashboard.tableWithheld", { k }) };
    if (!hiddenEverywhere.some(Boolean)) return table;
    const keep = table.columns.map((_, i) => i).filter((i) => !hiddenEverywhere[i]);
    table.columns.forEach((c, i) => hiddenEverywhere[i] && withheldColumns.add(c));
    const series = table.chart?.series.filter((i) => keep.includes(i)).map((i) => keep.indexOf(i)) ?? [];
    return {
      ...table,
      columns: keep.map((i) => table.columns[i]!),
      rows: table.rows.map((r) => ({ ...r, cells: keep.map((i) => r.cells[i]!) })),
      chart: table.chart && series.length ? { ...table.chart, series } : undefined,
    };
  });
  if (withheldColumns.size) notes.push(t("dashboard.columnsWithheld", { names: [...withheldColumns].map((c) => `「${c}」`).join(""), k }));
  return { ...section, tables, notes, withheld: { hidden: figures.filter(isSuppressed).length, figures: figures.length } };
}

/** Quarters (start days) grouped into fiscal half-years: April–September and October–March. */
function fiscalHalves(t: Translate, quarters: string[]) {
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
const lastMonthOf = (quarterStart: string) => {
  const [y, m] = quarterStart.split("-").map(Number);
  return `${y}-${String(m! + 2).padStart(2, "0")}`;
};

/** Runs the tasks two at a time, keeping their order in the result. */
async function inPairs<T extends readonly (() => Promise<unknown>)[]>(tasks: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all([lane(), lane()]);
  return results as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

export interface BuildInput {
  teamName: string;
  minGroupSize: number;
  locale: Locale;
  filter: ResolvedFilter;
  /** The departments the filter scoped to (roots of the department tables); empty means the whole tree. */
  scopeRoots: string[];
  periodLabel: string;
  title?: string;
  message?: string;
  sections?: readonly SectionId[];
  /** A report's readers: for managers and HR, no team-internal sentence goes into the summary. */
  audience?: Audience;
  now?: Date;
  /** A release (decision 009): case figures over closed quarters, audited against the ledger. */
  release?: Release;
}

/** An empty cell of a release's return-to-work grid. */
const NO_RETURNS: q.ReturnRow = { dep: null, q: "", returns: 0, k3: 0, c3: 0, k6: 0, c6: 0, releave: 0 };

/** The case measures a release audits, each with its own ledger. */
export const CASE_MEASURES = ["improvement", "returns", "k3", "k6"] as const;
export type CaseMeasure = (typeof CASE_MEASURES)[number];

export interface Release {
  /** Closed quarters (start days, YYYY-MM-DD) the case figures cover. */
  caseQuarters: string[];
  /** Case rows of those quarters (frozen where published before), in the report's scope. */
  rows: { improvement: q.ImprovementRow[]; returns: q.ReturnRow[] };
  /** Department ids of the report's scope; undefined for the whole team (and cases with none). */
  scopeIds?: string[];
  disclosure: Record<CaseMeasure, SpaceDisclosure>;
  /** Filled by the build: what this release shows, per measure. */
  record: Partial<Record<CaseMeasure, LedgerFigure[]>>;
  /** Filled by the build: what each measure's audit took. */
  stats?: Partial<Record<CaseMeasure, ProtectResult["stats"]>>;
}

export async function buildSuccessData(ctx: Pick<TeamCtx, "db" | "teamId">, input: BuildInput): Promise<ReportData> {
  const { db, teamId } = ctx;
  const f = input.filter;
  const t = translatorFor(input.locale);
  const now = input.now ?? new Date();
  const rule = { minGroupSize: input.minGroupSize };
  const wanted = new Set(input.sections ?? SECTION_IDS);
  // Nothing after today: a fiscal year still under way ends today, with no empty future quarters.
  const until = untilToday(f.to, now);
  const quarters = quartersIn(f.from, until).map(dayKey);
  // Stance counts at each quarter's end, up to today.
  const moments = quartersIn(f.from, until)
    .map((start) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1)))
    .map((end) => (end > now ? new Date(tokyoToday(now).getTime() + DAY_MS) : end));
  const momentKeys = [...new Set(moments.map(dayKey))];

  // Two at a time: on a small database server, eleven parallel aggregations only contend.
  const release = input.release;
  const caseQuarters = release ? release.caseQuarters : quarters;
  const [depts, improvementLive, returnsLive, stages, results, examples, stanceDays, coverage, activity, acceptance] = await inPairs([
    () => db.department.findMany({ where: { teamId }, select: { id: true, name: true, parentId: true, path: true } }),
    () => (release ? Promise.resolve([]) : q.improvementRows(db, teamId, f)),
    () => (release ? Promise.resolve([]) : q.returnRows(db, teamId, f)),
    () => q.stageRows(db, teamId, f),
    () => q.resultRows(db, teamId, f),
    () => q.goodExamples(db, teamId, f),
    () => q.stanceDayRows(db, teamId, f),
    () => q.coverageRows(db, teamId, f),
    () => q.activityRows(db, teamId, f),
    () => q.acceptanceRows(db, teamId, f),
  ] as const);
  const moves = q.stanceMoves(stanceDays, f.from, f.to);
  const improvement = release ? release.rows.improvement : improvementLive;
  const returns = release ? release.rows.returns : returnsLive;
  // A release's grid: every department of its scope × kind × quarter, empty ones included, so that
  // an empty group is shown (hidden) like any other.
  const gridDeps = release ? [...(release.scopeIds ?? depts.map((d) => d.id)), ...(release.scopeIds ? [] : ["-"])] : [];
  const grid = <T extends { key: string }>(live: T[], keysOf: (dep: string) => string[], empty: (key: string) => T) => {
    if (!release) return live;
    const byKey = new Map(live.map((c) => [c.key, c]));
    return gridDeps.flatMap(keysOf).map((key) => byKey.get(key) ?? empty(key));
  };
  /** What a release's space shows goes into its record (and the audit's figures into the bench's). */
  const recordSpace = (measure: CaseMeasure, space: MeasureSpace) => {
    if (!release) return;
    release.record[measure] = space.ledger();
    (release.stats ??= {})[measure] = space.auditStats;
  };

  const stanceRows = q.stanceCountsAt(stanceDays, momentKeys);
  const byId = new Map(depts.map((d) => [d.id, d]));
  // Flat lists name a department with its path where another shares its name.
  const labelOf = distinctLabels(depts);
  const roots = input.scopeRoots.length ? input.scopeRoots.map((id) => byId.get(id)!).filter(Boolean) : depts.filter((d) => !d.parentId);
  const tree = deptOrder(depts, roots);
  const lineage = (dep: string | null) => {
    const d = dep ? byId.get(dep) : undefined;
    return d ? new Set([...d.path.split("/").filter(Boolean), d.id]) : new Set<string>();
  };
  // Predicates run for every department × inner cell: key parts and lineages are parsed once.
  const partsCache = new Map<string, string[]>();
  const partsOf = (key: string) => {
    let parts = partsCache.get(key);
    if (!parts) partsCache.set(key, (parts = key.split("|")));
    return parts;
  };
  const depOfKey = (key: string) => partsOf(key)[0]!;
  const lineageCache = new Map<string, Set<string>>();
  const lineageOfKey = (key: string) => {
    const dep = depOfKey(key);
    let set = lineageCache.get(dep);
    if (!set) lineageCache.set(dep, (set = lineage(dep === "-" ? null : dep)));
    return set;
  };
  const inSubtree = (deptId: string) => (key: string) => lineageOfKey(key).has(deptId);
  const part = (i: number, value: string) => (key: string) => partsOf(key)[i] === value;

  /**
   * Department rows (tree), a row for cases with no department, and each department's own part
   * (hidden). In a release (`coarsen`: the space whose primary rule decides), a mostly hidden tree is coarsened instead of printed as
   * a wall of "*": a department whose sub-departments would all be hidden stands for them, and two or
   * more hidden siblings fold into one "その他（n部署）" row.
   */
  function departmentRows(make: (pred: (k: string) => boolean, display: boolean) => Fig[], keys: string[], coarsen?: MeasureSpace) {
    const rows: Row[] = [];
    const present = new Set(keys.map(depOfKey));
    if (!coarsen) {
      for (const { dept, depth } of tree.order) {
        const pred = inSubtree(dept.id);
        if (!keys.some(pred)) continue;
        rows.push({ label: dept.name, depth, key: dept.id, cells: make(pred, true) });
        if (tree.hasChildren(dept.id)) make((k) => depOfKey(k) === dept.id, false);
      }
      if (present.has("-")) rows.push({ label: t("dashboard.noDepartment"), cells: make((k) => depOfKey(k) === "-", true) });
      return rows;
    }
    const walk = (dept: Dept, depth: number) => {
      rows.push({ label: dept.name, depth, key: dept.id, cells: make(inSubtree(dept.id), true) });
      const children = tree.childrenOf(dept.id).filter((c) => keys.some(inSubtree(c.id)));
      if (children.length === 0) return;
      make((k) => depOfKey(k) === dept.id, false);
      const failing = children.filter((c) => !coarsen.passes(inSubtree(c.id), rule));
      // One hidden sibling is found from the parent and the others: it goes with the smallest other.
      if (failing.length === 1 && children.length > 1) {
        const others = children.filter((c) => c !== failing[0]).sort((a, b) => coarsen.size(inSubtree(a.id)) - coarsen.size(inSubtree(b.id)));
        failing.push(others[0]!);
      }
      if (failing.length > 1 || failing.length === children.length) grouped.add(t("dashboard.groupedDepartments"));
      if (failing.length === children.length || depth >= tree.maxDepth) return;
      for (const c of children) if (failing.length < 2 || !failing.includes(c)) walk(c, depth + 1);
      if (failing.length >= 2) {
        const ids = failing.map((c) => c.id);
        const pred = (k: string) => ids.some((id) => lineageOfKey(k).has(id));
        rows.push({ label: t("dashboard.otherDepartments", { count: failing.length }), depth: depth + 1, cells: make(pred, true) });
      }
    };
    for (const r of tree.roots) if (keys.some(inSubtree(r.id))) walk(r, 0);
    const none = (k: string) => depOfKey(k) === "-";
    if (present.has("-") && coarsen.passes(none, rule)) rows.push({ label: t("dashboard.noDepartment"), cells: make(none, true) });
    return rows;
  }

  /** Case kinds; in a release, two or more kinds that would be hidden fold into "その他の種別". */
  function kindRows(kinds: readonly string[], make: (pred: (k: string) => boolean) => Fig[], coarsen?: MeasureSpace) {
    const pred = (list: readonly string[]) => (k: string) => list.includes(partsOf(k)[1]!);
    const failing = coarsen ? kinds.filter((k) => !coarsen.passes(pred([k]), rule)) : [];
    const folded = failing.length >= 2 ? failing : [];
    const rows = kinds.filter((k) => !folded.includes(k)).map((k) => ({ label: t(`caseKinds.${k}`), cells: make(pred([k])) }));
    if (folded.length) rows.push({ label: t("dashboard.otherKinds", { count: folded.length }), cells: make(pred(folded)) });
    return rows;
  }

  /**
   * Period rows: quarters, or in a release where most quarters would be hidden, fiscal half-years,
   * or none (the total stands alone).
   */
  function periodRows(make: (pred: (k: string) => boolean) => Fig[], at: number, coarsen?: MeasureSpace) {
    const quarterGroups = caseQuarters.map((qk) => ({ label: quarterLabel(t, qk), quarters: [qk] }));
    const pred = (quarters: string[]) => (k: string) => quarters.includes(partsOf(k)[at]!);
    if (!coarsen) return quarterGroups.map((g) => ({ label: g.label, cells: make(pred(g.quarters)) }));
    const options = [quarterGroups, fiscalHalves(t, caseQuarters), []];
    // A single hidden group is found from the total and the others, so it costs a second one.
    const cost = (groups: typeof quarterGroups) => {
      const failing = groups.filter((g) => !coarsen.passes(pred(g.quarters), rule)).length;
      return failing === 1 ? 2 : failing;
    };
    const chosen = options.find((groups) => cost(groups) * 2 <= groups.length) ?? [];
    if (chosen !== quarterGroups) grouped.add(t(chosen.length ? "dashboard.groupedHalves" : "dashboard.groupedPeriod"));
    return chosen.map((g) => ({ label: g.label, cells: make(pred(g.quarters)) }));
  }

  const sections: Section[] = [];
  /** How the section being built was coarsened, said under it. */
  const grouped = new Set<string>();
  /** Released sections as readers get them; `sections` keeps every figure for the summary. */
  const shown = new Map<SectionId, Section>();
  const addCaseSection = (section: Section) => {
    sections.push(section);
    if (release) shown.set(section.id, condensed(t, section, grouped, rule.minGroupSize));
    grouped.clear();
  };

  // Improvement of high-risk people.
  {
    const inner = grid(
      improvement.map((r) => ({ key: `${r.dep ?? "-"}|${r.kind}|${r.q}`, n: r.n, hits: r.hits })),
      (dep) => CASE_KINDS.flatMap((kind) => caseQuarters.map((qk) => `${dep}|${kind}|${qk}`)),
      (key) => ({ key, n: 0, hits: 0 }),
    );
    const space = new MeasureSpace(inner);
    const keys = inner.map((c) => c.key);
    const col = [t("dashboard.improvement.rate")];
    const coarsen = release ? space : undefined;
    const overall: Row = { label: t("dashboard.total"), total: true, cells: [space.rate(() => true)] };
    const byQuarter: Table = {
      id: "improvement.byQuarter",
      title: t("dashboard.improvement.byQuarter"),
      columns: col,
      rows: [overall, ...periodRows((pred) => [space.rate(pred)], 2, coarsen)],
      chart: { kind: "bar", series: [0], skipTotals: true, percent: true },
    };
    const byDept: Table = {
      id: "improvement.byDepartment",
      title: t("dashboard.improvement.byDepartment"),
      columns: col,
      rows: departmentRows((pred, display) => [space.rate(pred, display)], keys, coarsen),
    };
    const byKind: Table = {
      id: "improvement.byKind",
      title: t("dashboard.improvement.byKind"),
      columns: col,
      rows: kindRows(CASE_KINDS.filter((k) => keys.some(part(1, k))), (pred) => [space.rate(pred)], coarsen),
    };
    await space.suppress(rule, release?.disclosure.improvement);
    recordSpace("improvement", space);
    addCaseSection({ id: "improvement", title: t("dashboard.sections.improvement"), tables: [byQuarter, byDept, byKind] });
  }

  // Return to work: each measure is its own space (different groups), suppressed on its own.
  {
    const keyOf = (r: q.ReturnRow) => `${r.dep ?? "-"}|${r.q}`;
    const cellsOf = (pick: (r: q.ReturnRow) => { n: number; hits?: number[] }) =>
      grid(
        returns.map((r) => ({ key: keyOf(r), ...pick(r) })),
        (dep) => caseQuarters.map((qk) => `${dep}|${qk}`),
        (key) => ({ key, ...pick(NO_RETURNS) }),
      );
    const returnCells = cellsOf((r) => ({ n: r.returns }));
    // Continuation at 3 months and re-leave share their group (returns known at 3 months): one space,
    // shown or hidden together.
    const spaces = {
      returns: new MeasureSpace(returnCells),
      k3: new MeasureSpace(cellsOf((r) => ({ n: r.k3, hits: [r.c3, r.releave] }))),
      k6: new MeasureSpace(cellsOf((r) => ({ n: r.k6, hits: [r.c6] }))),
    };
    const figs = (pred: (k: string) => boolean, display = true): Fig[] => {
      const [c3, releave] = spaces.k3.rates(pred, display);
      return [spaces.returns.count(pred, display), c3!, spaces.k6.rate(pred, display), releave!];
    };
    const keys = returnCells.map((c) => c.key);
    // Groups are chosen on the number of returns, the section's first figure.
    const coarsen = release ? spaces.returns : undefined;
    const columns = [t("dashboard.returnToWork.returns"), t("dashboard.returnToWork.continued3m"), t("dashboard.returnToWork.continued6m"), t("dashboard.returnToWork.releave")];
    const byQuarter: Table = {
      id: "returnToWork.byQuarter",
      title: t("dashboard.returnToWork.byQuarter"),
      columns,
      rows: [{ label: t("dashboard.total"), total: true, cells: figs(() => true) }, ...periodRows(figs, 1, coarsen)],
      chart: { kind: "bar", series: [0], skipTotals: true },
    };
    const byDept: Table = { id: "returnToWork.byDepartment", title: t("dashboard.returnToWork.byDepartment"), columns, rows: departmentRows(figs, keys, coarsen) };
    for (const [measure, space] of Object.entries(spaces) as [CaseMeasure, MeasureSpace][]) {
      await space.suppress(rule, release?.disclosure[measure]);
      recordSpace(measure, space);
    }
    addCaseSection({ id: "returnToWork", title: t("dashboard.sections.returnToWork"), tables: [byQuarter, byDept] });
  }

  // Pilots: the pipeline, conversion, each initiative's results, good examples.
  const stageCount = (s: string) => stages.find((r) => r.stage === s)?.n ?? 0;
  const piloted = stages.reduce((a, r) => a + r.piloted, 0);
  const adopted = stageCount("ADOPTED") + stageCount("EXPANDED");
  {
    const satisfaction = new MeasureSpace(results.map((r) => ({ key: r.id, n: r.responses, sum: r.satSum ?? 0 })));
    const stageTable: Table = {
      id: "pilots.byStage",
      title: t("dashboard.pilots.byStage"),
      columns: [t("dashboard.pilots.count")],
      rows: STAGES.map((s) => ({ label: t(`initiativeStages.${s}`), cells: [{ t: "num", v: stageCount(s) }] })),
      chart: { kind: "bar", series: [0] },
    };
    const conversion: Table = {
      id: "pilots.conversion",
      title: t("dashboard.pilots.conversion"),
      columns: [t("dashboard.pilots.conversionRate")],
      rows: [{ label: t("dashboard.pilots.pilotToAdopted"), cells: [{ t: "rate", n: piloted, hits: adopted }] }],
    };
    const resultTable: Table = {
      id: "pilots.results",
      title: t("dashboard.pilots.results"),
      columns: [t("dashboard.pilots.runs"), t("dashboard.pilots.participation"), t("dashboard.pilots.satisfaction"), t("dashboard.pilots.indicator"), t("dashboard.pilots.change")],
      rows: [
        {
          label: t("dashboard.total"),
          total: true,
          cells: [
            { t: "num", v: results.reduce((a, r) => a + r.runs, 0) },
            { t: "rate", n: results.reduce((a, r) => a + r.target, 0), hits: results.reduce((a, r) => a + r.participants, 0) },
            satisfaction.mean(() => true),
            { t: "text", v: "" },
            { t: "text", v: "" },
          ],
        },
        ...results.map((r) => ({
          label: r.title,
          cells: [
            { t: "num", v: r.runs },
            { t: "rate", n: r.target, hits: r.participants },
            satisfaction.mean((k) => k === r.id),
            ...indicatorCells(t, r, rule.minGroupSize),
          ] satisfies Fig[],
        })),
      ],
      empty: t("dashboard.pilots.noResults"),
    };
    await satisfaction.suppress(rule);
    const exampleTable: Table = {
      id: "pilots.goodExamples",
      title: t("dashboard.pilots.goodExamples"),
      columns: [t("dashboard.pilots.goodExample")],
      rows: examples.map((e) => ({ label: e.title, cells: [{ t: "text", v: e.goodExample }] })),
      empty: t("dashboard.pilots.noGoodExamples"),
    };
    sections.push({ id: "pilots", title: t("dashboard.sections.pilots"), tables: [stageTable, conversion, resultTable, exampleTable] });
  }

  // Allies: stance at each quarter end, moves, and where health work is welcome.
  const covered = coverage.filter((c) => c.allies > 0).length;
  {
    const stanceTable: Table = {
      id: "allies.byQuarter",
      title: t("dashboard.allies.byQuarter"),
      columns: STANCES.map((s) => t(`stances.${s}`)),
      rows: momentKeys.map((m) => ({
        label: t("dashboard.allies.asOf", { date: formatDay(input.locale, new Date(new Date(`${m}T00:00:00Z`).getTime() - DAY_MS)) }),
        cells: STANCES.map((s) => ({ t: "num" as const, v: countAt(stanceRows, m, s) })),
      })),
      chart: { kind: "stacked", series: STANCES.map((_, i) => i) },
    };
    const movesTable: Table = {
      id: "allies.moves",
      title: t("dashboard.allies.moves"),
      columns: [t("dashboard.allies.up"), t("dashboard.allies.down")],
      rows: quarters.map((qk) => {
        const m = moves.find((r) => r.q === qk);
        return { label: quarterLabel(t, qk), cells: [{ t: "num", v: m?.up ?? 0 }, { t: "num", v: m?.down ?? 0 }] satisfies Fig[] };
      }),
      chart: { kind: "bar", series: [0, 1] },
    };
    const coverageTable: Table = {
      id: "allies.coverage",
      title: t("dashboard.allies.coverage"),
      columns: [t("dashboard.allies.allies"), t("dashboard.allies.champions"), t("dashboard.allies.status")],
      rows: [
        { label: t("dashboard.allies.coveredDepartments"), total: true, cells: [{ t: "rate", n: coverage.length, hits: covered }, { t: "text", v: "" }, { t: "text", v: "" }] },
        ...coverage
          .map((c) => ({ c, d: byId.get(c.dep) }))
          .filter((x) => x.d)
          .sort((a, b) => b.c.allies - a.c.allies || a.d!.name.localeCompare(b.d!.name, "ja"))
          .map(({ c, d }) => ({
            label: labelOf.get(d!.id) ?? d!.name,
            cells: [
              { t: "num", v: c.allies },
              { t: "num", v: c.champions },
              { t: "text", v: t(`dashboard.allies.statuses.${c.champions > 0 ? "green" : c.allies > 0 ? "amber" : "red"}`) },
            ] satisfies Fig[],
          })),
      ],
    };
    sections.push({ id: "allies", title: t("dashboard.sections.allies"), tables: [stanceTable, movesTable, coverageTable] });
  }

  // Activity: touchpoints per month by type, the give/ask balance, request acceptance.
  const months = monthsIn(f.from, f.to, now);
  const typeTotal = (type: string) => activity.filter((r) => r.type === type).reduce((a, r) => a + r.n, 0);
  const decided = acceptance.reduce((a, r) => a + r.decided, 0);
  const accepted = acceptance.reduce((a, r) => a + r.accepted, 0);
  {
    const typesPresent = TOUCHPOINT_TYPES.filter((ty) => typeTotal(ty) > 0);
    const perMonth: Table = {
      id: "activity.byMonth",
      title: t("dashboard.activity.byMonth"),
      columns: typesPresent.map((ty) => t(`touchpointTypes.${ty}`)),
      rows: months.map((m) => ({
        label: monthLabel(t, m),
        cells: typesPresent.map((ty) => ({ t: "num" as const, v: activity.find((r) => r.month === m && r.type === ty)?.n ?? 0 })),
      })),
      chart: { kind: "stacked", series: typesPresent.map((_, i) => i) },
      empty: t("dashboard.activity.none"),
    };
    const give = typeTotal("GIVE");
    const ask = typeTotal("ASK");
    const balance: Table = {
      id: "activity.balance",
      title: t("dashboard.activity.balance"),
      columns: [t("touchpointTypes.GIVE"), t("touchpointTypes.ASK"), t("dashboard.activity.ratio")],
      rows: [{ label: t("dashboard.total"), total: true, cells: [{ t: "num", v: give }, { t: "num", v: ask }, { t: "num", v: ask ? give / ask : null, digits: 2 }] }],
    };
    const acceptTable: Table = {
      id: "activity.acceptance",
      title: t("dashboard.activity.acceptance"),
      columns: [t("dashboard.activity.acceptanceRate")],
      rows: [
        { label: t("dashboard.total"), total: true, cells: [{ t: "rate", n: decided, hits: accepted }] },
        ...[true, false].map((fb) => {
          const r = acceptance.find((x) => x.fallback === fb);
          return { label: t(fb ? "dashboard.activity.withFallback" : "dashboard.activity.withoutFallback"), cells: [{ t: "rate", n: r?.decided ?? 0, hits: r?.accepted ?? 0 }] satisfies Fig[] };
        }),
      ],
    };
    sections.push({ id: "activity", title: t("dashboard.sections.activity"), tables: [perMonth, balance, acceptTable] });
  }

  const data: ReportData = {
    schema: SNAPSHOT_SCHEMA,
    locale: input.locale,
    teamName: input.teamName,
    title: input.title ?? t("dashboard.title"),
    message: input.message ?? "",
    periodLabel: input.periodLabel,
    generatedAt: now.toISOString(),
    minGroupSize: groupSizeOf(input.minGroupSize),
    summary: [],
    sections: sections.filter((x) => wanted.has(x.id)).map((x) => shown.get(x.id) ?? x),
    notes: methodNotes(t, input.periodLabel, groupSizeOf(input.minGroupSize), wanted, release?.caseQuarters),
    published: false,
    ...(input.audience ? { audience: input.audience } : {}),
  };
  if (wanted.has("summary")) {
    const facts = {
      sections,
      stance: { first: momentKeys[0], last: momentKeys.at(-1), rows: stanceRows },
      covered,
      departments: coverage.length,
      piloted,
      adopted,
      participants: results.reduce((a, r) => a + r.participants, 0),
      give: typeTotal("GIVE"),
      ask: typeTotal("ASK"),
      touchpoints: activity.reduce((a, r) => a + r.n, 0),
      minGroupSize: data.minGroupSize,
      teamOnly: input.audience !== "MANAGERS",
    };
    data.summary = summarize(t, input.locale, facts);
    // The dashboard (not a release) also has the team's view, with every number.
    if (!release) data.teamSummary = summarize(t, input.locale, { ...facts, showHidden: true });
  }
  return data;
}
