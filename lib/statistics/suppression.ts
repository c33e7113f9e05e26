// Small-group suppression that survives subtraction (decision 006). For issued reports it is the
// first pass before the audit against everything the team published (decision 009).
//
// Every published figure is a sum over "inner cells" (e.g. leaf department × case kind × quarter), so
// it is a 0/1 vector over them. Primary suppression hides a figure whose group is small; secondary
// suppression then hides more figures until no hidden figure can be computed from the published
// ones by any linear combination (adding and subtracting totals). Exactness is checked by Gaussian
// elimination over a prime field, which can only err towards hiding more, never less.

export type Suppression = "primary" | "secondary";

export interface CellInput {
  id: string;
  /** Indices of the inner cells this figure sums (inner cells with no data may be left out). */
  inner: number[];
  /** The size of the group (people, cases, responses). */
  n: number;
  /** For rates: how many of the n have the property; 0 % and 100 % of a small-ish group disclose everyone. */
  hits?: number;
  /**
   * False for a group that is never shown but must not be computable either: an inner cell, or a
   * department's "directly in it" part. It is protected when small and never counted as published.
   */
  display?: boolean;
}

export interface SuppressionRule {
  /** The team's minimum group size (never below 5). */
  minGroupSize: number;
}

/** The smallest minimum group size any team may set: below 5, published groups identify people. */
export const MIN_GROUP_FLOOR = 5;
/** A new team's minimum group size; going below it needs the 衛生委員会's decision on record. */
export const DEFAULT_MIN_GROUP_SIZE = 10;
/** A team's minimum group size as every output applies it. */
export const groupSizeOf = (minGroupSize: number) => Math.max(MIN_GROUP_FLOOR, minGroupSize);

/**
 * Primary rule: a group of 1..k-1; and a rate shows two counts (those with the property and those
 * without), so it is hidden unless both are at least k: "1 of 13 improved" says as much about the 13
 * as "0 of 13", and a later "*" inside such a group could not be kept uncertain (decision 009).
 * Zero is no one here; a shown zero is hidden by the caller.
 */
export function isPrimary(cell: Pick<CellInput, "n" | "hits">, rule: SuppressionRule): boolean {
  const k = groupSizeOf(rule.minGroupSize);
  if (cell.n === 0) return false;
  if (cell.n < k) return true;
  if (cell.hits !== undefined && (cell.hits < k || cell.n - cell.hits < k)) return true;
  return false;
}

// A prime below 2^26, so a product of two residues stays an exact double.
const P = 67_108_859;
const mod = (a: number) => ((a % P) + P) % P;

function inverse(a: number): number {
  // Fermat: a^(P-2) mod P, by square-and-multiply with BigInt to keep products exact.
  let result = 1n;
  let base = BigInt(mod(a));
  let e = BigInt(P - 2);
  const p = BigInt(P);
  while (e > 0n) {
    if (e & 1n) result = (result * base) % p;
    base = (base * base) % p;
    e >>= 1n;
  }
  return Number(result);
}

type Vec = Map<number, number>;

function vectorOf(inner: number[]): Vec {
  const v: Vec = new Map();
  for (const i of inner) v.set(i, mod((v.get(i) ?? 0) + 1));
  for (const [i, x] of v) if (x === 0) v.delete(i);
  return v;
}

/** v - factor * w, in place. */
function subtractScaled(v: Vec, w: Vec, factor: number) {
  if (factor === 0) return;
  for (const [i, x] of w) {
    const next = mod((v.get(i) ?? 0) - factor * x);
    if (next === 0) v.delete(i);
    else v.set(i, next);
  }
}

/** Reduced row echelon basis of the published vectors. */
class Basis {
  rows: { pivot: number; vec: Vec }[] = [];

  reduce(v: Vec): Vec {
    const r = new Map(v);
    for (const row of this.rows) subtractScaled(r, row.vec, r.get(row.pivot) ?? 0);
    return r;
  }
}

function normalised(r: Vec): { pivot: number; vec: Vec } {
  const pivot = Math.min(...r.keys());
  const inv = inverse(r.get(pivot)!);
  const vec: Vec = new Map();
  for (const [i, x] of r) vec.set(i, mod(x * inv));
  return { pivot, vec };
}

/**
 * Decides which figures to hide. Candidates are considered from the largest group down, so totals
 * (what a committee reads first) are published and the hiding falls on small breakdowns. `primary`
 * names figures the caller already knows to hide (besides those the rule finds).
 */
export function suppressCells(cells: CellInput[], rule: SuppressionRule, primary?: ReadonlySet<string>): Map<string, Suppression> {
  const result = new Map<string, Suppression>();
  const basis = new Basis();
  const hidden: { id: string; residual: Vec }[] = [];

  for (const c of cells) {
    if (primary?.has(c.id) || isPrimary(c, rule)) {
      result.set(c.id, "primary");
      hidden.push({ id: c.id, residual: vectorOf(c.inner) });
    }
  }
  const candidates = cells
    .filter((c) => !result.has(c.id) && c.display !== false)
    .sort((a, b) => b.n - a.n || b.inner.length - a.inner.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  for (const c of candidates) {
    const r = basis.reduce(vectorOf(c.inner));
    // Already computable from what is published: publishing it tells nothing new.
    if (r.size === 0) continue;
    const row = normalised(r);
    // A hidden residual becomes computable exactly when it is a multiple of the new row; one
    // without the new pivot cannot be (checked first: most are not touched at all).
    const leaks = hidden.some((h) => {
      const factor = h.residual.get(row.pivot);
      if (factor === undefined || h.residual.size !== row.vec.size) return false;
      for (const [i, x] of row.vec) if (h.residual.get(i) !== mod(factor * x)) return false;
      return true;
    });
    if (leaks) {
      result.set(c.id, "secondary");
      hidden.push({ id: c.id, residual: r });
      continue;
    }
    for (const other of basis.rows) subtractScaled(other.vec, row.vec, other.vec.get(row.pivot) ?? 0);
    for (const h of hidden) subtractScaled(h.residual, row.vec, h.residual.get(row.pivot) ?? 0);
    basis.rows.push(row);
  }
  return result;
}
