// Protection intervals over everything a team has published (decision 009).
//
// Every published figure is a set of equations over fixed inner cells: for each cell c, n_c ≥ 0 and,
// per rate measure j, 0 ≤ h_jc ≤ n_c. A hidden figure is protected when, given every published
// equation, the smallest and largest values its count (and each hit count and its complement) can
// take are at least k apart. Those extremes are linear programs, solved by HiGHS.
//
// Most targets are settled without a solve: every optimum found is a feasible point (a "witness"),
// and two witnesses whose values for a target differ by k already prove its range wide enough. Taking
// equations away only widens ranges, so witnesses stay valid while suppression hides more. When a
// target is too narrow, the equations that bind its optimum (non-zero duals) say what pinned it.
import loadHighs from "highs";

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;
const highs = () => (highsPromise ??= loadHighs());

/** A linear function of the variables: Σ coef[i] · x[idx[i]]. */
export interface Linear {
  idx: number[];
  coef: number[];
}

export interface LinearSystem {
  numVars: number;
  /** Σ coef·x = value (published figures). */
  equations: (Linear & { value: number })[];
  /** Σ coef·x ≤ 0 (a hit count never exceeds its group). */
  atMostZero: Linear[];
  /** lower ≤ Σ coef·x ≤ upper (what a release's layout tells: a row printed alone holds ≥ k). */
  bounds?: (Linear & { lower: number; upper: number })[];
}

const TOL = 1e-6;

/** The value of a linear function at a point. */
export const evaluate = (t: Linear, x: ArrayLike<number>) => {
  let v = 0;
  for (let i = 0; i < t.idx.length; i++) v += t.coef[i]! * x[t.idx[i]!]!;
  return v;
};

/** Solves min and max of linear functions over one system, reusing one HiGHS model. */
export class RangeSolver {
  private constructor(
    private readonly h: Highs,
    private readonly model: ReturnType<Highs["createModel"]>,
    private readonly numVars: number,
  ) {}

  static async create(system: LinearSystem): Promise<RangeSolver> {
    const h = await highs();
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rowLower: number[] = [];
    const rowUpper: number[] = [];
    const addRow = (row: Linear, lower: number, upper: number) => {
      const merged = new Map<number, number>();
      row.idx.forEach((i, j) => merged.set(i, (merged.get(i) ?? 0) + row.coef[j]!));
      const cols = [...merged.keys()].filter((i) => merged.get(i) !== 0).sort((a, b) => a - b);
      indices.push(...cols);
      values.push(...cols.map((i) => merged.get(i)!));
      starts.push(indices.length);
      rowLower.push(lower);
      rowUpper.push(upper);
    };
    for (const e of system.equations) addRow(e, e.value, e.value);
    for (const r of system.atMostZero) addRow(r, -h.infinity, 0);
    for (const b of system.bounds ?? [])
      addRow(b, Number.isFinite(b.lower) ? b.lower : -h.infinity, Number.isFinite(b.upper) ? b.upper : h.infinity);
    const numRows = starts.length - 1;
    const model = h.createModel({
      numCols: system.numVars,
      numRows,
      colCost: new Float64Array(system.numVars),
      colLower: new Float64Array(system.numVars),
      colUpper: new Float64Array(system.numVars).fill(h.infinity),
      rowLower,
      rowUpper,
      matrix: { format: "csr", numRows, numCols: system.numVars, starts, indices, values },
    });
    model.options.set({ output_flag: false, presolve: "off", simplex_strategy: 4 });
    return new RangeSolver(h, model, system.numVars);
  }

  /** The optimum of t (±Infinity when unbounded), the point reaching it and the rows that bind it. */
  optimum(t: Linear, sense: "min" | "max"): { value: number; x?: Float64Array; binding: number[] } {
    const cost = new Float64Array(this.numVars);
    for (let i = 0; i < t.idx.length; i++) cost[t.idx[i]!] = (cost[t.idx[i]!] ?? 0) + t.coef[i]!;
    this.model.changeColsCost({ kind: "range", from: 0, to: this.numVars - 1 }, cost);
    this.model.changeObjectiveSense(sense === "max" ? this.h.constants.objectiveSense.maximize : this.h.constants.objectiveSense.minimize);
    const { modelStatus } = this.model.run();
    const status = this.h.constants.modelStatus;
    if (modelStatus === status.unbounded || modelStatus === status.unboundedOrInfeasible) {
      return { value: sense === "max" ? Infinity : -Infinity, binding: [] };
    }
    if (modelStatus !== status.optimal) throw new Error(`protection LP ended with status ${modelStatus}`);
    const solution = this.model.getSolution();
    const binding: number[] = [];
    solution.rowDual.forEach((d, i) => {
      if (Math.abs(d) > TOL) binding.push(i);
    });
    return { value: this.model.getObjectiveValue(), x: solution.colValue, binding };
  }

  dispose() {
    this.model.dispose();
  }
}

/**
 * A quantity whose range is wanted, over aggregated variables (cells merged into classes): its
 * largest value is hi's maximum and its smallest lo's minimum (lo = hi for a plain linear function).
 */
export interface Target {
  lo: Linear;
  hi: Linear;
}

/**
 * The targets whose feasible range is narrower than `width`, each with the rows that bound it. `truth`
 * is the real data, which is feasible; `pool` carries witnesses to later calls over the same
 * equations or a subset of them.
 */
export async function narrowTargets(
  system: LinearSystem,
  targets: Target[],
  /** The width each target's range needs (one number for all). */
  width: number | number[],
  truth: ArrayLike<number>,
  pool: ArrayLike<number>[] = [],
): Promise<{ narrow: { target: number; binding: number[]; lo: number; hi: number }[]; solves: number; pool: ArrayLike<number>[] }> {
  const witnesses: ArrayLike<number>[] = [truth, ...pool];
  const spread = (t: Target) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const w of witnesses) {
      const a = evaluate(t.lo, w);
      const b = evaluate(t.hi, w);
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    return { lo, hi };
  };
  const empty = (t: Target) => t.hi.idx.length === 0;
  const narrow: { target: number; binding: number[]; lo: number; hi: number }[] = [];
  let solves = 0;
  let solver: RangeSolver | undefined;
  try {
    // Two points that push every open target down, and up, at once settle most targets for the
    // price of two solves.
    const need = (i: number) => (typeof width === "number" ? width : width[i]!);
    const open = targets.filter((t, i) => {
      const { lo, hi } = spread(t);
      return !empty(t) && hi - lo < need(i) - TOL;
    });
    if (open.length > 1) {
      solver = await RangeSolver.create(system);
      for (const sense of ["min", "max"] as const) {
        const forms = open.map((t) => (sense === "min" ? t.lo : t.hi));
        const point = solver.optimum({ idx: forms.flatMap((f) => f.idx), coef: forms.flatMap((f) => f.coef) }, sense);
        solves++;
        if (point.x) witnesses.push(point.x);
      }
    }
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      if (empty(t)) continue;
      let { lo, hi } = spread(t);
      const w = need(i);
      if (hi - lo >= w - TOL) continue;
      solver ??= await RangeSolver.create(system);
      const max = solver.optimum(t.hi, "max");
      solves++;
      if (max.x) witnesses.push(max.x);
      hi = Math.max(hi, max.value);
      if (hi - lo >= w - TOL) continue;
      // A sum of non-negative variables that a known point already puts at 0 can go no lower.
      if (lo <= TOL && t.lo.coef.every((c) => c >= 0)) {
        narrow.push({ target: i, binding: max.binding, lo, hi });
        continue;
      }
      const min = solver.optimum(t.lo, "min");
      solves++;
      if (min.x) witnesses.push(min.x);
      lo = Math.min(lo, min.value);
      if (hi - lo < w - TOL) narrow.push({ target: i, binding: [...new Set([...max.binding, ...min.binding])], lo, hi });
    }
  } finally {
    solver?.dispose();
  }
  return { narrow, solves, pool: witnesses.slice(1) };
}
