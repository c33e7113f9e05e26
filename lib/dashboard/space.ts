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

  private register<F extends Registered["fig"]>(fig: F, inner: number[], display: boolean): F {
    this.registered.push({ fig, inner, display });
    return fig;
  }

  count(pred: (key: string) => boolean, display = true): Fig {
    const { idx, n } = this.pick(pred);
    return this.register({ t: "count", n }, idx, display);
  }

  rate(pred: (key: string) => boolean, display = true): Fig {
    const { idx, n, hits } = this.pick(pred);
    return this.register({ t: "rate", n, hits }, idx, display);
  }

  mean(pred: (key: string) => boolean, display = true): Fig {
    const { idx, n, sum } = this.pick(pred);
    return this.register({ t: "mean", n, mean: n ? sum / n : null }, idx, display);
  }

  /** Marks suppressed figures (s = primary/secondary). Inner cells are protected too, never shown. */
  // Rates (and the inner cells of a space built with hits) also get the all-or-nothing rule.
  suppress(rule: SuppressionRule) {
    const input: CellInput[] = this.registered.map((r, i) => ({
      id: `f${i}`,
      inner: r.inner,
      n: r.fig.n ?? 0,
      hits: r.fig.t === "rate" ? (r.fig.hits ?? 0) : undefined,
      display: r.display,
    }));
    this.cells.forEach((c, i) => input.push({ id: `i${i}`, inner: [i], n: c.n, hits: c.hits, display: false }));
    const hidden = suppressCells(input, rule);
    this.registered.forEach((r, i) => {
      const s = hidden.get(`f${i}`);
      if (s) r.fig.s = s;
    });
  }
}
