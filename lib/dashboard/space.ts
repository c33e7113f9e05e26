// A "measure space": the inner cells of one measure (e.g. evaluated cases by department × kind ×
// quarter) and every figure published from them. Figures are sums of inner cells, so they add up
// exactly, and suppression can see how each one relates to the others.
import { suppressCells, type CellInput, type SuppressionRule } from "@/lib/reports/suppression";
import type { Fig } from "@/lib/reports/types";

export interface InnerCell {
  key: string;
  n: number;
  hits?: number;
  sum?: number;
}

type Registered = { fig: Extract<Fig, { t: "count" | "rate" | "mean" }>; inner: number[]; display: boolean };

export class MeasureSpace {
  private readonly cells: InnerCell[];
  private readonly registered: Registered[] = [];

  constructor(cells: InnerCell[]) {
    // Empty inner cells are known zeros: they take no part in any figure's vector.
    this.cells = cells.filter((c) => c.n > 0);
  }

  private pick(pred: (key: string) => boolean) {
    const idx: number[] = [];
    let n = 0;
    let hits = 0;
    let sum = 0;
    this.cells.forEach((c, i) => {
      if (!pred(c.key)) return;
      idx.push(i);
      n += c.n;
      hits += c.hits ?? 0;
      sum += c.sum ?? 0;
    });
    return { idx, n, hits, sum };
  }

  count(pred: (key: string) => boolean, display = true): Fig {
    const { idx, n } = this.pick(pred);
    const fig = { t: "count" as const, n };
    this.registered.push({ fig, inner: idx, display });
    return fig;
  }

  rate(pred: (key: string) => boolean, display = true): Fig {
    const { idx, n, hits } = this.pick(pred);
    const fig = { t: "rate" as const, n, hits };
    this.registered.push({ fig, inner: idx, display });
    return fig;
  }

  mean(pred: (key: string) => boolean, display = true): Fig {
    const { idx, n, sum } = this.pick(pred);
    const fig = { t: "mean" as const, n, mean: n ? sum / n : null };
    this.registered.push({ fig, inner: idx, display });
    return fig;
  }

  /** Marks suppressed figures (s = primary/secondary). Inner cells are protected too, never shown. */
  suppress(rule: SuppressionRule, asRate: boolean) {
    const input: CellInput[] = this.registered.map((r, i) => ({
      id: `f${i}`,
      inner: r.inner,
      n: r.fig.n ?? 0,
      hits: asRate && r.fig.t === "rate" ? (r.fig.hits ?? 0) : undefined,
      display: r.display,
    }));
    this.cells.forEach((c, i) => input.push({ id: `i${i}`, inner: [i], n: c.n, hits: asRate ? c.hits : undefined, display: false }));
    const hidden = suppressCells(input, rule);
    this.registered.forEach((r, i) => {
      const s = hidden.get(`f${i}`);
      if (s) r.fig.s = s;
    });
  }
}
