// Import of the org chart HR hands over: departments, then key persons. All or nothing: every row
// is checked first, and one bad row rejects the file with its line and column named.
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEPARTMENT_KINDS } from "@/lib/departments/schemas";
import { keyPersonFields, KINDS, parseTags, STANCES } from "@/lib/key-persons/schemas";
import { isUnsafeText } from "@/lib/zod-helpers";
import { writeDepartments, writeKeyPersons } from "./apply";
import { parseCsv } from "./codec";
import { catalogs, enumLookup } from "./labels";

export type ImportKind = "departments" | "keyPersons";
export type RowError = { line: number; column: string; message: string; value?: string };
export type RowPlan = { line: number; action: "create" | "update"; name: string; detail: string };
export type ImportPreview = { ok: boolean; rows: RowPlan[]; errors: RowError[]; creates: number; updates: number };

// Columns: Japanese header first, then accepted aliases.
export const DEPARTMENT_COLUMNS = {
  externalId: ["外部ID", "external_id"],
  name: ["名称", "name"],
  kind: ["種別", "kind"],
  parent: ["親外部ID", "parent_external_id", "親"],
  headcount: ["人数", "headcount"],
} as const;

export const KEY_PERSON_COLUMNS = {
  externalId: ["外部ID", "external_id"],
  name: ["氏名", "name"],
  nameKana: ["ふりがな", "name_kana", "フリガナ"],
  title: ["役職", "title"],
  department: ["部署", "department"],
  kind: ["種別", "kind"],
  stance: ["協力度", "stance"],
  influence: ["影響力", "influence"],
  interest: ["関心度", "interest"],
  reportsTo: ["上司", "reports_to"],
  tags: ["タグ", "tags"],
  notes: ["メモ", "notes"],
} as const;

type Columns = Record<string, readonly string[]>;

function columnIndex<C extends Columns>(header: string[], columns: C, required: (keyof C)[]) {
  const idx = {} as Record<keyof C, number>;
  const errors: RowError[] = [];
  for (const key of Object.keys(columns) as (keyof C)[]) {
    idx[key] = header.findIndex((h) => columns[key].some((alias) => alias.toLowerCase() === h.toLowerCase()));
    if (idx[key] < 0 && required.includes(key)) errors.push({ line: 1, column: columns[key][0], message: "missingColumn" });
  }
  return { idx, errors };
}

const cell = (cells: string[], i: number) => (i >= 0 ? cells[i] ?? "" : "");

function parseHeadcount(v: string): number | null | undefined {
  if (v === "") return null;
  const n = Number(v.replace(/[,，人]/g, ""));
  return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : undefined;
}

async function planDepartments(ctx: TeamCtx, text: string) {
  const csv = parseCsv(text);
  const { idx, errors } = columnIndex(csv.header, DEPARTMENT_COLUMNS, ["name"]);
  errors.push(...csv.errors.map((e) => ({ line: e.line, column: "", message: "csvSyntax", value: e.message })));
  const kindOf = enumLookup(DEPARTMENT_KINDS, ...catalogs.departmentKind);
  const existing = await ctx.db.department.findMany({ where: { teamId: ctx.teamId }, select: { id: true, name: true, externalId: true, path: true } });
  const byExt = new Map(existing.filter((d) => d.externalId).map((d) => [d.externalId!, d]));
  const byName = new Map<string, typeof existing>();
  for (const d of existing) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const fileExt = new Set<string>();
  const rows = csv.rows.map(({ line, cells }) => {
    const externalId = cell(cells, idx.externalId);
    const name = cell(cells, idx.name);
    const kindRaw = cell(cells, idx.kind);
    const parent = cell(cells, idx.parent);
    const headcount = parseHeadcount(cell(cells, idx.headcount));
    if (!name) errors.push({ line, column: DEPARTMENT_COLUMNS.name[0], message: "required" });
    if (name.length > 100) errors.push({ line, column: DEPARTMENT_COLUMNS.name[0], message: "tooLong" });
    if (isUnsafeText(name) || isUnsafeText(externalId)) errors.push({ line, column: DEPARTMENT_COLUMNS[isUnsafeText(name) ? "name" : "externalId"][0], message: "invalidCharacters" });
    if (externalId.length > 64) errors.push({ line, column: DEPARTMENT_COLUMNS.externalId[0], message: "tooLong" });
    const kind = kindRaw ? kindOf(kindRaw) : "DEPARTMENT";
    if (!kind) errors.push({ line, column: DEPARTMENT_COLUMNS.kind[0], message: "invalidChoice", value: kindRaw });
    if (headcount === undefined) errors.push({ line, column: DEPARTMENT_COLUMNS.headcount[0], message: "notAnInteger", value: cell(cells, idx.headcount) });
    if (externalId) {
      if (fileExt.has(externalId)) errors.push({ line, column: DEPARTMENT_COLUMNS.externalId[0], message: "duplicateInFile", value: externalId });
      fileExt.add(externalId);
    }
    const match = externalId ? byExt.get(externalId) : (byName.get(name)?.length === 1 ? byName.get(name)![0] : undefined);
    return { line, externalId: externalId || null, name, kind: kind ?? "DEPARTMENT", parent, headcount: headcount ?? null, match };
  });
  for (const r of rows) {
    if (r.parent && !fileExt.has(r.parent) && !byExt.has(r.parent)) {
      errors.push({ line: r.line, column: DEPARTMENT_COLUMNS.parent[0], message: "unknownParent", value: r.parent });
    }
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
        errors.push({ line: r.line, column: DEPARTMENT_COLUMNS.parent[0], message: "parentCycle", value: r.parent });
        break;
      }
      if (seenOnWay.has(cur)) break;
      seenOnWay.add(cur);
    }
  }
  return { rows, errors };
}

async function planKeyPersons(ctx: TeamCtx, text: string) {
  const csv = parseCsv(text);
  const { idx, errors } = columnIndex(csv.header, KEY_PERSON_COLUMNS, ["name"]);
  errors.push(...csv.errors.map((e) => ({ line: e.line, column: "", message: "csvSyntax", value: e.message })));
  const kindOf = enumLookup(KINDS, ...catalogs.kind);
  const stanceOf = enumLookup(STANCES, ...catalogs.stance);
  const departments = await ctx.db.department.findMany({ where: { teamId: ctx.teamId }, select: { id: true, name: true, externalId: true } });
  const deptByExt = new Map(departments.filter((d) => d.externalId).map((d) => [d.externalId!, d.id]));
  const deptByName = new Map<string, string[]>();
  for (const d of departments) deptByName.set(d.name, [...(deptByName.get(d.name) ?? []), d.id]);
  const people = await ctx.db.keyPerson.findMany({ where: { teamId: ctx.teamId }, select: { id: true, name: true, externalId: true, departmentId: true } });
  const personByExt = new Map(people.filter((p) => p.externalId).map((p) => [p.externalId!, p]));
  const personByNameDept = new Map(people.map((p) => [`${p.name}\u0000${p.departmentId ?? ""}`, p]));
  const seen = new Set<string>();
  const rows = csv.rows.map(({ line, cells }) => {
    const get = (k: keyof typeof KEY_PERSON_COLUMNS) => cell(cells, idx[k]);
    const col = (k: keyof typeof KEY_PERSON_COLUMNS) => KEY_PERSON_COLUMNS[k][0];
    const name = get("name");
    if (!name) errors.push({ line, column: col("name"), message: "required" });
    if (name.length > 100) errors.push({ line, column: col("name"), message: "tooLong" });
    let departmentId: string | null = null;
    const dept = get("department");
    if (dept) {
      const byName = deptByName.get(dept) ?? [];
      departmentId = deptByExt.get(dept) ?? (byName.length === 1 ? byName[0] : null);
      if (!departmentId) errors.push({ line, column: col("department"), message: byName.length > 1 ? "ambiguousDepartment" : "unknownDepartment", value: dept });
    }
    const kind = get("kind") ? kindOf(get("kind")) : "OTHER";
    if (!kind) errors.push({ line, column: col("kind"), message: "invalidChoice", value: get("kind") });
    const stance = get("stance") ? stanceOf(get("stance")) : "NEUTRAL";
    if (!stance) errors.push({ line, column: col("stance"), message: "invalidChoice", value: get("stance") });
    const scale = (k: "influence" | "interest") => {
      const v = get(k);
      if (!v) return 3;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 5) {
        errors.push({ line, column: col(k), message: "oneToFive", value: v });
        return 3;
      }
      return n;
    };
    // The same limits as the form: every text column goes through the form's own schema fields
    // (the name's length is checked above).
    for (const k of ["name", "nameKana", "title", "notes", "externalId"] as const) {
      const v = get(k);
      if (!v) continue;
      if (isUnsafeText(v)) errors.push({ line, column: col(k), message: "invalidCharacters" });
      else if (k !== "name") {
        const issue = keyPersonFields.shape[k].safeParse(v).error?.issues[0];
        if (issue) errors.push({ line, column: col(k), message: issue.message });
      }
    }
    for (const tag of parseTags(get("tags").replace(/;/g, ","))) {
      if (isUnsafeText(tag) || tag.length > 30) errors.push({ line, column: col("tags"), message: isUnsafeText(tag) ? "invalidCharacters" : "tooLong", value: tag.slice(0, 30) });
    }
    const externalId = get("externalId") || null;
    const key = externalId ?? `${name}\u0000${departmentId ?? ""}`;
    if (seen.has(key)) errors.push({ line, column: externalId ? col("externalId") : col("name"), message: "duplicateInFile", value: externalId ?? name });
    seen.add(key);
    const match = externalId ? personByExt.get(externalId) : personByNameDept.get(`${name}\u0000${departmentId ?? ""}`);
    return {
      line,
      externalId,
      name,
      nameKana: get("nameKana"),
      title: get("title"),
      departmentId,
      kind: kind ?? "OTHER",
      stance: stance ?? "NEUTRAL",
      influence: scale("influence"),
      interest: scale("interest"),
      reportsTo: get("reportsTo"),
      tags: parseTags(get("tags").replace(/;/g, ",")),
      notes: get("notes"),
      match,
    };
  });
  const fileIds = new Set(rows.map((r) => r.externalId).filter(Boolean));
  for (const r of rows) {
    if (r.reportsTo && !fileIds.has(r.reportsTo) && !personByExt.has(r.reportsTo)) {
      errors.push({ line: r.line, column: KEY_PERSON_COLUMNS.reportsTo[0], message: "unknownBoss", value: r.reportsTo });
    }
  }
  return { rows, errors, personByExt };
}

function summarize(plan: { rows: { line: number; name: string; externalId: string | null; match?: unknown }[]; errors: RowError[] }): ImportPreview {
  const rows: RowPlan[] = plan.rows.map((r) => ({
    line: r.line,
    action: r.match ? "update" : "create",
    name: r.name,
    detail: r.externalId ?? "",
  }));
  const errors = plan.errors.sort((a, b) => a.line - b.line);
  if (plan.rows.length === 0 && errors.length === 0) errors.push({ line: 1, column: "", message: "emptyFile" });
  return {
    ok: errors.length === 0,
    rows,
    errors,
    creates: rows.filter((r) => r.action === "create").length,
    updates: rows.filter((r) => r.action === "update").length,
  };
}

export async function previewImport(ctx: TeamCtx, kind: ImportKind, text: string): Promise<ImportPreview> {
  return summarize(kind === "departments" ? await planDepartments(ctx, text) : await planKeyPersons(ctx, text));
}

// A 20,000-row file writes in well under the limit; the default 5 s would be too tight on a busy server.
const IMPORT_TX = { timeout: 60_000, maxWait: 10_000 };

/** Applies a file that previews cleanly, in one transaction; otherwise changes nothing. */
export async function applyImport(ctx: TeamCtx, kind: ImportKind, text: string): Promise<ImportPreview> {
  const write = async (preview: ImportPreview, entityType: string, fn: (tx: Prisma.TransactionClient) => Promise<unknown>) => {
    if (!preview.ok) return preview;
    await ctx.db.$transaction(async (tx) => {
      await fn(tx);
      await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: `import.${kind}`, entityType, detail: { creates: preview.creates, updates: preview.updates } });
    }, IMPORT_TX);
    return preview;
  };
  if (kind === "departments") {
    const plan = await planDepartments(ctx, text);
    return write(summarize(plan), "Department", (tx) => writeDepartments(tx, ctx, plan.rows));
  }
  const plan = await planKeyPersons(ctx, text);
  return write(summarize(plan), "KeyPerson", (tx) => writeKeyPersons(tx, ctx, plan.rows));
}
