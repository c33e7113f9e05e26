import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import compile from "icu-minify/compile";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { GLOBAL_ERROR_TEXT } from "@/app/global-error-text";
import { NOTIFICATION_KINDS, notificationMessageKey } from "@/lib/reviews/notifications";

type Tree = { [key: string]: string | Tree };
const keys = (o: Tree, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe("message catalogs", () => {
  it("have the same keys in Japanese and English", () => {
    expect(keys(en as Tree).sort()).toEqual(keys(ja as Tree).sort());
  });
  it("are valid ICU messages in both languages (the build compiles them, and a broken one stops it)", () => {
    const invalid: string[] = [];
    for (const [locale, catalog] of [
      ["ja", ja],
      ["en", en],
    ] as const) {
      for (const key of keys(catalog as Tree)) {
        const text = key.split(".").reduce<Tree | string>((o, p) => (o as Tree)[p], catalog as Tree) as string;
        try {
          compile(text);
        } catch (e) {
          invalid.push(`${locale} ${key}: ${(e as Error).message}`);
        }
      }
    }
    expect(invalid).toEqual([]);
  });
  it("are read as text outside next-intl only where every message is plain text (the build compiles the rest)", () => {
    // The modules that import a catalog themselves, and the namespaces they read as strings.
    const DIRECT: Record<string, string[]> = {
      "app/unavailable/route.ts": ["errors"],
      "lib/cases/cases.ts": ["caseKinds", "caseStatuses"],
      "lib/csv/export.ts": ["keyPersonKinds", "stances"],
      "lib/csv/values.ts": ["keyPersonKinds", "stances", "departmentKinds"],
      // Through createTranslator, which formats compiled and uncompiled messages alike.
      "lib/i18n/translator.ts": [],
      // Types only.
      "lib/i18n/client-namespaces.ts": [],
    };
    const root = resolve(__dirname, "../..");
    const sources = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    const importers = ["app", "lib", "components"]
      .flatMap(sources)
      .filter((f) => /from "@\/messages\//.test(readFileSync(join(root, f), "utf8")))
      .map((f) => relative(root, join(root, f)));
    expect(importers.sort()).toEqual(Object.keys(DIRECT).sort());
    for (const [locale, catalog] of [
      ["ja", ja],
      ["en", en],
    ] as const) {
      for (const ns of new Set(Object.values(DIRECT).flat())) {
        for (const key of keys((catalog as Tree)[ns] as Tree)) {
          const text = key.split(".").reduce<Tree | string>((o, p) => (o as Tree)[p], (catalog as Tree)[ns] as Tree);
          expect(compile(text as string), `${locale} ${ns}.${key}`).toBe(text);
        }
      }
    }
  });
  it("have no empty texts except where intended", () => {
    const empty = keys(ja as Tree).filter((k) => k.split(".").reduce<Tree | string>((o, p) => (o as Tree)[p], ja as Tree) === "");
    expect(empty).toEqual(["invite.states.valid"]);
  });
  it("have no dots inside a key (next-intl reads them as nesting) and name every notification kind", () => {
    const tree = (o: Tree): string[] => Object.entries(o).flatMap(([k, v]) => [k, ...(typeof v === "string" ? [] : tree(v))]);
    expect(tree(ja as Tree).filter((k) => k.includes("."))).toEqual([]);
    for (const kind of NOTIFICATION_KINDS) expect(typeof (ja.notifications as Tree)[notificationMessageKey(kind)]).toBe("string");
  });
  it("are what the last-resort error page shows", () => {
    for (const [locale, catalog] of [
      ["ja", ja],
      ["en", en],
    ] as const) {
      expect(GLOBAL_ERROR_TEXT[locale]).toEqual({ title: catalog.errors.title, retry: catalog.common.retry });
    }
  });
});
