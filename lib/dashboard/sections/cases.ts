// The case sections of the success data: improvement of high-risk people, and return to work. Only
// counts and rates over groups, each measure suppressed as its own space (primary and secondary
// suppression, and in a release audited against everything the team published before).
import { CASE_KINDS } from "@/lib/cases/schemas";
import type { LayoutFact, LedgerFigure, ProtectResult } from "@/lib/statistics/series-audit";
import type { Translate } from "@/lib/i18n/translator";
import { groupSizeOf } from "@/lib/statistics/suppression";
import type { Fig, Row, Section, SectionId, Table } from "@/lib/reports/types";
import { isSuppressed } from "@/lib/reports/types";
import type * as q from "../queries";
import { keyed, MeasureSpace, type CellPred, type SpaceDisclosure } from "../space";
import { fiscalHalves, quarterLabel } from "./periods";
import { compareJa } from "@/lib/i18n/collate";

type Dept = { id: string; name: string; parentId: string | null; path: string };

/** Department rows for a tree table: scope roots and their descendants, depth-first, by name. */
function deptOrder(depts: Dept[], roots: Dept[], maxDepth = 3) {
  const children = new Map<string | null, Dept[]>();
  for (const d of depts) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d]);
  for (const list of children.values()) list.sort((a, b) => compareJa(a.name, b.name));
  const out: { dept: Dept; depth: number }[] = [];
  const walk = (d: Dept, depth: number) => {
    out.push({ dept: d, depth });
    if (depth < maxDepth) for (const c of children.get(d.id) ?? []) walk(c, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return {
    order: out,
    roots,
    maxDepth,
    childrenOf: (id: string) => children.get(id) ?? [],
    hasChildren: (id: string) => (children.get(id)?.length ?? 0) > 0,
  };
}

/**
 * A released section as a reader meets it: columns hidden in every row are left out and named in a
 * sentence, a table hidden throughout says so instead of rows of "*", and the section counts its
 * hidden figures for the builder. Only hidden marks go: what is published does not change.
 */
function condensed(t: Translate, section: Section, grouped: Set<string>, minGroupSize: number): Section {
  const k = groupSizeOf(minGroupSize);
  const figures = section.tables
    .flatMap((tb) => tb.rows.flatMap((r) => r.cells))
    .filter((c) => c.t === "count" || c.t === "rate" || c.t === "mean");
  const notes = [...grouped];
  const withheldColumns = new Set<string>();
  // The section's total (the first table's total row): a breakdown that only repeats it says nothing.
  const total = section.tables[0]?.rows.find((r) => r.total);
  const same = (a: Fig, b: Fig | undefined) =>
    !!b && a.t === b.t && "n" in a && "n" in b && a.n === b.n && (a.t !== "rate" || (b.t === "rate" && a.hits === b.hits));
  const informs = (row: Row) => !row.total && row.cells.some((c, i) => !isSuppressed(c) && !same(c, total?.cells[i]));
  const tables = section.tables.map((table): Table => {
    if (table.rows.length === 0) return table;
    const hiddenEverywhere = table.columns.map((_, i) => table.rows.every((r) => isSuppressed(r.cells[i])));
    if (hiddenEverywhere.every(Boolean)) return { ...table, rows: [], chart: undefined, empty: t("dashboard.tableWithheld", { k }) };
    if (!table.rows.some(informs)) {
      // The total stands alone where the table has one; a breakdown without it is left out, said in a sentence.
      const totals = table.rows.filter((r) => r.total);
      if (!totals.length) return { ...table, rows: [], chart: undefined, empty: t("dashboard.tableCollapsed") };
      table = { ...table, rows: totals, chart: undefined, title: t(`dashboard.${section.id}.overall`) };
    }
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

/** An empty cell of a release's return-to-work grid. */
const NO_RETURNS: q.ReturnRow = { dep: null, q: "", returns: 0, k3: 0, c3: 0, k6: 0, c6: 0, releave: 0 };

/** The case measures a release audits, each with its own ledger. */
export const CASE_MEASURES = ["improvement", "returns", "k3", "k6"] as const;
export type CaseMeasure = (typeof CASE_MEASURES)[number];
/** Every measure a release audits: the case measures and the pilots' satisfaction means. */
export const RELEASE_MEASURES = [...CASE_MEASURES, "satisfaction", "indicatorBefore", "indicatorAfter"] as const;
export type ReleaseMeasure = (typeof RELEASE_MEASURES)[number];

export interface Release {
  /** Closed quarters (start days, YYYY-MM-DD) the case figures cover. */
  caseQuarters: string[];
  /** Case rows of those quarters (frozen where published before), in the report's scope; satisfaction team-wide. */
  rows: { improvement: q.ImprovementRow[]; returns: q.ReturnRow[]; satisfaction: q.SatisfactionRow[]; indicator: q.IndicatorRow[] };
  /** Department ids of the report's scope; undefined for the whole team (and cases with none). */
  scopeIds?: string[];
  disclosure: Record<ReleaseMeasure, SpaceDisclosure>;
  /** Filled by the build: what this release shows, per measure. */
  record: Partial<Record<ReleaseMeasure, LedgerFigure[]>>;
  /** Filled by the build: what its grouping tells the reader, per measure. */
  layout?: Partial<Record<ReleaseMeasure, LayoutFact[]>>;
  /** Filled by the build: what each measure's audit took. */
  stats?: Partial<Record<ReleaseMeasure, ProtectResult["stats"]>>;
}

/** What a release's space shows goes into its record (and the audit's figures into the bench's). */
export function recordRelease(release: Release | undefined, measure: ReleaseMeasure, space: MeasureSpace) {
  if (!release) return;
  release.record[measure] = space.ledger();
  (release.layout ??= {})[measure] = space.layoutFacts();
  (release.stats ??= {})[measure] = space.auditStats;
}

export type CaseData = {
  /** Closed quarters in a release, else the period's quarters (start days). */
  caseQuarters: string[];
  improvement: q.ImprovementRow[];
  returns: q.ReturnRow[];
  depts: Dept[];
  /** The departments the filter scoped to; empty means the whole tree. */
  scopeRoots: string[];
  release?: Release;
};

/**
 * The improvement and return-to-work sections with every figure (for the summary), and in a release
 * the sections as readers get them (condensed).
 */
export async function caseSections(
  t: Translate,
  minGroupSize: number,
  { caseQuarters, improvement, returns, depts, scopeRoots, release }: CaseData,
) {
  const rule = { minGroupSize };
  const byId = new Map(depts.map((d) => [d.id, d]));
  // A release's grid: every department of its scope × kind × quarter, empty ones included, so that
  // an empty group is shown (hidden) like any other.
  const gridDeps = release ? [...(release.scopeIds ?? depts.map((d) => d.id)), ...(release.scopeIds ? [] : ["-"])] : [];
  const grid = <T extends { key: string }>(live: T[], keysOf: (dep: string) => string[], empty: (key: string) => T) => {
    if (!release) return live;
    const byKey = new Map(live.map((c) => [c.key, c]));
    return gridDeps.flatMap(keysOf).map((key) => byKey.get(key) ?? empty(key));
  };
  /** What a release's space shows goes into its record (and the audit's figures into the bench's). */
  const recordSpace = (measure: CaseMeasure, space: MeasureSpace) => recordRelease(release, measure, space);

  const roots = scopeRoots.length ? scopeRoots.map((id) => byId.get(id)!).filter(Boolean) : depts.filter((d) => !d.parentId);
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
  const part = (i: number, value: string) => (key: string) => partsOf(key)[i] === value;

  /**
   * Department rows (tree), a row for cases with no department, and each department's own part
   * (hidden). In a release (`coarsen`: the space whose primary rule decides), a mostly hidden tree is coarsened instead of printed as
   * a wall of "*": a department whose sub-departments would all be hidden stands for them, and two or
   * more hidden siblings fold into one "その他（n部署）" row.
   */
  function departmentRows(make: (pred: CellPred, display: boolean) => Fig[], keys: string[], coarsen?: MeasureSpace) {
    const rows: Row[] = [];
    // Each department's own keys and its subtree's, read once from the keys: a row then sums its own
    // cells instead of testing every cell of the space.
    const own = new Map<string, Set<string>>();
    const below = new Map<string, Set<string>>();
    const add = (map: Map<string, Set<string>>, id: string, key: string) => {
      const set = map.get(id);
      if (set) set.add(key);
      else map.set(id, new Set([key]));
    };
    for (const key of keys) {
      add(own, depOfKey(key), key);
      for (const id of lineageOfKey(key)) add(below, id, key);
    }
    const subtree = (id: string) => keyed(below.get(id) ?? new Set());
    const ownPart = (id: string) => keyed(own.get(id) ?? new Set());
    const holds = (id: string) => below.has(id);
    if (!coarsen) {
      for (const { dept, depth } of tree.order) {
        if (!holds(dept.id)) continue;
        rows.push({ label: dept.name, depth, key: dept.id, cells: make(subtree(dept.id), true) });
        if (tree.hasChildren(dept.id)) make(ownPart(dept.id), false);
      }
      if (own.has("-")) rows.push({ label: t("dashboard.noDepartment"), cells: make(ownPart("-"), true) });
      return rows;
    }
    const walk = (dept: Dept, depth: number) => {
      rows.push({ label: dept.name, depth, key: dept.id, cells: make(subtree(dept.id), true) });
      const children = tree.childrenOf(dept.id).filter((c) => holds(c.id));
      if (children.length === 0) return;
      make(ownPart(dept.id), false);
      // Below the deepest level shown, sub-departments are never listed: nothing to choose.
      if (depth >= tree.maxDepth) return;
      const failing = children.filter((c) => !coarsen.passes(subtree(c.id), rule));
      // Every choice below is read back by a reader who knows the rule (DISCLOSURE.md): a department
      // listed on its own passed it; all of them failed when none is listed; three or more folded
      // departments all failed (two may be one that failed and the sibling after it).
      if (failing.length === children.length) {
        grouped.add(t("dashboard.groupedDepartments"));
        for (const c of children) coarsen.tell(subtree(c.id), false, rule);
        return;
      }
      // One hidden sibling is found from the parent and the others: it goes with the sibling after it
      // (before it, if last). A partner chosen by size would tell the reader how the sizes compare.
      if (failing.length === 1 && children.length > 1) {
        const at = children.indexOf(failing[0]!);
        failing.push(children[at + 1] ?? children[at - 1]!);
      }
      if (failing.length > 1) grouped.add(t("dashboard.groupedDepartments"));
      for (const c of children) {
        if (failing.length >= 2 && failing.includes(c)) continue;
        coarsen.tell(subtree(c.id), true, rule);
        walk(c, depth + 1);
      }
      if (failing.length >= 2) {
        const ids = failing.map((c) => c.id);
        if (ids.length >= 3) for (const id of ids) coarsen.tell(subtree(id), false, rule);
        const pred = keyed(new Set(ids.flatMap((id) => [...(below.get(id) ?? [])])));
        rows.push({ label: t("dashboard.otherDepartments", { count: failing.length }), depth: depth + 1, cells: make(pred, true) });
      }
    };
    for (const r of tree.roots) if (holds(r.id)) walk(r, 0);
    const none = ownPart("-");
    if (own.has("-")) {
      const passed = coarsen.passes(none, rule);
      coarsen.tell(none, passed, rule);
      if (passed) rows.push({ label: t("dashboard.noDepartment"), cells: make(none, true) });
    }
    return rows;
  }

  /** Case kinds; in a release, two or more kinds that would be hidden fold into "その他の種別". */
  function kindRows(kinds: readonly string[], make: (pred: (k: string) => boolean) => Fig[], coarsen?: MeasureSpace) {
    const pred = (list: readonly string[]) => (k: string) => list.includes(partsOf(k)[1]!);
    const failing = coarsen ? kinds.filter((k) => !coarsen.passes(pred([k]), rule)) : [];
    const folded = failing.length >= 2 ? failing : [];
    // Beside a fold, a kind listed on its own passed the rule and each folded one failed it.
    if (coarsen && folded.length) for (const k of kinds) coarsen.tell(pred([k]), !folded.includes(k), rule);
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
    const costOf = (failing: number) => (failing === 1 ? 2 : failing);
    const fits = (failing: number, groups: number) => costOf(failing) * 2 <= groups;
    const cost = (groups: typeof quarterGroups) => groups.filter((g) => !coarsen.passes(pred(g.quarters), rule)).length;
    const chosen = options.find((groups) => fits(cost(groups), groups.length)) ?? [];
    periodGrain = chosen === quarterGroups ? "byQuarter" : chosen.length ? "byHalf" : "overall";
    // What the choice tells: groups that fit with no failure possible all passed; a lone group passed
    // over (one quarter, one half) failed.
    if (chosen.length && Array.from({ length: chosen.length }, (_, i) => i + 1).every((f) => !fits(f, chosen.length)))
      for (const g of chosen) coarsen.tell(pred(g.quarters), true, rule);
    for (const groups of options.slice(0, options.indexOf(chosen)))
      if (groups.length === 1) coarsen.tell(pred(groups[0]!.quarters), false, rule);
    if (chosen !== quarterGroups) grouped.add(t(chosen.length ? "dashboard.groupedHalves" : "dashboard.groupedPeriod"));
    return chosen.map((g) => ({ label: g.label, cells: make(pred(g.quarters)) }));
  }

  const sections: Section[] = [];
  /** The period rows the last periodRows chose: the period table's title says which. */
  let periodGrain: "byQuarter" | "byHalf" | "overall" = "byQuarter";
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
    const periods = periodRows((pred) => [space.rate(pred)], 2, coarsen);
    const byQuarter: Table = {
      id: "improvement.byQuarter",
      title: t(`dashboard.improvement.${periodGrain}`),
      columns: col,
      rows: [overall, ...periods],
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
      rows: kindRows(
        CASE_KINDS.filter((k) => keys.some(part(1, k))),
        (pred) => [space.rate(pred)],
        coarsen,
      ),
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
      const [c3, releave] = spaces.k3.rates(pred, display, 2);
      return [spaces.returns.count(pred, display), c3!, spaces.k6.rate(pred, display), releave!];
    };
    const keys = returnCells.map((c) => c.key);
    // Groups are chosen on the number of returns, the section's first figure.
    const coarsen = release ? spaces.returns : undefined;
    const columns = [
      t("dashboard.returnToWork.returns"),
      t("dashboard.returnToWork.continued3m"),
      t("dashboard.returnToWork.continued6m"),
      t("dashboard.returnToWork.releave"),
    ];
    const overall: Row = { label: t("dashboard.total"), total: true, cells: figs(() => true) };
    const periods = periodRows(figs, 1, coarsen);
    const byQuarter: Table = {
      id: "returnToWork.byQuarter",
      title: t(`dashboard.returnToWork.${periodGrain}`),
      columns,
      rows: [overall, ...periods],
      chart: { kind: "bar", series: [0], skipTotals: true },
    };
    const byDept: Table = {
      id: "returnToWork.byDepartment",
      title: t("dashboard.returnToWork.byDepartment"),
      columns,
      rows: departmentRows(figs, keys, coarsen),
    };
    // Continuation is known for returns only (k3, k6 ≤ returns in every cell): what one shows bounds
    // the other, and the reader uses it. The returns audit assumes every continuation group it shows
    // is out (true lower bounds: conservative); the continuation audits take the returns published.
    const withFacts = (measure: CaseMeasure, facts: LayoutFact[]) =>
      release && { ...release.disclosure[measure], facts: [...(release.disclosure[measure].facts ?? []), ...facts] };
    await spaces.returns.suppress(
      rule,
      withFacts(
        "returns",
        [...spaces.k3.shownGroups(), ...spaces.k6.shownGroups()].map((g) => ({ cells: g.cells, form: 0, lower: g.n })),
      ),
    );
    recordSpace("returns", spaces.returns);
    const returnsOut = spaces.returns
      .ledger()
      .filter((f) => f.values)
      .map((f) => ({ cells: f.cells, form: 0, upper: f.values![0]! }));
    for (const measure of ["k3", "k6"] as const) {
      await spaces[measure].suppress(rule, withFacts(measure, returnsOut));
      recordSpace(measure, spaces[measure]);
    }
    addCaseSection({ id: "returnToWork", title: t("dashboard.sections.returnToWork"), tables: [byQuarter, byDept] });
  }

  return { sections, shown };
}
