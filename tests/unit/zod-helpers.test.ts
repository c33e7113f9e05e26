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

describe("text from a textarea", () => {
  it("keeps one line break per line: a form posts CRLF, which the PDF drew as two breaks (double spacing)", async () => {
    const { reportSchema } = await import("@/lib/reports/schemas");
    const r = reportSchema.parse({
      title: "t",
      message: "いつもありがとうございます。\r\n今期の報告です。\r\r\nよろしく",
      periodFrom: "2026-04-01",
      periodTo: "2026-06-30",
      sections: ["summary"],
    });
    expect(r.message).toBe("いつもありがとうございます。\n今期の報告です。\n\nよろしく");
  });
});

describe("initiative indicator direction", () => {
  it("is a required choice when an indicator is named (it was a checkbox ticked by default, so a rising 提出率 read as worse)", async () => {
    const { createInitiativeSchema, updateInitiativeSchema } = await import("@/lib/initiatives/schemas");
    const base = { title: "台帳の導入", kind: "LEDGER_TOOL", ownerIds: ["u1"], indicatorName: "台帳提出率", indicatorUnit: "%" };
    expect(createInitiativeSchema.safeParse(base).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["indicatorLowerIsBetter", "chooseDirection"],
    ]);
    expect(updateInitiativeSchema.safeParse({ ...base, id: "i1", version: 1 }).error?.issues.map((i) => i.message)).toEqual([
      "chooseDirection",
    ]);
    expect(createInitiativeSchema.parse({ ...base, indicatorLowerIsBetter: false }).indicatorLowerIsBetter).toBe(false);
    expect(createInitiativeSchema.parse({ ...base, indicatorLowerIsBetter: true }).indicatorLowerIsBetter).toBe(true);
    // No indicator, no direction to choose.
    expect(createInitiativeSchema.parse({ ...base, indicatorName: "" }).indicatorLowerIsBetter).toBe(true);
    // A string "false" is not true (z.coerce.boolean made it so).
    expect(createInitiativeSchema.parse({ ...base, indicatorLowerIsBetter: "false" }).indicatorLowerIsBetter).toBe(false);
  });
});
