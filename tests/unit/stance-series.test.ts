import { describe, expect, it } from "vitest";
import { stanceSeries, timeTicks } from "@/components/charts/stance-series";

const jst = (s: string) => new Date(`${s}+09:00`).getTime();
const label = (ms: number, unit: "day" | "month" | "year") =>
  new Intl.DateTimeFormat(
    "ja-JP",
    unit === "day"
      ? { month: "long", day: "numeric", timeZone: "Asia/Tokyo" }
      : unit === "month"
        ? { year: "numeric", month: "long", timeZone: "Asia/Tokyo" }
        : { year: "numeric", timeZone: "Asia/Tokyo" },
  ).format(ms);

describe("stance chart series", () => {
  it("keeps several changes on one day as one point, in order, and carries the last to today", () => {
    const now = new Date("2026-11-26T03:00:00Z");
    const { data, domain } = stanceSeries(
      [
        { at: "2026-11-24T01:00:00Z", stance: "NEUTRAL" },
        { at: "2026-11-24T02:00:00Z", stance: "COOPERATIVE" },
        { at: "2026-11-24T14:30:00Z", stance: "INDIFFERENT" }, // 23:30 in Tokyo: still the 24th
        { at: "2026-11-24T15:30:00Z", stance: "CHAMPION" }, // 00:30 on the 25th in Tokyo
      ],
      now,
    );
    expect(data.map((d) => [d.y, d.steps])).toEqual([
      [1, ["NEUTRAL", "COOPERATIVE", "INDIFFERENT"]],
      [4, ["CHAMPION"]],
      [4, []],
    ]);
    expect(data[2].x).toBe(now.getTime());
    // A short history still spans two weeks rather than collapsing to one date.
    expect(domain[1] - domain[0]).toBeGreaterThanOrEqual(14 * 86_400_000);
  });

  it("labels the axis with distinct Japanese dates at day, month or year boundaries", () => {
    for (const [start, end, unit] of [
      ["2026-11-10T00:00:00", "2026-11-24T12:00:00", "day"],
      ["2026-01-15T00:00:00", "2026-11-24T12:00:00", "month"],
      ["2019-03-01T00:00:00", "2026-11-24T12:00:00", "year"],
    ] as const) {
      const { ticks, unit: got } = timeTicks(jst(start), jst(end));
      expect(got).toBe(unit);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(12);
      const labels = ticks.map((x) => label(x, unit));
      expect(new Set(labels).size).toBe(labels.length);
      for (const x of ticks) expect(x).toBeGreaterThanOrEqual(jst(start));
      if (unit === "day") expect(labels[0]).toMatch(/^\d+月\d+日$/);
      if (unit === "month") {
        expect(labels[0]).toMatch(/^\d{4}年\d+月$/);
        // Month ticks fall on the first of a month in Tokyo.
        for (const x of ticks) expect(new Date(x + 9 * 3_600_000).getUTCDate()).toBe(1);
      }
      if (unit === "year") expect(labels[0]).toMatch(/^\d{4}年$/);
    }
  });
});
