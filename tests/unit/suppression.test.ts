import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPrimary, suppressCells, type CellInput } from "@/lib/statistics/suppression";

const RULE = { minGroupSize: 10 };

/**
 * The attacker, written independently of the code under test: floating-point Gaussian elimination.
 * A hidden figure leaks when its vector lies in the span of the published figures' vectors, i.e.
 * some combination of published totals and differences equals it exactly.
 */
function leaks(target: number[], published: number[][], dim: number): boolean {
  const toDense = (inner: number[]) => {
    const v = new Array<number>(dim).fill(0);
    for (const i of inner) v[i]! += 1;
    return v;
  };
  const rank = (rows: number[][]) => {
    const m = rows.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < dim && r < m.length; c++) {
      let best = r;
      for (let i = r; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[best]![c]!)) best = i;
      if (Math.abs(m[best]![c]!) < 1e-9) continue;
      [m[r], m[best]] = [m[best]!, m[r]!];
      for (let i = 0; i < m.length; i++) {
        if (i === r) continue;
        const f = m[i]![c]! / m[r]![c]!;
        if (f !== 0) for (let j = c; j < dim; j++) m[i]![j]! -= f * m[r]![j]!;
      }
      r++;
    }
    return r;
  };
  const pub = published.map(toDense);
  return rank([...pub, toDense(target)]) === rank(pub);
}

function attack(cells: CellInput[], dim: number) {
  const hidden = suppressCells(cells, RULE);
  const published = cells.filter((c) => !hidden.has(c.id) && c.display !== false).map((c) => c.inner);
  const leaked = cells.filter((c) => hidden.has(c.id) && leaks(c.inner, published, dim)).map((c) => c.id);
  return { hidden, leaked };
}

describe("primary suppression", () => {
  it("hides groups of 1..k-1, and rates unless both those with and without the property are at least k", () => {
    expect(isPrimary({ n: 0 }, RULE)).toBe(false);
    expect(isPrimary({ n: 1 }, RULE)).toBe(true);
    expect(isPrimary({ n: 9 }, RULE)).toBe(true);
    expect(isPrimary({ n: 10 }, RULE)).toBe(false);
    expect(isPrimary({ n: 12, hits: 12 }, RULE)).toBe(true);
    expect(isPrimary({ n: 12, hits: 0 }, RULE)).toBe(true);
    expect(isPrimary({ n: 12, hits: 5 }, RULE)).toBe(true);
    expect(isPrimary({ n: 25, hits: 25 }, RULE)).toBe(true);
    expect(isPrimary({ n: 40, hits: 1 }, RULE)).toBe(true);
    expect(isPrimary({ n: 20, hits: 10 }, RULE)).toBe(false);
    // The setting can never go below 5.
    expect(isPrimary({ n: 4 }, { minGroupSize: 2 })).toBe(true);
  });
});

describe("secondary suppression against subtraction", () => {
  it("1-D tree: a parent with one small child hides a sibling too, and the total stays published", () => {
    // inner 0..2: children A=3, B=20, C=30; the parent is their sum.
    const cells: CellInput[] = [
      { id: "A", inner: [0], n: 3 },
      { id: "B", inner: [1], n: 20 },
      { id: "C", inner: [2], n: 30 },
      { id: "P", inner: [0, 1, 2], n: 53 },
    ];
    const { hidden, leaked } = attack(cells, 3);
    expect(leaked).toEqual([]);
    expect(hidden.get("A")).toBe("primary");
    expect(hidden.get("B")).toBe("secondary");
    expect(hidden.has("P")).toBe(false);
    expect(hidden.has("C")).toBe(false);
  });

  it("a child equal to its parent: the small 'directly in the department' part stays hidden", () => {
    // Department D = direct(3) + child C(12). D's direct part is never shown but must not be computable.
    const cells: CellInput[] = [
      { id: "D", inner: [0, 1], n: 15 },
      { id: "C", inner: [1], n: 12 },
      { id: "D.direct", inner: [0], n: 3, display: false },
    ];
    const { hidden, leaked } = attack(cells, 2);
    expect(leaked).toEqual([]);
    expect(hidden.get("C")).toBe("secondary");
    // A parent whose only child holds everyone: both show the same number, nothing leaks.
    const same: CellInput[] = [
      { id: "D", inner: [0], n: 12 },
      { id: "C", inner: [0], n: 12 },
    ];
    expect(attack(same, 1)).toMatchObject({ leaked: [] });
    expect(attack(same, 1).hidden.size).toBe(0);
  });

  it("2-D table (department × quarter with margins): one small cell costs a rectangle, nothing leaks", () => {
    const n = [
      [3, 15, 20],
      [12, 14, 30],
      [25, 11, 16],
    ];
    const cells: CellInput[] = [];
    const idx = (r: number, c: number) => r * 3 + c;
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) cells.push({ id: `r${r}c${c}`, inner: [idx(r, c)], n: n[r]![c]! });
    for (let r = 0; r < 3; r++) cells.push({ id: `row${r}`, inner: [0, 1, 2].map((c) => idx(r, c)), n: n[r]!.reduce((a, b) => a + b, 0) });
    for (let c = 0; c < 3; c++)
      cells.push({ id: `col${c}`, inner: [0, 1, 2].map((r) => idx(r, c)), n: n.reduce((a, row) => a + row[c]!, 0) });
    cells.push({ id: "total", inner: [...Array(9).keys()], n: n.flat().reduce((a, b) => a + b, 0) });
    const { hidden, leaked } = attack(cells, 9);
    expect(leaked).toEqual([]);
    expect(hidden.get("r0c0")).toBe("primary");
    // At least three more interior cells must go for the small one to be safe.
    expect([...hidden.keys()].filter((id) => id.startsWith("r") && id.includes("c")).length).toBeGreaterThanOrEqual(4);
    expect(hidden.has("total")).toBe(false);
  });

  it("zero cells are shown as 0 and do not help an attacker", () => {
    // Parent 15 = A(8) + B(7) + Z(0): A and B are small, Z and the parent are published.
    const cells: CellInput[] = [
      { id: "A", inner: [0], n: 8 },
      { id: "B", inner: [1], n: 7 },
      { id: "Z", inner: [2], n: 0 },
      { id: "P", inner: [0, 1, 2], n: 15 },
    ];
    const { hidden, leaked } = attack(cells, 3);
    expect(leaked).toEqual([]);
    expect(hidden.has("Z")).toBe(false);
    expect(hidden.has("P")).toBe(false);
  });

  it("totals shared across sections: by department and by kind sum to one total, nothing leaks", () => {
    // inner = department (0..1) × kind (0..1): 2, 18 / 11, 9
    const v = [2, 18, 11, 9];
    const cells: CellInput[] = [
      { id: "dep0", inner: [0, 1], n: v[0]! + v[1]! },
      { id: "dep1", inner: [2, 3], n: v[2]! + v[3]! },
      { id: "kind0", inner: [0, 2], n: v[0]! + v[2]! },
      { id: "kind1", inner: [1, 3], n: v[1]! + v[3]! },
      { id: "total", inner: [0, 1, 2, 3], n: 40 },
      ...v.map((n, i) => ({ id: `inner${i}`, inner: [i], n, display: false })),
    ];
    const { hidden, leaked } = attack(cells, 4);
    expect(leaked).toEqual([]);
    expect(hidden.get("inner0")).toBe("primary");
    expect(hidden.get("inner3")).toBe("primary");
  });

  it("no hidden figure is ever computable, whatever the tree (property)", () => {
    // Random trees of up to 12 departments with random direct counts; every subtree total is shown.
    const tree = fc.array(
      fc.record({ parent: fc.nat(), n: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 40 })) }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(tree, (nodes) => {
        const parent = nodes.map((d, i) => (i === 0 ? -1 : d.parent % i));
        const subtree = (i: number): number[] => [i, ...parent.flatMap((p, j) => (p === i ? subtree(j) : []))];
        const cells: CellInput[] = nodes.flatMap((d, i) => {
          // Inner cells with no one in them are left out, as the report builder does: a known zero.
          const inner = subtree(i).filter((j) => nodes[j]!.n > 0);
          const total = inner.reduce((a, j) => a + nodes[j]!.n, 0);
          return [
            { id: `t${i}`, inner, n: total },
            { id: `d${i}`, inner: d.n > 0 ? [i] : [], n: d.n, display: false },
          ];
        });
        const { leaked, hidden } = attack(cells, nodes.length);
        // The quick 1-D check as well: a shown parent never has exactly one part that is not shown.
        for (let i = 0; i < nodes.length; i++) {
          if (hidden.has(`t${i}`)) continue;
          const parts = [`d${i}`, ...parent.flatMap((p, j) => (p === i ? [`t${j}`] : []))];
          const nonZero = parts.filter((id) => cells.find((c) => c.id === id)!.n > 0);
          const unknown = (id: string) => hidden.has(id) || cells.find((c) => c.id === id)!.display === false;
          const unknownParts = nonZero.filter(unknown);
          if (unknownParts.length === 1) expect(hidden.has(unknownParts[0]!)).toBe(false);
        }
        expect(leaked).toEqual([]);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
