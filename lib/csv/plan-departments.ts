// Planning a departments file (external id, name, kind, parent external id, headcount): every row
// checked, parent cycles refused with line and column, nothing written.
import type { TeamCtx } from "@/lib/auth/context";
import { isUnsafeText } from "@/lib/zod-helpers";
import type { DepartmentRow } from "./apply";
import { DEPARTMENT_ALIASES, type Mapping } from "./columns";
import type { parseCsv } from "@/lib/export/csv";
import type { RowError } from "./plan";
import { departmentKindValues } from "./values";

function parseHeadcount(v: string): number | null | undefined {
  if (v === "") return null;
  const n = Number(v.replace(/[,，人]/g, ""));
  return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : undefined;
}

export type StoredDepartment = { id: string; name: string; externalId: string | null; path: string };

/** The team's departments, which the plan compares a file with. */
export function loadDepartmentSnapshot(ctx: TeamCtx): Promise<StoredDepartment[]> {
  return ctx.db.department.findMany({ where: { teamId: ctx.teamId }, select: { id: true, name: true, externalId: true, path: true } });
}

/** Plans a departments file against the stored ones. Pure: it runs in the planning worker. */
export function planDepartments(existing: StoredDepartment[], csv: ReturnType<typeof parseCsv>, mapping: Mapping) {
  const errors: RowError[] = [];
  const idx = (f: string) => mapping.indexOf(f as Mapping[number]);
  const col = (f: keyof typeof DEPARTMENT_ALIASES) => (idx(f) >= 0 ? csv.header[idx(f)] : DEPARTMENT_ALIASES[f][0]);
  if (idx("name") < 0) errors.push({ line: 1, column: DEPARTMENT_ALIASES.name[0], message: "missingColumn" });
  const byExt = new Map(existing.filter((d) => d.externalId).map((d) => [d.externalId!, d]));
  const byName = new Map<string, typeof existing>();
  for (const d of existing) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const fileExt = new Set<string>();
  const rows: (DepartmentRow & { line: number })[] = csv.rows.map(({ line, cells }) => {
    const get = (f: string) => (idx(f) >= 0 ? (cells[idx(f)] ?? "") : "");
    const externalId = get("externalId");
    const name = get("name");
    const kindRaw = get("kind");
    const parent = get("parent");
    const headcount = parseHeadcount(get("headcount"));
    if (!name) errors.push({ line, column: col("name"), message: "required" });
    if (name.length > 100) errors.push({ line, column: col("name"), message: "tooLong" });
    if (isUnsafeText(name) || isUnsafeText(externalId))
      errors.push({ line, column: col(isUnsafeText(name) ? "name" : "externalId"), message: "invalidCharacters" });
    if (externalId.length > 64) errors.push({ line, column: col("externalId"), message: "tooLong" });
    const kind = kindRaw ? departmentKindValues.of(kindRaw) : "DEPARTMENT";
    if (!kind) errors.push({ line, column: col("kind"), message: "invalidChoice", value: kindRaw, allowed: departmentKindValues.allowed });
    if (headcount === undefined) errors.push({ line, column: col("headcount"), message: "notAnInteger", value: get("headcount") });
    if (externalId) {
      if (fileExt.has(externalId)) errors.push({ line, column: col("externalId"), message: "duplicateInFile", value: externalId });
      fileExt.add(externalId);
    }
    const match = externalId ? byExt.get(externalId) : byName.get(name)?.length === 1 ? byName.get(name)![0] : undefined;
    return { line, externalId: externalId || null, name, kind: kind ?? "DEPARTMENT", parent, headcount: headcount ?? null, match };
  });
  for (const r of rows) {
    if (r.parent && !fileExt.has(r.parent) && !byExt.has(r.parent))
      errors.push({ line: r.line, column: col("parent"), message: "unknownParent", value: r.parent });
  }
  // The tree after the import: existing parents, overridden by the file. A row whose parent chain
  // comes back to itself (itself as parent included) would never be placed: refuse the file.
  const extOf = new Map(existing.filter((d) => d.externalId).map((d) => [d.id, d.externalId!]));
  const parentOf = new Map<string, string | null>();
  for (const d of existing) {
    if (!d.externalId) continue;
    const parentId = d.path.split("/").filter(Boolean).at(-1);
    parentOf.set(d.externalId, parentId ? (extOf.get(parentId) ?? null) : null);
  }
  for (const r of rows) if (r.externalId) parentOf.set(r.externalId, r.parent || null);
  for (const r of rows) {
    if (!r.externalId || !r.parent) continue;
    const seenOnWay = new Set<string>();
    for (let cur: string | null | undefined = r.parent; cur; cur = parentOf.get(cur)) {
      if (cur === r.externalId) {
        errors.push({ line: r.line, column: col("parent"), message: "parentCycle", value: r.parent });
        break;
      }
      if (seenOnWay.has(cur)) break;
      seenOnWay.add(cur);
    }
  }
  return {
    rows: rows.map((r) => ({ ...r, action: r.match ? ("update" as const) : ("create" as const) })),
    errors,
    newDepartments: [] as string[],
  };
}
