// A "measure space": the inner cells of one measure (e.g. evaluated cases by department × kind ×
// quarter) and every figure published from them. Figures are sums of inner cells, so they add up
// exactly, and suppression can see how each one relates to the others (decisions 006 and 009).
import { protect, type LayoutFact, type LedgerFigure, type ProtectResult } from "@/lib/statistics/series-audit";
import {
  groupSizeOf,
  isPrimary,
  suppressCells,
  type CellInput,
  type Suppression,
  type SuppressionRule,
} from "@/lib/statistics/suppression";
import type { Fig } from "@/lib/reports/types";

export interface InnerCell {
  key: string;
  n: number;
  /** Hit counts (improved, continued …), each at most n. One number for a single rate. */
  hits?: number | number[];
  sum?: number;
}

type CaseFig = Extract<Fig, { t: "count" | "rate" | "mean" }>;
type Registered = { figs: CaseFig[]; inner: number[]; display: boolean; n: number; hits: number[]; sum: number };

/** A mean's sums go to the ledger and the audit in hundredths (whole numbers, as the ledger keeps). */
const SUM_SCALE = 100;

/** What a release is audited against: the team's ledger for this measure and the true cell values. */
export interface SpaceDisclosure {
  history: LedgerFigure[];
  /** What the layouts of earlier releases told their readers. */
  facts?: LayoutFact[];
  /** [n, hits…] of every cell the ledger names (cells outside this report's scope included). */
  truth: Map<string, number[]>;
}

/**
 * Which inner cells a figure sums, by key. A predicate made by `keyed` also lists its keys: the space
 * then sums those cells alone instead of testing every cell (a department tree's rows over a space of
 * thousands of cells would otherwise cost departments × cells tests).
 */
export type CellPred = ((key: string) => boolean) & { readonly keys?: ReadonlySet<string> };

export function keyed(keys: ReadonlySet<string>): CellPred {
  return Object.assign((key: string) => keys.has(key), { keys });
}

const hitsOf = (c: InnerCell) => (c.hits === undefined ? [] : Array.isArray(c.hits) ? c.hits : [c.hits]);

export class MeasureSpace {
  private readonly cells: InnerCell[];
  /** Where each key's cells are (a key may name more than one cell). */
  private readonly at = new Map<string, number[]>();
  private readonly registered: Registered[] = [];
  /** What choosing this release's grouping tells a reader who knows the rule (see `passes`). */
  private readonly facts: LayoutFact[] = [];
  /** The last audit's figures (with disclosure), for the bench. */
  auditStats?: ProtectResult["stats"];

  /** A mean's answers lie in [min, max] (satisfaction 1–5): what the audit knows of a hidden sum. */
  private readonly scale?: { min: number; max: number };
  /** The most hit counts any cell has, read once: a page asks for rates hundreds of times. */
  private readonly hitWidth: number;

  /** Cells may include empty ones: a report's grid, so that an empty group looks like any other. */
  constructor(cells: InnerCell[], options: { mean?: { min: number; max: number } } = {}) {
    this.cells = cells;
    this.scale = options.mean;
    let width = 0;
    cells.forEach((c, i) => {
      width = Math.max(width, hitsOf(c).length);
      const list = this.at.get(c.key);
      if (list) list.push(i);
      else this.at.set(c.key, [i]);
    });
    this.hitWidth = width;
  }

  /** The cells a predicate picks, in the space's order (sums of means add up in the same order either way). */
  private cellsOf(pred: CellPred): number[] {
    if (!pred.keys) return this.cells.flatMap((c, i) => (pred(c.key) ? [i] : []));
    const idx: number[] = [];
    for (const key of pred.keys) idx.push(...(this.at.get(key) ?? []));
    return idx.sort((a, b) => a - b);
  }

  private pick(pred: CellPred) {
    const idx = this.cellsOf(pred);
    let n = 0;
    const hits: number[] = [];
    let sum = 0;
    for (const i of idx) {
      const c = this.cells[i]!;
      n += c.n;
      hitsOf(c).forEach((h, j) => (hits[j] = (hits[j] ?? 0) + h));
      sum += c.sum ?? 0;
    }
    return { idx, n, hits, sum };
  }

  private register<F extends CaseFig>(figs: F[], picked: { idx: number[]; n: number; hits: number[]; sum: number }, display: boolean): F[] {
    this.registered.push({ figs, inner: picked.idx, display, n: picked.n, hits: picked.hits, sum: picked.sum });
    return figs;
  }

  count(pred: CellPred, display = true): Fig {
    const p = this.pick(pred);
    return this.register([{ t: "count", n: p.n }], p, display)[0]!;
  }

  rate(pred: CellPred, display = true): Fig {
    return this.rates(pred, display)[0]!;
  }

  /**
   * One rate per hit count over the same group, shown or hidden together. `width`: how many the
   * caller reads (a space with no cells, as over a period with no closed quarter, has none to count).
   */
  rates(pred: CellPred, display = true, width = Math.max(1, this.hitWidth)): Fig[] {
    const p = this.pick(pred);
    const figs = Array.from({ length: width }, (_, j) => ({ t: "rate" as const, n: p.n, hits: p.hits[j] ?? 0 }));
    return this.register(figs, p, display);
  }

  mean(pred: CellPred, display = true): Fig {
    const p = this.pick(pred);
    return this.register([{ t: "mean", n: p.n, mean: p.n ? p.sum / p.n : null }], p, display)[0]!;
  }

  /** Whether a group would be shown by the primary rule alone (for choosing a grouping). */
  passes(pred: CellPred, rule: SuppressionRule): boolean {
    const p = this.pick(pred);
    return !this.primary({ figs: [], inner: p.idx, display: true, n: p.n, hits: p.hits, sum: p.sum }, rule);
  }

  /**
   * Records what a layout tells a reader who knows the grouping rule: that a group passed it (its size,
   * each hit count and each complement are ≥ k) or failed it. Failing is "one of them < k": a plain
   * bound only for a count; for a rate the reader learns no linear fact, and none is kept.
   */
  tell(pred: CellPred, passed: boolean, rule: SuppressionRule): void {
    const p = this.pick(pred);
    if (p.idx.length === 0) return;
    const k = groupSizeOf(rule.minGroupSize);
    const cells = p.idx.map((c) => this.cells[c]!.key);
    if (passed) for (const form of [0, ...p.hits.flatMap((_, j) => [j + 1, -(j + 1)])]) this.facts.push({ cells, form, lower: k });
    else if (p.hits.length === 0) this.facts.push({ cells, form: 0, upper: k - 1 });
  }

  /** Every group this release shows (published or not yet decided), with its true size. */
  shownGroups(): { cells: string[]; n: number }[] {
    return this.registered
      .filter((r) => r.display && r.inner.length > 0)
      .map((r) => ({ cells: r.inner.map((c) => this.cells[c]!.key), n: r.n }));
  }

  /** What this release's grouping told its reader (call after the layout is chosen). */
  layoutFacts(): LayoutFact[] {
    return this.facts;
  }

  private primary(r: Registered, rule: SuppressionRule) {
    // A shown zero says "no one here": in a small group as telling as a one.
    if (r.display && r.n === 0) return true;
    return r.hits.length ? r.hits.some((hits) => isPrimary({ n: r.n, hits }, rule)) : isPrimary({ n: r.n }, rule);
  }

  /** The exact-recovery pass over this release alone (decision 006): fast, used by the dashboard. */
  private firstPass(rule: SuppressionRule): Map<string, Suppression> {
    const input: CellInput[] = this.registered.map((r, i) => ({
      id: `f${i}`,
      // Known-empty cells take no part in the exact pass.
      inner: r.inner.filter((c) => this.cells[c]!.n > 0),
      n: r.n,
      display: r.display,
    }));
    this.cells.forEach((c, i) => {
      if (c.n > 0) input.push({ id: `i${i}`, inner: [i], n: c.n, display: false });
    });
    const primary = new Set(this.registered.map((r, i) => (this.primary(r, rule) ? `f${i}` : "")).filter(Boolean));
    return suppressCells(input, rule, primary);
  }

  /**
   * Marks suppressed figures (s = primary/secondary). Without `disclosure`, this release is checked
   * alone against exact recovery (the dashboard); with it, against everything the team published,
   * with protection intervals of k.
   */
  async suppress(rule: SuppressionRule, disclosure?: SpaceDisclosure): Promise<void> {
    const first = this.firstPass(rule);
    let hidden = new Map(first);
    if (disclosure) {
      const width = this.scale ? 1 : this.hitWidth;
      const truth = new Map(disclosure.truth);
      for (const c of this.cells) truth.set(c.key, this.valuesOf(c.n, hitsOf(c), c.sum ?? 0));
      const result = await protect({
        hits: width,
        ...(this.scale && { mean: { low: this.scale.min * SUM_SCALE, high: this.scale.max * SUM_SCALE } }),
        truth,
        k: groupSizeOf(rule.minGroupSize),
        history: disclosure.history,
        layout: [...(disclosure.facts ?? []), ...this.facts],
        figures: this.registered.map((r, i) => ({
          id: `f${i}`,
          cells: r.inner.map((c) => this.cells[c]!.key),
          display: r.display,
          hidden: first.has(`f${i}`),
        })),
      });
      hidden = new Map([...result.hidden].map((id) => [id, first.get(id) ?? "secondary"]));
      this.auditStats = result.stats;
    }
    this.registered.forEach((r, i) => {
      const s = hidden.get(`f${i}`);
      for (const fig of r.figs) {
        if (s) fig.s = s;
        else delete fig.s;
      }
    });
  }

  /** A cell's values as the audit takes them: [n, hits…], or a mean's [n, sum in hundredths]. */
  private valuesOf(n: number, hits: number[], sum: number): number[] {
    return this.scale ? [n, Math.round(sum * SUM_SCALE)] : [n, ...hits];
  }

  /** A registered group's values, a mean's sum added up from its cells' (so the ledger agrees with the audit). */
  private groupValues(r: Registered): number[] {
    if (!this.scale) return [r.n, ...r.hits];
    return [r.n, r.inner.reduce((a, c) => a + Math.round((this.cells[c]!.sum ?? 0) * SUM_SCALE), 0)];
  }

  /** The shown figures of this release as the ledger records them (call after suppress). */
  ledger(): LedgerFigure[] {
    return (
      this.registered
        // A figure over no cell at all (a period without a closed quarter) says nothing about anyone.
        .filter((r) => r.display && r.inner.length > 0)
        .map((r) => ({ cells: r.inner.map((c) => this.cells[c]!.key), values: r.figs[0]!.s ? null : this.groupValues(r) }))
    );
  }
}
