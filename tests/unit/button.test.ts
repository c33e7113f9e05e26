// Buttons have one look, written once in components/ui/button.tsx: a page asks for a variant and a
// size instead of copying the classes (a copy drifts: a missing hover, a different height).
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { buttonVariants } from "@/components/ui/button";
import { Input, Select, Textarea, type ControlSize } from "@/components/ui/control";
import { cn } from "@/lib/cn";
import { ROOT, sourceFilesUnder } from "../support/source-files";

describe("buttonVariants", () => {
  it("is a primary button of the main size by default, and each size sets its own padding once", () => {
    const classes = buttonVariants().split(" ");
    expect(classes).toEqual(expect.arrayContaining(["bg-brand-600", "hover:bg-brand-700", "min-h-10", "px-4", "py-2", "text-sm"]));
    for (const size of ["md", "sm", "compact", "xs"] as const) {
      const own = buttonVariants({ variant: "secondary", size }).split(" ");
      expect(own.filter((c) => /^px-/.test(c))).toHaveLength(1);
      expect(own.filter((c) => /^py-/.test(c))).toHaveLength(1);
      expect(own.filter((c) => /^text-(xs|sm|base)$/.test(c))).toHaveLength(1);
      expect(own).toContain("hover:bg-stone-100");
    }
  });
  it("adds a caller's layout classes after its own", () => {
    expect(buttonVariants({ variant: "danger", size: "sm", className: "ml-auto" }).endsWith(" ml-auto")).toBe(true);
    expect(cn("a", false, null, undefined, "b", { c: true, d: false })).toBe("a b c");
  });
});

describe("control looks", () => {
  it("are classes the stylesheet defines: every size of every control names rules in app/globals.css", () => {
    const css = readFileSync(join(ROOT, "app", "globals.css"), "utf8");
    const sizes: ControlSize[] = ["md", "sm", "xs"];
    const controls = [Input, Select, Textarea] as ComponentType<{ size: ControlSize; className: string }>[];
    for (const control of controls) {
      for (const size of sizes) {
        const html = renderToStaticMarkup(createElement(control, { size, className: "mt-1" }));
        const names = /class="([^"]*)"/.exec(html)?.[1].split(/\s+/).filter(Boolean) ?? [];
        expect(names).toEqual(["control", `control-${size}`, "mt-1"]);
        for (const name of names.slice(0, 2)) expect(css).toMatch(new RegExp(`\\.${name}\\s*\\{`));
      }
    }
  });
});

describe("button looks", () => {
  it("are not copied: no page or component writes the primary or danger button's hover by hand", () => {
    const copies = ["app", "components"]
      .flatMap(sourceFilesUnder)
      .filter((file) => file !== join(ROOT, "components", "ui", "button.tsx"))
      .filter((file) => /hover:bg-brand-700|hover:bg-red-50/.test(readFileSync(file, "utf8")))
      .map((file) => relative(ROOT, file));
    expect(copies).toEqual([]);
  });
  it("nor a form control's: inputs, selects and textareas take their border and padding from components/ui/control.tsx", () => {
    const kit = ["control.tsx", "button.tsx"].map((f) => join(ROOT, "components", "ui", f));
    // A native control whose own className draws a border, or a class string that copies the
    // control's or the secondary button's look (border, white, padding) to put on one.
    const handMade = /<(input|select|textarea)\b[^>]*?className=(?:"[^"]*|\{[^}]*?)\bborder\b/s;
    const copiedLook = /["'`][^"'`]*rounded-md border border-stone-300 bg-white px-[23] py-[12]/;
    const copies = ["app", "components"]
      .flatMap(sourceFilesUnder)
      .filter((file) => !kit.includes(file))
      .filter((file) => {
        const src = readFileSync(file, "utf8");
        return handMade.test(src) || copiedLook.test(src);
      })
      .map((file) => relative(ROOT, file));
    expect(copies).toEqual([]);
  });
});
