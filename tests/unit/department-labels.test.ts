import { describe, expect, it } from "vitest";
import { distinctLabels } from "@/lib/departments/labels";

describe("department labels", () => {
  it("adds the departments above a name only where another department shares it", () => {
    const labels = distinctLabels([
      { id: "co", name: "北辰精機", parentId: null },
      { id: "hq", name: "本社（東京・品川）", parentId: "co" },
      { id: "f1", name: "第一工場", parentId: "co" },
      { id: "hr1", name: "人事部", parentId: "hq" },
      { id: "hr2", name: "人事部", parentId: "f1" },
      { id: "sec", name: "労務課", parentId: "hr1" },
      { id: "a", name: "総務課", parentId: "hr1" },
      { id: "b", name: "総務課", parentId: "hr2" },
    ]);
    expect(labels.get("hq")).toBe("本社（東京・品川）");
    expect(labels.get("hr1")).toBe("本社（東京・品川） / 人事部");
    expect(labels.get("hr2")).toBe("第一工場 / 人事部");
    expect(labels.get("sec")).toBe("労務課");
    // Two levels up where one is not enough.
    expect(labels.get("a")).toBe("本社（東京・品川） / 人事部 / 総務課");
    expect(labels.get("b")).toBe("第一工場 / 人事部 / 総務課");
  });
});
