import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";

describe("callback after sign-in", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeCallbackPath("/key-persons?stance=CHAMPION")).toBe("/key-persons?stance=CHAMPION");
    expect(safeCallbackPath("/reports/abc#x")).toBe("/reports/abc#x");
  });

  it.each([
    "/\\evil.example/x",
    "//evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\t/evil.example",
    "",
    undefined,
    ["/a"],
    "/%5Cevil.example",
  ])("sends %j home", (v) => {
    const out = safeCallbackPath(v);
    expect(new URL(out, "https://app.example").origin).toBe("https://app.example");
    expect(out.startsWith("/")).toBe(true);
    expect(out.startsWith("//")).toBe(false);
    expect(out).not.toContain("\\");
  });
});
