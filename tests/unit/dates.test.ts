import { describe, expect, it } from "vitest";
import { tokyoToday } from "@/lib/dates";

describe("tokyoToday", () => {
  it("is the Japanese calendar date, not the UTC one", () => {
    expect(tokyoToday(new Date("2026-11-23T14:59:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(tokyoToday(new Date("2026-11-23T15:00:00Z")).toISOString()).toBe("2026-11-24T00:00:00.000Z");
  });
});
