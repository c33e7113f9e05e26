// A department as an HR file names it: an external id, a unique name, or a path such as
// 本社/人事部 or 第一工場＞製造一課 (separators / ／ > ＞). Existing departments are matched by
// normalised name under their parent; the rest of the path becomes new departments, planned here
// and created by the import in the same transaction.
import { randomUUID } from "node:crypto";
import { searchKey } from "@/lib/search/normalize";
import type { DepartmentKind } from "@/lib/generated/prisma/enums";

export type ExistingDepartment = { id: string; name: string; parentId: string | null; externalId: string | null; kind: DepartmentKind };
export type NewDepartment = { id: string; name: string; parentId: string | null; kind: DepartmentKind; label: string; depth: number };
export type Resolution = { id: string } | { error: "ambiguousDepartment" | "tooLong" };
/** A department the file would create next to one that already exists under a similar name. */
export type NearMatch = { label: string; candidates: { id: string; label: string }[] };

const SEPARATORS = /\s*[/／>＞]\s*/;
const key = (name: string) => searchKey(name).toLowerCase();
/** The name without what is in brackets: 本社（東京・品川） → 本社. */
const core = (k: string) => k.replace(/[（(【［\[][^）)】］\]]*[）)】］\]]/g, "").trim();
/** 本社 and 本社（東京・品川）, 人事 and 人事部: one name is the other with something added. */
export function nearNames(a: string, b: string): boolean {
  const ka = key(a);
  const kb = key(b);
  if (ka === kb || core(ka) === core(kb)) return true;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  return short.length >= 2 && long.includes(short);
}

export class DepartmentResolver {
  private byExt = new Map<string, string>();
  private byName = new Map<string, string[]>();
  private children = new Map<string | null, Map<string, string[]>>();
  readonly root: ExistingDepartment | null;
  /** New departments, parents before children, keyed by their normalised full path. */
  readonly created = new Map<string, NewDepartment>();
  readonly existing: Map<string, ExistingDepartment>;

  /**
   * `matches` maps a department the file would create (by its label, "本社 / 人事部") to an existing
   * one the user chose instead, when the preview pointed out a look-alike.
   */
  constructor(
    existing: ExistingDepartment[],
    private matches: Record<string, string> = {},
  ) {
    this.existing = new Map(existing.map((d) => [d.id, d]));
    for (const d of existing) {
      if (d.externalId) this.byExt.set(d.externalId, d.id);
      this.byName.set(key(d.name), [...(this.byName.get(key(d.name)) ?? []), d.id]);
      const siblings = this.children.get(d.parentId) ?? new Map<string, string[]>();
      siblings.set(key(d.name), [...(siblings.get(key(d.name)) ?? []), d.id]);
      this.children.set(d.parentId, siblings);
    }
    // With one company at the top, paths are read below it (HR files rarely repeat the company).
    const roots = existing.filter((d) => d.parentId === null);
    this.root = roots.length === 1 && roots[0].kind === "COMPANY" ? roots[0] : null;
  }

  resolve(value: string): Resolution {
    const byExt = this.byExt.get(value);
    if (byExt) return { id: byExt };
    const segments = value
      .split(SEPARATORS)
      .map((s) => s.trim())
      .filter(Boolean);
    if (segments.some((s) => s.length > 100)) return { error: "tooLong" };
    if (segments.length === 1) {
      const named = this.byName.get(key(segments[0])) ?? [];
      if (named.length === 1) return { id: named[0] };
      if (named.length > 1) return { error: "ambiguousDepartment" };
    }
    if (this.root && key(segments[0]) === key(this.root.name)) segments.shift();
    let parent: string | null = this.root?.id ?? null;
    let pathKey = "";
    for (let i = 0; i < segments.length; i++) {
      const name = segments[i];
      pathKey += `/${key(name)}`;
      const planned = this.created.get(pathKey);
      if (planned) {
        parent = planned.id;
        continue;
      }
      const label = segments.slice(0, i + 1).join(" / ");
      const chosen = this.matches[label];
      if (chosen && this.existing.has(chosen)) {
        parent = chosen;
        continue;
      }
      const found: string[] =
        this.children.get(parent)?.get(key(name)) ?? (parent === this.root?.id ? (this.children.get(null)?.get(key(name)) ?? []) : []);
      if (found.length > 1) return { error: "ambiguousDepartment" };
      if (found.length === 1) {
        parent = found[0];
        continue;
      }
      const created: NewDepartment = {
        id: randomUUID(),
        name,
        parentId: parent,
        kind: parent === null || parent === this.root?.id ? "SITE" : "DEPARTMENT",
        label,
        depth: i,
      };
      this.created.set(pathKey, created);
      parent = created.id;
    }
    return parent ? { id: parent } : { error: "ambiguousDepartment" };
  }
}

/** The existing department's path as people read it ("本社（東京・品川） / 人事部"), below a single company. */
function pathLabel(resolver: DepartmentResolver, id: string, root: string | null): string {
  const names: string[] = [];
  for (let at = resolver.existing.get(id); at && at.id !== root; at = at.parentId ? resolver.existing.get(at.parentId) : undefined)
    names.unshift(at.name);
  return names.join(" / ");
}

/**
 * Look-alikes of the departments an import would create: an existing department with a near name
 * under the same parent (本社 beside 本社（東京・品川）), or with the same name under a parent that is
 * itself a look-alike (本社 / 人事部 beside 本社（東京・品川） / 人事部).
 */
export function nearMatches(resolver: DepartmentResolver): NearMatch[] {
  const r = resolver;
  const root = r.root?.id ?? null;
  const all = [...r.existing.values()];
  const candidatesOf = new Map<string, string[]>();
  const out: NearMatch[] = [];
  for (const d of r.created.values()) {
    const parents =
      d.parentId === null || d.parentId === root
        ? [root, null]
        : r.existing.has(d.parentId)
          ? [d.parentId]
          : (candidatesOf.get(d.parentId) ?? []);
    const found = all.filter((e) => e.id !== root && parents.includes(e.parentId) && nearNames(e.name, d.name));
    candidatesOf.set(
      d.id,
      found.map((e) => e.id),
    );
    if (found.length) out.push({ label: d.label, candidates: found.map((e) => ({ id: e.id, label: pathLabel(r, e.id, root) })) });
  }
  return out;
}
