import { describe, expect, it } from "vitest";
import { visibleRows } from "@/lib/reports/collapse";
import type { Row } from "@/lib/reports/types";

const row = (label: string, depth: number, key?: string): Row => ({ label, depth, key, cells: [{ t: "count", n: 1 }] });
const labels = (v: ReturnType<typeof visibleRows>) => v.map((r) => (r.kind === "row" ? r.row.label : `more:${r.parentKey}:${r.hidden}`));

describe("collapsed department tree", () => {
  const tree = [
    row("全社", 0, "c"),
    row("営業本部", 1, "s"),
    row("東京営業部", 2, "s1"),
    row("東京一課", 3, "s11"),
    row("大阪営業部", 2, "s2"),
    row("管理本部", 1, "a"),
    row("部署なし", 0),
  ];

  it("shows the top rows and their children, deeper branches closed", () => {
    const v = visibleRows(tree, new Set(), new Set());
    expect(labels(v)).toEqual(["全社", "営業本部", "管理本部", "部署なし"]);
    const sales = v[1]!;
    expect(sales.kind === "row" && sales.branch).toEqual({ key: "s", open: false, children: 2 });
    expect(v[2]!.kind === "row" && v[2]!.branch).toBeUndefined();
  });

  it("opens a branch, and a branch inside it, on demand", () => {
    expect(labels(visibleRows(tree, new Set(["s"]), new Set()))).toEqual([
      "全社",
      "営業本部",
      "東京営業部",
      "大阪営業部",
      "管理本部",
      "部署なし",
    ]);
    expect(labels(visibleRows(tree, new Set(["s", "s1"]), new Set()))).toEqual([
      "全社",
      "営業本部",
      "東京営業部",
      "東京一課",
      "大阪営業部",
      "管理本部",
      "部署なし",
    ]);
    // A branch whose parent is closed stays out of sight.
    expect(labels(visibleRows(tree, new Set(["s1"]), new Set()))).toEqual(["全社", "営業本部", "管理本部", "部署なし"]);
  });

  it("stops a long list of siblings at the cap, and shows the rest when asked", () => {
    const flat = [row("Company", 0, "d0"), ...Array.from({ length: 300 }, (_, i) => row(`部署${i + 1}`, 1, `d${i + 1}`))];
    const v = visibleRows(flat, new Set(), new Set(), 20);
    expect(v).toHaveLength(22);
    expect(labels(v).at(-1)).toBe("more:d0:280");
    expect(visibleRows(flat, new Set(), new Set(["d0"]), 20)).toHaveLength(301);
    // One row over the cap is shown rather than hidden behind a link of one.
    expect(visibleRows(flat.slice(0, 22), new Set(), new Set(), 20)).toHaveLength(22);
  });

  it("keeps every row of a table that is not a tree", () => {
    const plain = [row("A", 0), row("B", 0), row("合計", 0)];
    expect(labels(visibleRows(plain, new Set(), new Set()))).toEqual(["A", "B", "合計"]);
  });

  it("stops a long flat list at the cap under the table's own key, its totals always in sight", () => {
    const total = (label: string): Row => ({ ...row(label, 0), total: true });
    const flat = [total("部署のある人"), ...Array.from({ length: 300 }, (_, i) => row(`部署${i + 1}`, 0)), total("合計")];
    const v = visibleRows(flat, new Set(), new Set(), 20, "allies-coverage");
    expect(labels(v)).toEqual([
      "部署のある人",
      ...Array.from({ length: 20 }, (_, i) => `部署${i + 1}`),
      "more:allies-coverage:280",
      "合計",
    ]);
    expect(visibleRows(flat, new Set(), new Set(["allies-coverage"]), 20, "allies-coverage")).toHaveLength(302);
    // Another table's key opens nothing here.
    expect(visibleRows(flat, new Set(), new Set(["pilots-results"]), 20, "allies-coverage")).toHaveLength(23);
    // A short list, or one row over the cap, is whole: its total is not one of the rows the cap counts.
    const oneOver = visibleRows(flat.slice(0, 22), new Set(), new Set(), 20, "allies-coverage");
    expect(oneOver).toHaveLength(22);
    expect(oneOver.every((r) => r.kind === "row")).toBe(true);
  });
});
