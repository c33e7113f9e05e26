// One set of button classes: a page adds margins or width; the button keeps its display and padding.
import { describe, expect, it } from "vitest";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";

const classes = (s: string) => s.split(" ");

describe("buttonVariants and cn", () => {
  it("gives the primary button by default, with a page's own classes added", () => {
    expect(classes(buttonVariants())).toEqual(
      expect.arrayContaining(["inline-flex", "min-h-10", "px-4", "py-2", "bg-brand-600", "text-white"]),
    );
    expect(classes(buttonVariants({ className: "mt-3 w-full" }))).toEqual(expect.arrayContaining(["inline-flex", "mt-3", "w-full"]));
  });

  it("has a compact size and the other variants, one padding and one background each", () => {
    const small = classes(buttonVariants({ size: "sm" }));
    expect(small).toEqual(expect.arrayContaining(["px-3", "py-1.5", "min-h-8"]));
    expect(small).not.toContain("px-4");
    const secondary = classes(buttonVariants({ variant: "secondary" }));
    expect(secondary).toContain("border-stone-300");
    expect(secondary).not.toContain("bg-brand-600");
    expect(buttonVariants({ variant: "danger" })).toContain("text-red-700");
  });

  it("cn joins conditions and drops what is off", () => {
    expect(cn("px-4 py-2", false && "hidden", undefined, "font-bold")).toBe("px-4 py-2 font-bold");
    expect(cn("text-sm", { "font-bold": true, italic: false })).toBe("text-sm font-bold");
  });
});
