// Writing an import that previewed cleanly, in batches: one statement per table per chunk of rows
// (never one per row), so a 20,000-row org chart applies in seconds and the transaction that holds
// its rows stays short.
import { randomUUID } from "node:crypto";
import type { TeamCtx } from "@/lib/auth/context";
import type { DepartmentKind, KeyPersonKind, Prisma, Stance } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { NewDepartment } from "./department-paths";
import type { StoredKeyPerson } from "./plan-key-persons";

type Tx = Prisma.TransactionClient;

export const CHUNK = 1_000;

export function chunked<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type DepartmentRow = {
  externalId: string | null;
  name: string;
  kind: DepartmentKind;
  headcount: number | null;
  /** External id of the parent, in the file or already stored. */
  parent: string;
  match?: { id: string };
};

/**
 * Creates and updates departments, sets their parents and rewrites the materialized paths of the
 * team's whole tree (a moved department carries its subtree along).
 */
export async function writeDepartments(tx: Tx, ctx: TeamCtx, rows: DepartmentRow[]): Promise<void> {
  const idByExt = new Map<string, string>();
  for (const d of await tx.department.findMany({
    where: { teamId: ctx.teamId, externalId: { not: null } },
    select: { id: true, externalId: true },
  })) {
    idByExt.set(d.externalId!, d.id);
  }
  const planned = rows.map((r) => ({ ...r, id: r.match?.id ?? randomUUID() }));
  for (const r of planned) if (r.externalId) idByExt.set(r.externalId, r.id);
  for (const chunk of chunked(planned.filter((r) => !r.match))) {
    await tx.$executeRaw`
      INSERT INTO "Department" (id, "teamId", name, kind, "externalId", path, "updatedAt")
      SELECT v.id, ${ctx.teamId}, v.name, v.kind::"DepartmentKind", v."externalId", '/', now()
      FROM jsonb_to_recordset(${JSON.stringify(chunk.map((r) => ({ id: r.id, name: r.name, kind: r.kind, externalId: r.externalId })))}::jsonb)
        AS v(id text, name text, kind text, "externalId" text)`;
  }
  // Parents (and, for existing departments, every field) in one statement per chunk: a parent may
  // be created in a later chunk than its child, so parents are set after every row exists.
  for (const chunk of chunked(planned)) {
    const values = chunk.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      headcount: r.headcount,
      externalId: r.externalId,
      parentId: r.parent ? (idByExt.get(r.parent) ?? null) : null,
      bump: Boolean(r.match),
    }));
    await tx.$executeRaw`
      UPDATE "Department" d SET name = v.name, kind = v.kind::"DepartmentKind", headcount = v.headcount,
        "externalId" = v."externalId", "parentId" = v."parentId",
        version = CASE WHEN v.bump THEN d.version + 1 ELSE d.version END, "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
        AS v(id text, name text, kind text, headcount int, "externalId" text, "parentId" text, bump boolean)
      WHERE d.id = v.id AND d."teamId" = ${ctx.teamId}`;
  }
  await rewritePaths(tx, ctx.teamId);
}

/** Recomputes every department's path of ancestor ids from the parent links, in one statement. */
export async function rewritePaths(tx: Tx, teamId: string) {
  await tx.$executeRaw`
    WITH RECURSIVE tree AS (
      SELECT id, '/'::text AS path FROM "Department" WHERE "teamId" = ${teamId} AND "parentId" IS NULL
      UNION ALL
      SELECT d.id, tree.path || tree.id || '/' FROM "Department" d JOIN tree ON d."parentId" = tree.id WHERE d."teamId" = ${teamId}
    )
    UPDATE "Department" d SET path = tree.path FROM tree WHERE d.id = tree.id AND d.path <> tree.path`;
  // A department in a parent cycle is reachable from no root and keeps a stale path. The plan
  // refuses cycles, so this is a guard: never report success with part of the tree misplaced.
  const [{ n }] = await tx.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Department" d JOIN "Department" p ON p.id = d."parentId"
    WHERE d."teamId" = ${teamId} AND d.path <> p.path || p.id || '/'`;
  if (n > 0n) throw new AppError("validation", "importIncomplete");
}

/** Departments a key-person file names by path that do not exist yet, parents first. */
export async function writeNewDepartments(tx: Tx, ctx: TeamCtx, created: NewDepartment[]) {
  if (created.length === 0) return;
  const ordered = [...created].sort((a, b) => a.depth - b.depth);
  for (const chunk of chunked(ordered)) {
    await tx.$executeRaw`
      INSERT INTO "Department" (id, "teamId", "parentId", name, kind, path, "updatedAt")
      SELECT v.id, ${ctx.teamId}, v."parentId", v.name, v.kind::"DepartmentKind", '/', now()
      FROM jsonb_to_recordset(${JSON.stringify(chunk.map((d) => ({ id: d.id, parentId: d.parentId, name: d.name, kind: d.kind })))}::jsonb)
        AS v(id text, "parentId" text, name text, kind text)`;
  }
  await rewritePaths(tx, ctx.teamId);
}

/**
 * One planned person. For a new person every field is filled (defaults included); for an update a
 * null means "leave as it is" (a blank cell never erases what the team recorded).
 */
export type KeyPersonRow = {
  id: string;
  isNew: boolean;
  name: string;
  externalId: string | null;
  nameKana: string | null;
  title: string | null;
  departmentId: string | null;
  kind: KeyPersonKind | null;
  stance: Stance | null;
  influence: number | null;
  interest: number | null;
  tags: string[] | null;
  notes: string | null;
  bossId: string | null;
};

/** Columns of a key person as the import writes them, and as the undo puts them back. */
const personFields = (r: Omit<KeyPersonRow, "isNew">) => ({
  id: r.id,
  name: r.name,
  nameKana: r.nameKana,
  title: r.title,
  departmentId: r.departmentId,
  kind: r.kind,
  stance: r.stance,
  influence: r.influence,
  interest: r.interest,
  tags: r.tags,
  notes: r.notes,
  externalId: r.externalId,
  bossId: r.bossId,
});

export type StanceChangeRow = { id: string; keyPersonId: string; fromStance: Stance | null; toStance: Stance };

/** Inserts new people (bosses in an earlier chunk or this one) with their first stance entry. */
export async function insertKeyPersons(tx: Tx, ctx: TeamCtx, chunk: KeyPersonRow[]): Promise<StanceChangeRow[]> {
  // Raw statements: the client's createMany costs ~0.5 ms per row in serialization alone.
  await tx.$executeRaw`
    INSERT INTO "KeyPerson" (id, "teamId", "ownerId", name, "nameKana", title, "departmentId", kind, stance, influence, interest, tags, notes, "externalId", "reportsToId", "updatedAt")
    SELECT v.id, ${ctx.teamId}, ${ctx.userId}, v.name, v."nameKana", v.title, v."departmentId", v.kind::"KeyPersonKind", v.stance::"Stance",
      v.influence, v.interest, v.tags, v.notes, v."externalId", NULLIF(v."bossId", v.id), now()
    FROM jsonb_to_recordset(${JSON.stringify(chunk.map(personFields))}::jsonb)
      AS v(id text, name text, "nameKana" text, title text, "departmentId" text, kind text, stance text,
           influence int, interest int, tags text[], notes text, "externalId" text, "bossId" text)`;
  const changes = chunk.map((r) => ({ id: randomUUID(), keyPersonId: r.id, fromStance: null, toStance: r.stance ?? ("NEUTRAL" as const) }));
  await insertStanceChanges(tx, ctx, changes);
  return changes;
}

/** Updates people the team already has (a null leaves a field as it is), with their stance history. */
export async function updateKeyPersons(tx: Tx, ctx: TeamCtx, chunk: KeyPersonRow[]): Promise<StanceChangeRow[]> {
  const before = new Map(
    (
      await tx.keyPerson.findMany({ where: { teamId: ctx.teamId, id: { in: chunk.map((r) => r.id) } }, select: { id: true, stance: true } })
    ).map((p) => [p.id, p.stance]),
  );
  await tx.$executeRaw`
    UPDATE "KeyPerson" k SET name = v.name, "nameKana" = COALESCE(v."nameKana", k."nameKana"), title = COALESCE(v.title, k.title),
      "departmentId" = COALESCE(v."departmentId", k."departmentId"), kind = COALESCE(v.kind::"KeyPersonKind", k.kind),
      stance = COALESCE(v.stance::"Stance", k.stance), influence = COALESCE(v.influence, k.influence), interest = COALESCE(v.interest, k.interest),
      tags = COALESCE(v.tags, k.tags), notes = COALESCE(v.notes, k.notes), "externalId" = COALESCE(v."externalId", k."externalId"),
      "reportsToId" = COALESCE(NULLIF(v."bossId", v.id), k."reportsToId"), version = k.version + 1, "updatedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(chunk.map(personFields))}::jsonb)
      AS v(id text, name text, "nameKana" text, title text, "departmentId" text, kind text, stance text,
           influence int, interest int, tags text[], notes text, "externalId" text, "bossId" text)
    WHERE k.id = v.id AND k."teamId" = ${ctx.teamId}`;
  const changes: StanceChangeRow[] = [];
  for (const r of chunk) {
    const from = before.get(r.id);
    if (r.stance && from && from !== r.stance) changes.push({ id: randomUUID(), keyPersonId: r.id, fromStance: from, toStance: r.stance });
  }
  await insertStanceChanges(tx, ctx, changes);
  return changes;
}

async function insertStanceChanges(tx: Tx, ctx: TeamCtx, changes: StanceChangeRow[]) {
  if (changes.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "StanceChange" (id, "teamId", "keyPersonId", "fromStance", "toStance", reason, "changedById")
    SELECT v.id, ${ctx.teamId}, v."keyPersonId", v."fromStance"::"Stance", v."toStance"::"Stance", 'CSV', ${ctx.userId}
    FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS v(id text, "keyPersonId" text, "fromStance" text, "toStance" text)`;
}

/**
 * Takes back what an import wrote before it failed part-way (only the embedded database applies in
 * several transactions): updated people get their stored values back, the stance entries it added
 * go, and the people and departments it created are removed.
 */
export async function undoKeyPersonImport(
  tx: Tx,
  ctx: TeamCtx,
  done: { created: string[]; updated: StoredKeyPerson[]; stanceChanges: string[]; departments: string[] },
) {
  for (const chunk of chunked(done.stanceChanges)) await tx.stanceChange.deleteMany({ where: { teamId: ctx.teamId, id: { in: chunk } } });
  for (const chunk of chunked(done.updated)) {
    await tx.$executeRaw`
      UPDATE "KeyPerson" k SET name = v.name, "nameKana" = v."nameKana", title = v.title, "departmentId" = v."departmentId",
        kind = v.kind::"KeyPersonKind", stance = v.stance::"Stance", influence = v.influence, interest = v.interest, tags = v.tags,
        notes = v.notes, "externalId" = v."externalId", "reportsToId" = v."bossId", version = k.version + 1, "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(chunk.map((p) => personFields({ ...p, bossId: p.reportsToId })))}::jsonb)
        AS v(id text, name text, "nameKana" text, title text, "departmentId" text, kind text, stance text,
             influence int, interest int, tags text[], notes text, "externalId" text, "bossId" text)
      WHERE k.id = v.id AND k."teamId" = ${ctx.teamId}`;
  }
  // Anyone reporting to a created person (created or not) loses that line, then the created go.
  for (const chunk of chunked(done.created)) {
    await tx.keyPerson.updateMany({ where: { teamId: ctx.teamId, reportsToId: { in: chunk } }, data: { reportsToId: null } });
  }
  for (const chunk of chunked(done.created)) await tx.keyPerson.deleteMany({ where: { teamId: ctx.teamId, id: { in: chunk } } });
  if (done.departments.length) {
    await tx.department.updateMany({ where: { teamId: ctx.teamId, id: { in: done.departments } }, data: { parentId: null } });
    await tx.department.deleteMany({ where: { teamId: ctx.teamId, id: { in: done.departments } } });
  }
}
