// Planning a key-person file: each row checked with the form's own limits, departments resolved by
// external id, name or path (missing ones planned as new), kinds and stances read from everyday
// words, bosses by external id or a unique name, and each row classed as create / update /
// unchanged. Nothing is written here.
import { randomUUID } from "node:crypto";
import type { TeamCtx } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keyPersonFields, parseTags } from "@/lib/key-persons/schemas";
import { searchKey } from "@/lib/search/normalize";
import { isUnsafeText } from "@/lib/zod-helpers";
import type { KeyPersonRow } from "./apply";
import { KEY_PERSON_ALIASES, type KeyPersonField, type Mapping } from "./columns";
import type { parseCsv } from "@/lib/export/csv";
import { DepartmentResolver, type ExistingDepartment } from "./department-paths";
import type { RowError } from "./plan";
import { kindValues, stanceValues } from "./values";

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The stored fields the plan compares a row with, and the undo of an update puts back. */
const storedKeyPersonSelect = {
  id: true,
  name: true,
  externalId: true,
  departmentId: true,
  nameKana: true,
  title: true,
  kind: true,
  stance: true,
  influence: true,
  interest: true,
  tags: true,
  notes: true,
  reportsToId: true,
} satisfies Prisma.KeyPersonSelect;

/** A stored person as the plan read it. */
export type StoredKeyPerson = Prisma.KeyPersonGetPayload<{ select: typeof storedKeyPersonSelect }>;

/** What the plan compares a file with: the team's departments and people, read before planning. */
export type KeyPersonSnapshot = {
  departments: ExistingDepartment[];
  people: StoredKeyPerson[];
};

const PAGE = 5_000;

/** The team's departments and people, read in pages so that other requests get turns between them. */
export async function loadKeyPersonSnapshot(ctx: TeamCtx): Promise<KeyPersonSnapshot> {
  const departments = await ctx.db.department.findMany({
    where: { teamId: ctx.teamId },
    select: { id: true, name: true, externalId: true, parentId: true, kind: true },
  });
  const people: KeyPersonSnapshot["people"] = [];
  for (let after: string | undefined; ;) {
    const page = await ctx.db.keyPerson.findMany({
      where: { teamId: ctx.teamId, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: storedKeyPersonSelect,
    });
    people.push(...page);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  return { departments, people };
}

/** Plans a key-person file against the snapshot. Pure: it runs in the planning worker. */
export function planKeyPersons(
  snapshot: KeyPersonSnapshot,
  csv: ReturnType<typeof parseCsv>,
  mapping: Mapping,
  departmentMatches: Record<string, string> = {},
) {
  const errors: RowError[] = [];
  const at = (f: KeyPersonField) => mapping.indexOf(f);
  const levels = mapping.flatMap((f, i) => (f === "deptLevel" ? [i] : []));
  const col = (f: KeyPersonField) => (at(f) >= 0 ? csv.header[at(f)] : KEY_PERSON_ALIASES[f][0]);
  if (at("name") < 0) errors.push({ line: 1, column: KEY_PERSON_ALIASES.name[0], message: "missingColumn" });
  const { departments, people } = snapshot;
  const resolver = new DepartmentResolver(departments, departmentMatches);
  const personByExt = new Map(people.filter((p) => p.externalId).map((p) => [p.externalId!, p]));
  const nameDept = (name: string, dept: string | null) => `${searchKey(name)}\u0000${dept ?? ""}`;
  const personByNameDept = new Map(people.map((p) => [nameDept(p.name, p.departmentId), p]));
  const existingByName = new Map<string, string[]>();
  for (const p of people) existingByName.set(searchKey(p.name), [...(existingByName.get(searchKey(p.name)) ?? []), p.id]);
  const seen = new Set<string>();

  const planned = csv.rows.map(({ line, cells }) => {
    const get = (f: KeyPersonField) => (at(f) >= 0 ? (cells[at(f)] ?? "") : "");
    const name = get("name");
    if (!name) errors.push({ line, column: col("name"), message: "required" });
    if (name.length > 100) errors.push({ line, column: col("name"), message: "tooLong" });
    const deptValue = levels.length
      ? levels
          .map((i) => cells[i] ?? "")
          .filter(Boolean)
          .join("/")
      : get("department");
    let departmentId: string | null = null;
    if (deptValue) {
      if (isUnsafeText(deptValue))
        errors.push({ line, column: col(levels.length ? "deptLevel" : "department"), message: "invalidCharacters" });
      else {
        const r = resolver.resolve(deptValue);
        if ("id" in r) departmentId = r.id;
        else errors.push({ line, column: levels.length ? csv.header[levels[0]] : col("department"), message: r.error, value: deptValue });
      }
    }
    const externalId = get("externalId") || null;
    const key = externalId ?? nameDept(name, departmentId);
    if (seen.has(key))
      errors.push({ line, column: externalId ? col("externalId") : col("name"), message: "duplicateInFile", value: externalId ?? name });
    seen.add(key);
    const match = externalId ? personByExt.get(externalId) : personByNameDept.get(nameDept(name, departmentId));
    const isNew = !match;
    const choice = <T extends string>(
      f: "kind" | "stance",
      values: { of: (v: string) => T | undefined; allowed: string[] },
      fallback: T,
    ): T | null => {
      const v = get(f);
      if (!v) return isNew ? fallback : null;
      const found = values.of(v);
      if (!found) errors.push({ line, column: col(f), message: "invalidChoice", value: v, allowed: values.allowed });
      return found ?? fallback;
    };
    const scale = (f: "influence" | "interest") => {
      const v = get(f).normalize("NFKC");
      if (!v) return isNew ? 3 : null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 5) {
        errors.push({ line, column: col(f), message: "oneToFive", value: v });
        return 3;
      }
      return n;
    };
    // The same limits as the form: every text column goes through the form's own schema fields.
    const text = (f: "nameKana" | "title" | "notes") => {
      const v = get(f);
      if (!v) return isNew ? "" : null;
      if (isUnsafeText(v)) errors.push({ line, column: col(f), message: "invalidCharacters" });
      else {
        const issue = keyPersonFields.shape[f].safeParse(v).error?.issues[0];
        if (issue) errors.push({ line, column: col(f), message: issue.message });
      }
      return v;
    };
    if (isUnsafeText(name)) errors.push({ line, column: col("name"), message: "invalidCharacters" });
    if (externalId) {
      if (isUnsafeText(externalId)) errors.push({ line, column: col("externalId"), message: "invalidCharacters" });
      else if (keyPersonFields.shape.externalId.safeParse(externalId).error)
        errors.push({ line, column: col("externalId"), message: "tooLong" });
    }
    const tagsRaw = get("tags");
    const tags = tagsRaw ? parseTags(tagsRaw.replace(/;/g, ",")) : isNew ? [] : null;
    for (const tag of tags ?? []) {
      if (isUnsafeText(tag) || tag.length > 30)
        errors.push({ line, column: col("tags"), message: isUnsafeText(tag) ? "invalidCharacters" : "tooLong", value: tag.slice(0, 30) });
    }
    const row: KeyPersonRow & { line: number; boss: string } = {
      line,
      id: match?.id ?? randomUUID(),
      isNew,
      name,
      externalId,
      nameKana: text("nameKana"),
      title: text("title"),
      departmentId,
      kind: choice("kind", kindValues, "OTHER"),
      stance: choice("stance", stanceValues, "NEUTRAL"),
      influence: scale("influence"),
      interest: scale("interest"),
      tags,
      notes: text("notes"),
      bossId: null,
      boss: get("reportsTo"),
    };
    return { row, match };
  });

  // Bosses: an external id (in the file or stored), else a name that is unique in the file or the team.
  const fileByExt = new Map(planned.filter((p) => p.row.externalId).map((p) => [p.row.externalId!, p.row.id]));
  const fileByName = new Map<string, string[]>();
  for (const p of planned) fileByName.set(searchKey(p.row.name), [...(fileByName.get(searchKey(p.row.name)) ?? []), p.row.id]);
  for (const { row } of planned) {
    if (!row.boss) continue;
    const byName = fileByName.get(searchKey(row.boss)) ?? existingByName.get(searchKey(row.boss)) ?? [];
    row.bossId = fileByExt.get(row.boss) ?? personByExt.get(row.boss)?.id ?? (byName.length === 1 ? byName[0] : null);
    if (!row.bossId)
      errors.push({
        line: row.line,
        column: col("reportsTo"),
        message: byName.length > 1 ? "ambiguousBoss" : "unknownBoss",
        value: row.boss,
      });
  }

  // Reporting lines after the import (the file's bosses over the stored ones) must not loop: the
  // map's boss picker refuses the same (KC1 → KC2 → KC1, or someone her own boss).
  const bossOf = new Map(people.map((p) => [p.id, p.reportsToId]));
  for (const { row } of planned) if (row.bossId) bossOf.set(row.id, row.bossId);
  for (const { row } of planned) {
    if (!row.bossId) continue;
    let at: string | null | undefined = row.bossId;
    for (let hops = 0; at && hops <= bossOf.size; hops++) {
      if (at === row.id) {
        errors.push({ line: row.line, column: col("reportsTo"), message: "reportingCycle", value: row.boss });
        break;
      }
      at = bossOf.get(at);
    }
  }

  const rows = planned.map(({ row, match }) => {
    const unchanged =
      !!match &&
      row.name === match.name &&
      (row.externalId ?? match.externalId) === match.externalId &&
      (row.nameKana ?? match.nameKana) === match.nameKana &&
      (row.title ?? match.title) === match.title &&
      (row.departmentId ?? match.departmentId) === match.departmentId &&
      (row.kind ?? match.kind) === match.kind &&
      (row.stance ?? match.stance) === match.stance &&
      (row.influence ?? match.influence) === match.influence &&
      (row.interest ?? match.interest) === match.interest &&
      sameTags(row.tags ?? match.tags, match.tags) &&
      (row.notes ?? match.notes) === match.notes &&
      (row.bossId ?? match.reportsToId) === match.reportsToId;
    const action = row.isNew ? ("create" as const) : unchanged ? ("unchanged" as const) : ("update" as const);
    // What an update replaces, for the undo if a later step of the apply fails.
    return { ...row, action, stored: match ? { ...match } : undefined };
  });
  return { rows, errors, newDepartments: [...resolver.created.values()], resolver };
}
