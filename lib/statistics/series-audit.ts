// Suppression audited against everything the team has published (decision 009).
//
// A measure (e.g. improvement: n cases, h improved) lives on fixed inner cells (department × kind ×
// closed quarter). Each figure of a new release is a set of cells; the team's earlier releases add
// their published sets (equations) and their hidden sets (which must stay hidden). A figure is
// published only if, with it, every hidden figure keeps a protection interval of at least k on its
// count and, when it holds anyone, on each hit count and each complement; so does every small
// non-empty group that is never shown (an inner cell, a department's own part).
import { evaluate, narrowTargets, RangeSolver, type Linear, type LinearSystem, type Target } from "./protection";

/** A set of cells a release published (values: n, then each hit count) or hid (values: null). */
export interface LedgerFigure {
  cells: string[];
  values: number[] | null;
}

/**
 * What a release's layout tells a reader who knows the rules (DISCLOSURE.md, "What the layout tells"):
 * a bound on one quantity of a set of cells. `form` 0 is the group's size n, j ≥ 1 its j-th hit count,
 * −j the complement n − h_j. Facts are true of the data by construction (the layout was chosen on it).
 */
export interface LayoutFact {
  cells: string[];
  form: number;
  lower?: number;
  upper?: number;
}

export interface NewFigure {
  id: string;
  /** Keys of the cells it sums. */
  cells: string[];
  display: boolean;
  /** Hidden before the audit (primary, or by the first, exact-recovery pass). */
  hidden: boolean;
}

/**
 * A mean (satisfaction 1–5): each cell carries its number of answers n and their sum s, in whole
 * units of `scale` answers' worth (s = Σ score × 100). Every answer lies in [low, high] (scaled), so
 * low·n ≤ s ≤ high·n. A hidden small group keeps its n uncertain by k and its sum by k answers of
 * the lowest score apart (k·low).
 */
export interface MeanScale {
  low: number;
  high: number;
}

export interface ProtectInput {
  /** How many hit counts each cell carries (0 for a count, 1 for a rate, 2 for two rates of one group). */
  hits: number;
  /** A mean measure instead (then hits is 1: the sum). */
  mean?: MeanScale;
  /** True values of every cell a figure or the ledger names: [n, h1, …]; a missing cell is 0. */
  truth: Map<string, number[]>;
  figures: NewFigure[];
  history: LedgerFigure[];
  /** Bounds the reader learns from this release's layout and every earlier one's. */
  layout?: LayoutFact[];
  k: number;
}

export interface ProtectResult {
  /** Ids of new figures to hide (those hidden before, and those the audit added). */
  hidden: Set<string>;
  /** What the audit took, for the bench; unprotectable: hidden figures pinned by earlier releases alone. */
  stats: {
    variables: number;
    classes: number;
    targets: number;
    equations: number;
    rounds: number;
    solves: number;
    ms: number;
    unprotectable: number;
    narrowFirst: number;
  };
}

export const setKey = (cells: readonly string[]) => [...cells].sort().join(",");

/** Rounds that hide one figure per narrow target before the audit hides every figure binding it. */
const PATIENT_ROUNDS = 6;

/**
 * Variables per cell. A count: [n]. Rates: [h1, m1, h2, …], where m1 = n − h1 is its own variable
 * (so n = h1 + m1 needs no constraint) and each further hit count is bounded by h1 + m1. A mean:
 * [n, x] with the sum s = low·n + x and x ≤ (high − low)·n.
 */
function variables(input: ProtectInput) {
  const keys = new Set<string>(input.truth.keys());
  for (const f of input.figures) for (const c of f.cells) keys.add(c);
  for (const f of input.history) for (const c of f.cells) keys.add(c);
  for (const f of input.layout ?? []) for (const c of f.cells) keys.add(c);
  const index = new Map<string, number>();
  [...keys].sort().forEach((k, i) => index.set(k, i));
  const H = input.hits;
  const width = 1 + H;
  const mean = input.mean;
  const truth = new Float64Array(index.size * width);
  for (const [k, i] of index) {
    const v = input.truth.get(k);
    if (!v) continue;
    if (mean) {
      truth[i * width] = v[0] ?? 0;
      truth[i * width + 1] = (v[1] ?? 0) - mean.low * (v[0] ?? 0);
    } else if (H === 0) truth[i * width] = v[0] ?? 0;
    else {
      truth[i * width] = v[1] ?? 0;
      truth[i * width + 1] = (v[0] ?? 0) - (v[1] ?? 0);
      for (let j = 2; j <= H; j++) truth[i * width + j] = v[j] ?? 0;
    }
  }
  const base = (cells: readonly string[]) => cells.map((c) => index.get(c)! * width);
  const terms = (cells: readonly string[], parts: [slot: number, coef: number][]): Linear => {
    const idx: number[] = [];
    const coef: number[] = [];
    for (const b of base(cells))
      for (const [slot, c] of parts) {
        idx.push(b + slot);
        coef.push(c);
      }
    return { idx, coef };
  };
  /** Quantity q of a cell, as slots and coefficients: 0 is its size n, j ≥ 1 its j-th hit count. */
  const formParts = (q: number): Parts =>
    mean
      ? q === 0
        ? [[0, 1]]
        : [
            [0, mean.low],
            [1, 1],
          ]
      : H === 0
        ? [[0, 1]]
        : q === 0
          ? [
              [0, 1],
              [1, 1],
            ]
          : q === 1
            ? [[0, 1]]
            : [[q, 1]];
  /** n − h_j of a cell. */
  const complementParts = (j: number): Parts =>
    j === 1
      ? [[1, 1]]
      : [
          [0, 1],
          [1, 1],
          [j, -1],
        ];
  const form = (cells: readonly string[], q: number): Linear => terms(cells, formParts(q));
  /** A layout fact's quantity: its size, a hit count or a complement. */
  const factForm = (cells: readonly string[], q: number): Linear => terms(cells, q >= 0 ? formParts(q) : complementParts(-q));
  /** What every cell satisfies beyond being ≥ 0, each row ≤ 0: further hit counts ≤ n, a sum ≤ high·n. */
  const cellRows: Parts[] = mean
    ? [
        [
          [1, 1],
          [0, -(mean.high - mean.low)],
        ],
      ]
    : Array.from({ length: Math.max(0, H - 1) }, (_, i) => [
        [i + 2, 1],
        [0, -1],
        [1, -1],
      ]);
  return { index, width, truth, form, formParts, complementParts, factForm, terms, cellRows };
}

type Parts = [slot: number, coef: number][];
type Bound = Linear & { lower: number; upper: number };

/**
 * Cells that every equation treats alike (the same published sets contain them) are interchangeable:
 * merged into one class, the LP shrinks from thousands of cells to the regions the published sets
 * cut out. Exact for ranges: every quantity is a sum of non-negative per-cell parts, so a target's
 * largest value puts a class's whole mass into a cell it covers (any class it touches counts), and its
 * smallest value puts it into a cell it does not (only classes it covers entirely count).
 */
function aggregate(eqs: (Linear & { value: number })[], bounds: Bound[], cells: number, width: number, cellRows: Parts[]) {
  const rows: number[][] = Array.from({ length: cells }, () => []);
  // Bounds cut cells apart as equations do (rows numbered after the equations).
  [...eqs, ...bounds].forEach((e, r) => {
    for (const idx of e.idx) {
      const c = Math.floor(idx / width);
      // Rows come in order: a cell's several terms in one row record it once.
      if (rows[c]!.at(-1) !== r) rows[c]!.push(r);
    }
  });
  const classOf = new Int32Array(cells);
  const bySignature = new Map<string, number>();
  const size: number[] = [];
  const first: number[] = [];
  for (let c = 0; c < cells; c++) {
    const sig = rows[c]!.join(",");
    let k = bySignature.get(sig);
    if (k === undefined) {
      k = size.length;
      bySignature.set(sig, k);
      size.push(0);
      first.push(c);
    }
    classOf[c] = k;
    size[k]! += 1;
  }
  const classes = size.length;
  const mapLinear = (t: Linear): Linear => {
    const merged = new Map<number, number>();
    t.idx.forEach((idx, i) => {
      const to = classOf[Math.floor(idx / width)]! * width + (idx % width);
      if (!merged.has(to)) merged.set(to, t.coef[i]!);
    });
    return { idx: [...merged.keys()], coef: [...merged.values()] };
  };
  const atMostZero: Linear[] = [];
  for (let i = 0; i < classes; i++)
    for (const row of cellRows) atMostZero.push({ idx: row.map(([slot]) => i * width + slot), coef: row.map(([, c]) => c) });
  const system: LinearSystem = {
    numVars: classes * width,
    equations: eqs.map((e) => ({ ...mapLinear(e), value: e.value })),
    atMostZero,
    bounds: bounds.map((b) => ({ ...mapLinear(b), lower: b.lower, upper: b.upper })),
  };
  /** A cell-level point summed into classes (feasible stays feasible). */
  const up = (x: ArrayLike<number>) => {
    const out = new Float64Array(classes * width);
    for (let c = 0; c < cells; c++) for (let s = 0; s < width; s++) out[classOf[c]! * width + s]! += x[c * width + s]!;
    return out;
  };
  /** A class-level point put back on cells, each class's mass in its first cell (feasible stays feasible). */
  const down = (x: ArrayLike<number>) => {
    const out = new Float64Array(cells * width);
    for (let k = 0; k < classes; k++) for (let s = 0; s < width; s++) out[first[k]! * width + s] = x[k * width + s]!;
    return out;
  };
  /** A target over cells (each with the same parts) as the class-level forms of its extremes. */
  const target = (cellIdx: number[], parts: Parts): Target => {
    const count = new Map<number, number>();
    for (const c of cellIdx) count.set(classOf[c]!, (count.get(classOf[c]!) ?? 0) + 1);
    const hi: Linear = { idx: [], coef: [] };
    const lo: Linear = { idx: [], coef: [] };
    for (const [k, n] of count) {
      for (const [slot, coef] of parts) {
        hi.idx.push(k * width + slot);
        hi.coef.push(coef);
        if (n === size[k]) {
          lo.idx.push(k * width + slot);
          lo.coef.push(coef);
        }
      }
    }
    return { lo, hi };
  };
  return { system, classes, up, down, target };
}

export async function protect(input: ProtectInput): Promise<ProtectResult> {
  const started = performance.now();
  const k = input.k;
  const { index, width, truth, form, formParts, complementParts, factForm, terms, cellRows } = variables(input);
  const sum = (cells: readonly string[], q: number) => evaluate(form(cells, q), truth);
  const bounds: Bound[] = (input.layout ?? []).map((f) => ({
    ...factForm(f.cells, f.form),
    lower: f.lower ?? -Infinity,
    upper: f.upper ?? Infinity,
  }));

  // Targets: what must stay uncertain by k.
  // Each set's key once: keys of large sets (a total over thousands of cells) are costly to build.
  const historyKeys = input.history.map((f) => setKey(f.cells));
  const figureKey = new Map(input.figures.map((f) => [f.id, setKey(f.cells)]));
  const published = new Set(historyKeys.filter((_, i) => input.history[i]!.values !== null));
  const targets: { cells: string[]; cellIdx: number[]; parts: Parts; need: number }[] = [];
  const seenTargets = new Set<string>();
  const addFigureTargets = (cells: string[], key = setKey(cells)) => {
    // A set already out is no secret any more: nothing this release does can protect it.
    if (seenTargets.has(key) || published.has(key)) return;
    seenTargets.add(key);
    const cellIdx = cells.map((c) => index.get(c)!);
    // Only a sensitive group needs protection intervals: one with a count below k (its size, a hit
    // count or a complement; zero included). A group whose every count is k or more could have been
    // published as it is (the primary rule): hiding it protects others, not itself.
    // An empty group's hit counts are about no one: only its size needs hiding.
    const people = sum(cells, 0) > 0 ? width : 1;
    if (input.mean) {
      // A mean's group is sensitive by its number of answers; its sum is kept uncertain by k answers.
      if (sum(cells, 0) >= k) return;
      for (let q = 0; q < people; q++) targets.push({ cells, cellIdx, parts: formParts(q), need: q === 0 ? k : k * input.mean.low });
      return;
    }
    const forms: Parts[] = [];
    for (let q = 0; q < people; q++) forms.push(...(q > 0 ? [formParts(q), complementParts(q)] : [formParts(q)]));
    if (!forms.some((parts) => evaluate(terms(cells, parts), truth) < k)) return;
    for (const parts of forms) targets.push({ cells, cellIdx, parts, need: k });
  };
  input.history.forEach((f, i) => {
    if (f.values === null) addFigureTargets(f.cells, historyKeys[i]);
  });
  // Small groups never shown (inner cells, a department's own part) are protected as hidden figures
  // are: otherwise a later release that shows one as "*" could not keep it uncertain.
  for (const key of index.keys()) {
    const n = sum([key], 0);
    if (n > 0 && n < k) addFigureTargets([key]);
  }
  // A group the layout speaks of (a folded department, a kind that failed the rule) is a hidden
  // quantity like any other.
  for (const f of input.layout ?? []) {
    const n = sum(f.cells, 0);
    if (n > 0 && n < k) addFigureTargets(f.cells);
  }
  for (const f of input.figures) {
    if (f.display || !f.hidden) continue;
    const n = sum(f.cells, 0);
    if (n > 0 && n < k) addFigureTargets(f.cells, figureKey.get(f.id));
  }

  // Equations: every set published before, and the new figures not (yet) hidden. A new figure whose
  // set is already out is published again as it was (a re-issue reads the same).
  // A set hidden by an earlier release stays hidden (hiding more is always safe): a re-issue then
  // reads as before and publishes nothing new, so it needs no LP at all.
  const hiddenBefore = new Set(historyKeys.filter((_, i) => input.history[i]!.values === null));
  const hidden = new Set(
    input.figures
      .filter((f) => !published.has(figureKey.get(f.id)!) && (f.hidden || (f.display && hiddenBefore.has(figureKey.get(f.id)!))))
      .map((f) => f.id),
  );
  for (const f of input.figures) if (hidden.has(f.id) && f.display) addFigureTargets(f.cells, figureKey.get(f.id));

  const equationsOf = () => {
    const eqs: LinearSystem["equations"] = [];
    const owners: string[][] = [];
    const bySet = new Map<string, { cells: string[]; owners: string[]; old: boolean }>();
    input.history.forEach((f, i) => {
      if (f.values !== null) bySet.set(historyKeys[i]!, { cells: f.cells, owners: [], old: true });
    });
    for (const f of input.figures) {
      if (!f.display || hidden.has(f.id)) continue;
      const key = figureKey.get(f.id)!;
      const entry = bySet.get(key) ?? { cells: f.cells, owners: [], old: false };
      entry.owners.push(f.id);
      bySet.set(key, entry);
    }
    for (const { cells, owners: o, old } of bySet.values()) {
      for (let q = 0; q < width; q++) {
        const f = form(cells, q);
        eqs.push({ ...f, value: evaluate(f, truth) });
        // A set published before stays published whatever this release does.
        owners.push(old ? [] : o);
      }
    }
    return { eqs, owners };
  };

  // A group the layout alone already bounds below k wide (a folded member holds at most k − 1) is
  // protected when the figures narrow it no further than the layout does.
  const layoutOnly = bounds.length ? aggregate([], bounds, index.size, width, cellRows) : undefined;
  let layoutSolver: RangeSolver | undefined;
  const layoutWidth = new Map<number, number>();
  const widthBefore = async (i: number) => {
    let w = layoutWidth.get(i);
    if (w !== undefined) return w;
    if (!layoutOnly) w = Infinity;
    else {
      layoutSolver ??= await RangeSolver.create(layoutOnly.system);
      const t = targetIn(layoutOnly, i);
      w = layoutSolver.optimum(t.hi, "max").value - layoutSolver.optimum(t.lo, "min").value;
      solves += 2;
    }
    layoutWidth.set(i, w);
    return w;
  };
  /** The narrow targets (of `of`, the target indices asked) that the layout alone did not bound as narrow. */
  const required = async <R extends { narrow: { target: number; lo: number; hi: number }[] }>(of: number[], result: R): Promise<R> => {
    const narrow = [];
    for (const n of result.narrow) {
      const i = of[n.target]!;
      if (n.hi - n.lo < Math.min(targets[i]!.need, await widthBefore(i)) - 1e-6) narrow.push(n);
    }
    return { ...result, narrow };
  };

  let pool: ArrayLike<number>[] = [];
  let solves = 0;
  let open = targets.map((_, i) => i);
  let unprotectable = 0;
  let rounds = 0;
  let narrowFirst = 0;
  let equations = 0;
  let classes = 0;
  /** Targets pinned by earlier releases alone (nothing this release hides can widen them). */
  let settled = 0;
  let historyOnly: ReturnType<typeof aggregate> | undefined;
  const byId = new Map(input.figures.map((f) => [f.id, f]));
  /** Target i as an aggregated system sees it. */
  const targetIn = (agg: ReturnType<typeof aggregate>, i: number) => agg.target(targets[i]!.cellIdx, targets[i]!.parts);
  const size = new Map(input.figures.map((f) => [f.id, sum(f.cells, 0)]));
  const breadth = new Map(input.figures.map((f) => [f.id, f.cells.length]));
  for (;;) {
    const { eqs, owners } = equationsOf();
    rounds++;
    equations = eqs.length;
    // Nothing new to publish (a re-issue): the published equations are those already out, so no
    // range can be narrower than it already is, and this release could not widen one anyway.
    if (!owners.some((o) => o.length > 0)) break;
    const agg = aggregate(eqs, bounds, index.size, width, cellRows);
    classes = agg.classes;
    const result = await required(
      open,
      await narrowTargets(
        agg.system,
        open.map((i) => targetIn(agg, i)),
        open.map((i) => targets[i]!.need),
        agg.up(truth),
        pool.map(agg.up),
      ),
    );
    // Witnesses go back on cells: the next round's classes are coarser (fewer equations).
    pool = result.pool.map(agg.down);
    if (rounds === 1) narrowFirst = result.narrow.length;
    solves += result.solves;
    if (result.narrow.length === 0) break;
    // A target already narrow given the earlier releases alone cannot be helped by anything this
    // release hides: set it aside (counted as unprotectable) instead of hiding one figure after
    // another in vain, round after round.
    // (Every witness of this round satisfies the earlier releases' equations too.)
    historyOnly ??= aggregate(
      eqs.filter((_, r) => owners[r]!.length === 0),
      bounds,
      index.size,
      width,
      cellRows,
    );
    const checked = result.narrow.map((n) => open[n.target]!);
    const check = await required(
      checked,
      await narrowTargets(
        historyOnly.system,
        checked.map((i) => targetIn(historyOnly!, i)),
        checked.map((i) => targets[i]!.need),
        historyOnly.up(truth),
        pool.map(historyOnly.up),
      ),
    );
    solves += check.solves;
    const pinned = new Set(check.narrow.map((n) => result.narrow[n.target]!.target));
    const fixable = result.narrow.filter((n) => !pinned.has(n.target));
    settled += pinned.size;
    // Hide, for each narrow target, the smallest new figure among the equations that bind it.
    // (Duals need not be unique: failing that, the smallest new figure that touches the target.)
    const toHide = new Set<string>();
    unprotectable = 0;
    for (const { target, binding } of fixable) {
      let candidates = binding.flatMap((row) => owners[row] ?? []).filter((id) => !hidden.has(id));
      if (candidates.length === 0) {
        const cells = new Set(targets[open[target]!]!.cells);
        candidates = input.figures
          .filter((f) => f.display && !hidden.has(f.id) && !published.has(figureKey.get(f.id)!) && f.cells.some((c) => cells.has(c)))
          .map((f) => f.id);
      }
      if (candidates.length === 0) {
        unprotectable++;
        continue;
      }
      // The smallest group first; among equals the finer breakdown, so totals are the last to go.
      candidates.sort((a, b) => size.get(a)! - size.get(b)! || breadth.get(a)! - breadth.get(b)! || (a < b ? -1 : 1));
      // A target still narrow after a few rounds of one figure at a time (each next binding figure a
      // little larger) loses every figure that binds it at once: tens of rounds cost seconds.
      for (const id of rounds > PATIENT_ROUNDS ? candidates : candidates.slice(0, 1)) toHide.add(id);
    }
    if (toHide.size === 0) break;
    // Only narrow targets, and those of the newly hidden figures, need another look: hiding more
    // can only widen the rest.
    const next = fixable.map((n) => open[n.target]!);
    for (const id of toHide) {
      hidden.add(id);
      const before = targets.length;
      addFigureTargets(byId.get(id)!.cells, figureKey.get(id));
      for (let i = before; i < targets.length; i++) next.push(i);
    }
    open = next;
  }
  layoutSolver?.dispose();
  const stats = {
    variables: truth.length,
    classes,
    targets: targets.length,
    equations,
    rounds,
    solves,
    ms: performance.now() - started,
    unprotectable: unprotectable + settled,
    narrowFirst,
  };
  return { hidden, stats };
}
