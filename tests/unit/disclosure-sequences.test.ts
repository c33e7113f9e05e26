// Random release sequences over random small companies: whatever scopes and periods a team issues,
// an independent LP attacker holding every release finds no hidden figure narrower than k.
import fc from "fast-check";
import loadHighs from "highs";
import { describe, expect, it } from "vitest";
import { MeasureSpace } from "@/lib/dashboard/space";
import type { LedgerFigure } from "@/lib/statistics/series-audit";

const K = 5;

interface Company {
  /** Leaf departments as "site/dept", and each site's own part as "site/-". */
  units: string[];
  quarters: number;
  /** [n, improved] per unit × quarter, keyed "unit|q". */
  cells: Map<string, [number, number]>;
}

const company = fc
  .record({
    sites: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    quarters: fc.integer({ min: 2, max: 4 }),
    values: fc.array(fc.tuple(fc.integer({ min: 0, max: 14 }), fc.double({ min: 0, max: 1, noNaN: true })), {
      minLength: 60,
      maxLength: 60,
    }),
  })
  .map(({ sites, quarters, values }): Company => {
    const units = sites.flatMap((depts, s) => [`s${s}/-`, ...Array.from({ length: depts }, (_, d) => `s${s}/d${d}`)]);
    const cells = new Map<string, [number, number]>();
    let i = 0;
    for (const u of units)
      for (let q = 0; q < quarters; q++) {
        const [n, share] = values[i++ % values.length]!;
        cells.set(`${u}|${q}`, [n, Math.round(n * share)]);
      }
    return { units, quarters, cells };
  });

/** A release: a scope (all, or one site) and a run of quarters. */
const release = fc.record({
  site: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  from: fc.integer({ min: 0, max: 3 }),
  length: fc.integer({ min: 1, max: 4 }),
});

/** Builds and audits one release the way the report builder does: total, quarters, sites, departments. */
async function issue(c: Company, r: { site?: number; from: number; length: number }, history: LedgerFigure[]) {
  const quarters = Array.from({ length: c.quarters }, (_, q) => q).filter((q) => q >= r.from && q < r.from + r.length);
  const site = r.site !== undefined && c.units.some((u) => u.startsWith(`s${r.site}/`)) ? r.site : undefined;
  const units = c.units.filter((u) => site === undefined || u.startsWith(`s${site}/`));
  const space = new MeasureSpace(
    units.flatMap((u) =>
      quarters.map((q) => {
        const [n, h] = c.cells.get(`${u}|${q}`)!;
        return { key: `${u}|${q}`, n, hits: h };
      }),
    ),
  );
  space.rate(() => true);
  for (const q of quarters) space.rate((k) => k.endsWith(`|${q}`));
  for (const s of new Set(units.map((u) => u.split("/")[0]!))) {
    space.rate((k) => k.startsWith(`${s}/`));
    space.rate((k) => k.startsWith(`${s}/-|`), false);
    for (const u of units.filter((x) => x.startsWith(`${s}/d`))) space.rate((k) => k.startsWith(`${u}|`));
  }
  const truth = new Map([...c.cells].map(([k, v]) => [k, [v[0], v[1]]]));
  await space.suppress({ minGroupSize: K }, { history, truth });
  return space.ledger();
}

/** The attacker: its own LP (n and h per cell, h ≤ n) in HiGHS' text format. */
async function attack(c: Company, ledger: LedgerFigure[]) {
  const highs = await loadHighs();
  const v = (key: string, q: "n" | "h") => `${q}_${key.replace(/[^\w]/g, "_")}`;
  const keys = [...c.cells.keys()];
  const sumOf = (cells: string[], q: "n" | "h") => cells.map((k) => v(k, q)).join(" + ");
  const rows = [
    ...ledger
      .filter((f) => f.values)
      .flatMap((f, i) => [` p${i}: ${sumOf(f.cells, "n")} = ${f.values![0]}`, ` q${i}: ${sumOf(f.cells, "h")} = ${f.values![1]}`]),
    ...keys.map((k, i) => ` o${i}: ${v(k, "h")} - ${v(k, "n")} <= 0`),
  ].join("\n");
  const range = (objective: string) => {
    const solve = (sense: string) => {
      const r = highs.solve(`${sense}\n obj: ${objective}\nSubject To\n${rows}\nEnd`, { output_flag: false });
      if (r.Status === "Unbounded") return sense === "Maximize" ? Infinity : -Infinity;
      if (r.Status !== "Optimal") throw new Error(r.Status);
      return r.ObjectiveValue;
    };
    return solve("Maximize") - solve("Minimize");
  };
  const truthOf = (cells: string[]) => cells.reduce((a, k) => a + c.cells.get(k)![0], 0);
  const found: string[] = [];
  for (const f of ledger.filter((x) => !x.values && x.cells.length > 0)) {
    const n = sumOf(f.cells, "n");
    const h = sumOf(f.cells, "h");
    const size = truthOf(f.cells);
    const hits = f.cells.reduce((a, k) => a + c.cells.get(k)![1], 0);
    // Only a sensitive group (a count below K) needs its range: the rest could have been published.
    if (size >= K && hits >= K && size - hits >= K) continue;
    const checks = size > 0 ? [n, h, `${n} - ${f.cells.map((k) => v(k, "h")).join(" - ")}`] : [n];
    for (const o of checks) if (range(o) < K - 1e-6) found.push(`${f.cells.join(",")}: ${o.slice(0, 40)}`);
  }
  // Small groups never shown: their size, improved and not improved.
  for (const k of keys) {
    const n = c.cells.get(k)![0];
    if (n <= 0 || n >= K) continue;
    for (const o of [v(k, "n"), v(k, "h"), `${v(k, "n")} - ${v(k, "h")}`]) if (range(o) < K - 1e-6) found.push(`cell ${k}: ${o}`);
  }
  return found;
}

describe("random release sequences", () => {
  it("leave no hidden figure narrower than k, whatever the team issues", async () => {
    await fc.assert(
      fc.asyncProperty(company, fc.array(release, { minLength: 2, maxLength: 4 }), async (c, releases) => {
        let ledger: LedgerFigure[] = [];
        for (const r of releases) {
          const shown = await issue(c, r, ledger);
          // The ledger as the app keeps it: one entry per set, published once published.
          const bySet = new Map(ledger.map((f) => [[...f.cells].sort().join(","), f]));
          for (const f of shown) {
            const key = [...f.cells].sort().join(",");
            if (!bySet.get(key)?.values) bySet.set(key, f);
          }
          ledger = [...bySet.values()];
        }
        expect(await attack(c, ledger)).toEqual([]);
      }),
      { numRuns: 25, seed: 20261129, endOnFailure: true },
    );
  }, 120_000);
});
