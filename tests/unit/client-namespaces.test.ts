// Every client subtree is given exactly the message namespaces its client components use: the test
// walks the import graph from the subtree's files (server and client), marks every module a
// "use client" file reaches as client code, and reads the namespaces those modules translate with.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import ja from "@/messages/ja.json";
import { CLIENT_NAMESPACES, pickMessages, type ClientSubtree } from "@/lib/i18n/client-namespaces";
import { ROOT, sourceFilesUnder } from "../support/source-files";

const CATALOG = new Set(Object.keys(ja));

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(ROOT, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
const source = (file: string) => sources.get(file) ?? (sources.set(file, readFileSync(file, "utf8")), sources.get(file)!);

function importsOf(file: string): string[] {
  const text = source(file);
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]);
  return specs.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null && /\.tsx?$/.test(f));
}

/**
 * What a client module translates with: whole namespaces (a namespaced translator, or a key built at
 * run time) and single keys (a root translator's "namespace.key" literals).
 */
function namespacesOf(file: string): { used: Set<string>; keys: Set<string>; dynamic: string[] } {
  const text = source(file);
  const used = new Set<string>();
  const keys = new Set<string>();
  const dynamic: string[] = [];
  for (const m of text.matchAll(/useTranslations\(\s*([^)]*)\)/g)) {
    const arg = m[1].trim();
    if (!arg) {
      // A root translator: "namespace.key" literals name their key; `namespace.${…}` the namespace.
      for (const lit of text.matchAll(/["'`]([A-Za-z]+)\.(\w*)(\$\{)?/g)) {
        if (!CATALOG.has(lit[1])) continue;
        if (lit[2] && !lit[3]) keys.add(`${lit[1]}.${lit[2]}`);
        else used.add(lit[1]);
      }
    } else if (/^["'][\w.]+["']$/.test(arg)) used.add(arg.slice(1, -1).split(".")[0]);
    else dynamic.push(`${relative(ROOT, file)}: useTranslations(${arg})`);
  }
  return { used, keys, dynamic };
}

/** The modules reached as client code from these files. */
function clientModules(roots: string[]): string[] {
  const seen = new Map<string, boolean>(); // file → reached as client code
  const stack: [string, boolean][] = roots.map((f) => [f, false]);
  while (stack.length) {
    const [file, fromClient] = stack.pop()!;
    const client = fromClient || /^\s*["']use client["']/m.test(source(file));
    if (seen.has(file) && (seen.get(file) || !client)) continue;
    seen.set(file, client);
    for (const dep of importsOf(file)) stack.push([dep, client]);
  }
  return [...seen].filter(([, client]) => client).map(([file]) => file);
}

function clientNamespaces(roots: string[]) {
  const used = new Set<string>();
  const keys = new Set<string>();
  const dynamic: string[] = [];
  for (const file of clientModules(roots)) {
    const found = namespacesOf(file);
    found.used.forEach((ns) => used.add(ns));
    found.keys.forEach((key) => keys.add(key));
    dynamic.push(...found.dynamic);
  }
  return { used: new Set([...used, ...[...keys].map((k) => k.split(".")[0])]), whole: used, keys, dynamic };
}

/**
 * What a subtree must be given, where the subtree chose how: a namespace used whole is given whole; a
 * namespace used only by single keys is given whole or as exactly those keys ("errors.title").
 */
function expectedEntries(given: readonly string[], whole: Set<string>, keys: Set<string>): string[] {
  const byKey = new Map<string, string[]>();
  for (const key of keys) {
    const ns = key.split(".")[0];
    if (!whole.has(ns)) byKey.set(ns, [...(byKey.get(ns) ?? []), key]);
  }
  return [...whole, ...[...byKey].flatMap(([ns, nsKeys]) => (given.includes(ns) ? [ns] : nsKeys))].sort();
}

const APP_AREAS = readdirSync(join(ROOT, "app/(app)"), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== "_components");
const GUEST_AREAS = readdirSync(join(ROOT, "app/(auth)"), { withFileTypes: true }).filter(
  (e) => e.isDirectory() && e.name !== "_components",
);

/** The subtrees outside the signed-in areas, and where their client components live. */
const OUTSIDE: Record<string, string[]> = {
  // The root layout gives no messages: the pages only it covers (not found, forbidden, the error
  // page) have no client component that translates.
  root: ["app/layout.tsx", "app/not-found.tsx", "app/forbidden.tsx", "app/global-error.tsx", "app/unavailable"],
  guest: ["app/(auth)/layout.tsx", "app/(auth)/_components"],
  share: ["app/share"],
  shell: ["app/(app)/layout.tsx", "app/(app)/error.tsx", "app/(app)/_components"],
};

function rootsOf(subtree: string): string[] {
  if (OUTSIDE[subtree]) return OUTSIDE[subtree].flatMap(sourceFilesUnder);
  if (GUEST_AREAS.some((e) => e.name === subtree)) return sourceFilesUnder(`app/(auth)/${subtree}`);
  return sourceFilesUnder(`app/(app)/${subtree === "home" ? "(home)" : subtree}`);
}

describe("client message namespaces", () => {
  it("names every signed-in area, and every page outside that translates on the client", () => {
    const areas = APP_AREAS.map((e) => (e.name === "(home)" ? "home" : e.name));
    const guests = GUEST_AREAS.map((e) => e.name).filter((name) => clientNamespaces(rootsOf(name)).used.size > 0);
    expect(Object.keys(CLIENT_NAMESPACES).sort()).toEqual([...Object.keys(OUTSIDE), ...areas, ...guests].sort());
  });

  it.each(Object.keys(CLIENT_NAMESPACES) as ClientSubtree[])("gives %s exactly what its client components use", (subtree) => {
    const { whole, keys, dynamic } = clientNamespaces(rootsOf(subtree));
    expect(dynamic, "namespaces must be literals so they can be checked").toEqual([]);
    const given: readonly string[] = CLIENT_NAMESPACES[subtree];
    expect([...given].sort()).toEqual(expectedEntries(given, whole, keys));
  });

  it("picks whole namespaces and single keys", () => {
    const picked = pickMessages(ja, ["nav", "errors.title", "errors.description", "errors.noSuchKey", "noSuchNamespace"]);
    expect(picked).toEqual({ nav: ja.nav, errors: { title: ja.errors.title, description: ja.errors.description } });
  });

  it("gives the root no messages: every page outside the root's own has a provider of its own", () => {
    expect(CLIENT_NAMESPACES.root).toEqual([]);
    // Not even a locale or a formatter: there is no provider to ask.
    const intl = clientModules(rootsOf("root")).filter((f) => source(f).includes('from "next-intl"'));
    expect(intl.map((f) => relative(ROOT, f))).toEqual([]);
    expect(source(join(ROOT, "app/layout.tsx"))).not.toContain("<ClientMessages");
    for (const area of GUEST_AREAS) {
      if (!(area.name in CLIENT_NAMESPACES)) continue;
      const layout = join(ROOT, "app/(auth)", area.name, "layout.tsx");
      expect(existsSync(layout) && source(layout).includes(`<ClientMessages subtree="${area.name}">`), `${relative(ROOT, layout)}`).toBe(
        true,
      );
    }
    expect(source(join(ROOT, "app/(auth)/layout.tsx"))).toContain('<ClientMessages subtree="guest">');
    expect(source(join(ROOT, "app/share/[token]/page.tsx"))).toContain('<ClientMessages subtree="share">');
  });

  it("gives every signed-in area its own provider", () => {
    for (const area of APP_AREAS) {
      const layout = join(ROOT, "app/(app)", area.name, "layout.tsx");
      const subtree = area.name === "(home)" ? "home" : area.name;
      expect(
        existsSync(layout) && source(layout).includes(`<ClientMessages subtree="${subtree}">`),
        `${relative(ROOT, layout)} provides ${subtree}'s messages`,
      ).toBe(true);
    }
  });
});
