import { describe, expect, it } from "vitest";
import { isoDate } from "@/lib/zod-helpers";

describe("isoDate", () => {
  it("accepts real calendar days only", () => {
    expect(isoDate.safeParse("2026-02-28").success).toBe(true);
    expect(isoDate.safeParse("2028-02-29").success).toBe(true);
    for (const bad of ["2026-02-31", "2026-13-45", "0000-01-01", "2026-00-10", "2027-02-29", "26-01-01", "2026-1-1"]) {
      expect(isoDate.safeParse(bad).error?.issues[0]?.message, bad).toBe("invalidDate");
    }
  });
});
