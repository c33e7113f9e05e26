import { readFileSync } from "node:fs";
import { relative } from "node:path";
import compile from "icu-minify/compile";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { GLOBAL_ERROR_TEXT } from "@/app/global-error-text";
import { NOTIFICATION_KINDS, notificationMessageKey } from "@/lib/reviews/notifications";
import { LEFT_OUT } from "@/lib/team-export/catalog";
import { ROOT, sourceFilesUnder } from "../support/source-files";

type Tree = { [key: string]: string | Tree };
/** Every message of a tree as [dotted key, text]. */
const texts = (o: Tree, prefix = ""): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : texts(v, `${prefix}${k}.`)));
const keys = (o: Tree) => texts(o).map(([key]) => key);
const CATALOGS = [
  ["ja", ja as Tree],
  ["en", en as Tree],
] as const;

describe("message catalogs", () => {
  it("have the same keys in Japanese and English", () => {
    expect(keys(en as Tree).sort()).toEqual(keys(ja as Tree).sort());
  });
  it("are valid ICU messages in both languages (the build compiles them, and a broken one stops it)", () => {
    const invalid: string[] = [];
    for (const [locale, catalog] of CATALOGS) {
      for (const [key, text] of texts(catalog)) {
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
    const importers = ["app", "lib", "components"]
      .flatMap(sourceFilesUnder)
      .filter((f) => /from "@\/messages\//.test(readFileSync(f, "utf8")))
      .map((f) => relative(ROOT, f));
    expect(importers.sort()).toEqual(Object.keys(DIRECT).sort());
    for (const [locale, catalog] of CATALOGS) {
      for (const ns of new Set(Object.values(DIRECT).flat())) {
        for (const [key, text] of texts(catalog[ns] as Tree)) expect(compile(text), `${locale} ${ns}.${key}`).toBe(text);
      }
    }
  });
  it("have no empty texts except where intended", () => {
    const empty = texts(ja as Tree)
      .filter(([, text]) => text === "")
      .map(([key]) => key);
    expect(empty).toEqual(["invite.states.valid"]);
  });
  it("have no dots inside a key (next-intl reads them as nesting) and name every notification kind", () => {
    const tree = (o: Tree): string[] => Object.entries(o).flatMap(([k, v]) => [k, ...(typeof v === "string" ? [] : tree(v))]);
    expect(tree(ja as Tree).filter((k) => k.includes("."))).toEqual([]);
    for (const kind of NOTIFICATION_KINDS) expect(typeof (ja.notifications as Tree)[notificationMessageKey(kind)]).toBe("string");
  });
  it("say why each table the team export leaves out is left out", () => {
    for (const [locale, catalog] of CATALOGS) {
      const said = (catalog.teamExport as Tree).excluded as Tree;
      expect(
        LEFT_OUT.filter((table) => typeof said[table] !== "string"),
        locale,
      ).toEqual([]);
    }
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
