import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { stanceCountsAt, stanceMoves } from "@/lib/dashboard/queries";
import { summarize } from "@/lib/dashboard/summary";
import { chartValue, formatFig, publish } from "@/lib/reports/format";
import type { Fig, ReportData, Section, Table } from "@/lib/reports/types";

describe("figures as text", () => {
  it("shows rates with their counts, means with n, and hidden figures as * (never 0)", () => {
    expect(formatFig({ t: "rate", n: 16, hits: 10 }, "ja")).toBe("62.5% (10/16)");
    expect(formatFig({ t: "rate", n: 0, hits: 0 }, "ja")).toBe("—");
    expect(formatFig({ t: "rate", n: 3, hits: 3, s: "primary" }, "ja")).toBe("*");
    expect(formatFig({ t: "rate", n: 3, hits: 3, s: "primary" }, "ja", true)).toBe("100.0% (3/3)");
    expect(formatFig({ t: "count", n: 0 }, "ja")).toBe("0");
    expect(formatFig({ t: "mean", n: 25, mean: 4.256 }, "ja")).toBe("4.26 (n=25)");
    expect(formatFig({ t: "num", v: 1234 }, "ja")).toBe("1,234");
    expect(chartValue({ t: "rate", n: 4, hits: 1 }, true)).toBe(25);
    expect(chartValue({ t: "count", n: 4, s: "secondary" })).toBeNull();
  });

  it("publishes by removing hidden numbers, keeping the mark", () => {
    const data: ReportData = {
      schema: 1,
      locale: "ja",
      teamName: "T",
      title: "R",
      message: "",
      periodLabel: "",
      generatedAt: "",
      minGroupSize: 10,
      summary: [],
      notes: [],
      published: false,
      sections: [
        {
          id: "improvement",
          title: "",
          tables: [{ id: "x", title: "", columns: ["a"], rows: [{ label: "A", cells: [{ t: "rate", n: 3, hits: 1, s: "primary" }] }] }],
        },
      ],
    };
    expect(publish(data).sections[0]!.tables[0]!.rows[0]!.cells[0]).toEqual({ t: "rate", n: null, hits: null, s: "primary" });
    expect(publish(data).published).toBe(true);
  });
});

describe("stance history", () => {
  const rows = [
    { day: "2026-01-05", from: null, to: "NEUTRAL", n: 2 },
    { day: "2026-05-01", from: "NEUTRAL", to: "CHAMPION", n: 1 },
    { day: "2026-08-01", from: "CHAMPION", to: "COOPERATIVE", n: 1 },
    { day: "2026-09-01", from: "NEUTRAL", to: null, n: 1 },
  ];
  it("counts people by stance at the start of a day", () => {
    const at = (d: string) =>
      Object.fromEntries(
        stanceCountsAt(rows, [d])
          .filter((r) => r.n)
          .map((r) => [r.stance, r.n]),
      );
    expect(at("2026-05-01")).toEqual({ NEUTRAL: 2 });
    expect(at("2026-05-02")).toEqual({ NEUTRAL: 1, CHAMPION: 1 });
    expect(at("2026-10-01")).toEqual({ COOPERATIVE: 1 });
  });
  it("counts moves up and down per quarter, inside the period only", () => {
    expect(stanceMoves(rows, new Date("2026-04-01T00:00:00Z"), new Date("2027-04-01T00:00:00Z"))).toEqual([
      { q: "2026-04-01", up: 1, down: 0 },
      { q: "2026-07-01", up: 0, down: 1 },
    ]);
  });
});

describe("summary sentences", () => {
  const table = (id: string, cells: Fig[][]): Table => ({
    id,
    title: "",
    columns: [],
    rows: cells.map((c, i) => ({ label: i ? `Q${i}` : "全体", cells: c })),
  });
  const base = {
    stance: { rows: [] },
    covered: 0,
    departments: 0,
    piloted: 0,
    adopted: 0,
    participants: 0,
    give: 0,
    ask: 0,
    touchpoints: 0,
    minGroupSize: 10,
    teamOnly: true,
  };
  it("writes the improvement rate from the numbers, and never puts a hidden figure into words", () => {
    const t = translatorFor("ja");
    const shown: Section[] = [
      {
        id: "improvement",
        title: "",
        tables: [
          table("improvement.byQuarter", [
            [{ t: "rate", n: 40, hits: 30 }],
            [{ t: "rate", n: 20, hits: 14 }],
            [{ t: "rate", n: 20, hits: 16 }],
          ]),
        ],
      },
    ];
    expect(summarize(t, "ja", { ...base, sections: shown })).toEqual([
      "この期間、高リスク者の改善率は 75.0%（評価 40 件中 30 件が改善）でした。",
      "Q2は 80.0% で、前の四半期より 10 ポイント上がりました。",
    ]);
    const hidden: Section[] = [
      { id: "improvement", title: "", tables: [table("improvement.byQuarter", [[{ t: "rate", n: 8, hits: 8, s: "primary" }]])] },
    ];
    expect(summarize(t, "ja", { ...base, sections: hidden })).toEqual(["改善率は、個人が推測されないよう伏せています。"]);
  });

  it("keeps the team's own figures and coaching out of what managers read", () => {
    const t = translatorFor("ja");
    const facts = {
      ...base,
      stance: { first: "2026-04-01", last: "2026-10-01", rows: [] },
      departments: 10,
      covered: 4,
      touchpoints: 30,
      give: 5,
      ask: 12,
      sections: [],
    };
    const team = summarize(t, "ja", facts).join("");
    expect(team).toContain("依頼が先出し協力より多く");
    const managers = summarize(t, "ja", { ...facts, teamOnly: false }).join("");
    for (const internal of ["依頼が先出し協力より多く", "ギブ", "応援者", "協力者のいる部署"]) expect(managers).not.toContain(internal);
  });
});

describe("chart axis ticks", () => {
  it("are round numbers (not 0/36/71 or 0/0.75/1.5), integers for counts, and reach the top value", async () => {
    const { niceTicks } = await import("@/lib/reports/chart-data");
    expect(niceTicks(71, true)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(1.5, true)).toEqual([0, 1, 2]);
    expect(niceTicks(1, true)).toEqual([0, 1]);
    expect(niceTicks(100, false)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(7, true)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0.3, false)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, true)).toEqual([0, 1]);
    for (const max of [3, 13, 36, 250, 1234, 0.8, 9.99]) {
      const ticks = niceTicks(max, max >= 1);
      expect(ticks.at(-1)!, String(max)).toBeGreaterThanOrEqual(max);
      expect(ticks.length, String(max)).toBeLessThanOrEqual(6);
    }
  });
});
