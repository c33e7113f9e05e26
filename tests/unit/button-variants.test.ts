// One set of button classes: a page's own classes add to them and win where they conflict.
import { describe, expect, it } from "vitest";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";

describe("buttonVariants and cn", () => {
  it("gives the primary button by default, and a page's margin or display wins over the base", () => {
    const primary = buttonVariants().split(" ");
    expect(primary).toEqual(expect.arrayContaining(["inline-flex", "min-h-10", "px-4", "bg-brand-600", "text-white"]));
    const sideNav = buttonVariants({ className: "mt-4 hidden w-full lg:flex" }).split(" ");
    expect(sideNav).toContain("hidden");
    expect(sideNav).not.toContain("inline-flex");
    expect(sideNav).toEqual(expect.arrayContaining(["lg:flex", "mt-4", "w-full"]));
  });

  it("has a compact size and the other variants", () => {
    const small = buttonVariants({ size: "sm" }).split(" ");
    expect(small).toEqual(expect.arrayContaining(["px-3", "py-1.5", "min-h-8"]));
    expect(small).not.toContain("px-4");
    expect(buttonVariants({ variant: "secondary" })).toContain("border-stone-300");
    expect(buttonVariants({ variant: "danger" })).toContain("text-red-700");
  });

  it("cn joins conditions and keeps the later of two conflicting utilities", () => {
    expect(cn("px-4 py-2", false && "hidden", "px-2")).toBe("py-2 px-2");
    expect(cn("text-sm", { "font-bold": true, italic: false })).toBe("text-sm font-bold");
  });
});
