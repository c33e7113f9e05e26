import { describe, expect, it } from "vitest";
import { breakSegments } from "@/lib/export/line-break";

describe("Japanese line breaking (kinsoku)", () => {
  it("breaks between characters, but never before closing punctuation or after an opening bracket", () => {
    const segs = breakSegments("改善率は「55.6%」でした。");
    expect(segs.join("")).toBe("改善率は「55.6%」でした。");
    for (const s of segs.slice(1)) expect("、。」）ー%").not.toContain(s[0]);
    for (const s of segs) expect(s.endsWith("「")).toBe(false);
    expect(segs).toContain("「55.6%」");
    expect(segs.at(-1)).toBe("た。");
  });

  it("keeps Latin words and numbers whole, and small kana with what comes before", () => {
    expect(breakSegments("Excel出力")).toEqual(["Excel", "出", "力"]);
    expect(breakSegments("ちょっと")).toEqual(["ちょっ", "と"]);
    expect(breakSegments("（5/9）")).toEqual(["（5/9）"]);
  });
});
