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

const SEPARATORS = /\s*[/／>＞]\s*/;
const key = (name: string) => searchKey(name).toLowerCase();

export class DepartmentResolver {
  private byExt = new Map<string, string>();
  private byName = new Map<string, string[]>();
  private children = new Map<string | null, Map<string, string[]>>();
  private root: ExistingDepartment | null;
  /** New departments, parents before children, keyed by their normalised full path. */
  readonly created = new Map<string, NewDepartment>();

  constructor(existing: ExistingDepartment[]) {
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
    const segments = value.split(SEPARATORS).map((s) => s.trim()).filter(Boolean);
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
      const found: string[] = this.children.get(parent)?.get(key(name)) ?? (parent === this.root?.id ? (this.children.get(null)?.get(key(name)) ?? []) : []);
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
        label: segments.slice(0, i + 1).join(" / "),
        depth: i,
      };
      this.created.set(pathKey, created);
      parent = created.id;
    }
    return parent ? { id: parent } : { error: "ambiguousDepartment" };
  }
}
