// Bulk edit from the key-person list: several people at once get a new owner or department, gain or
// lose a tag, or are archived (or brought back). One transaction, audited with the count; the values
// before are returned so the list's toast can put them back.
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { checkLinks } from "./mutations";

export const BULK_MAX = 200;
const ids = z.array(z.string().min(1).max(64)).min(1, "pickPerson").max(BULK_MAX, "tooMany");
const tag = z.string().trim().min(1, "required").max(30, "tooLong");

export const bulkEditSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("owner"), ids, ownerId: z.string().max(64) }),
  z.object({ action: z.literal("department"), ids, departmentId: z.string().max(64) }),
  z.object({ action: z.literal("addTag"), ids, tag }),
  z.object({ action: z.literal("removeTag"), ids, tag }),
  z.object({ action: z.literal("archive"), ids }),
  z.object({ action: z.literal("restore"), ids }),
]);

const before = z.object({
  id: z.string().min(1).max(64),
  ownerId: z.string().max(64).nullable(),
  departmentId: z.string().max(64).nullable(),
  tags: z.array(tag).max(20),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number().int().min(1),
});
export const bulkUndoSchema = z.object({ rows: z.array(before).min(1).max(BULK_MAX) });
export type BulkBefore = z.infer<typeof before>;

export async function bulkEdit(ctx: TeamCtx, input: z.infer<typeof bulkEditSchema>, now = new Date()) {
  requirePermission(ctx, "keyPersons.write");
  const unique = [...new Set(input.ids)];
  // A new owner or department is checked like the person form's: the team's own (an active member).
  await checkLinks(ctx, {
    ownerId: input.action === "owner" ? input.ownerId || null : null,
    departmentId: input.action === "department" ? input.departmentId || null : null,
    reportsToId: null,
  });
  return ctx.db.$transaction(async (tx) => {
    const rows = await tx.keyPerson.findMany({
      where: { teamId: ctx.teamId, id: { in: unique } },
      select: { id: true, ownerId: true, departmentId: true, tags: true, archivedAt: true, version: true },
    });
    // Another team's person (or one merged away meanwhile) is not found: nothing changes.
    if (rows.length !== unique.length) throw new AppError("notFound");
    const where = { teamId: ctx.teamId, id: { in: unique } };
    const bump = { version: { increment: 1 } };
    switch (input.action) {
      case "owner":
        await tx.keyPerson.updateMany({ where, data: { ownerId: input.ownerId || null, ...bump } });
        break;
      case "department":
        await tx.keyPerson.updateMany({ where, data: { departmentId: input.departmentId || null, ...bump } });
        break;
      case "addTag":
        if (rows.some((r) => !r.tags.includes(input.tag) && r.tags.length >= 20))
          throw new AppError("validation", "validation", { tag: ["tooMany"] });
        await tx.$executeRaw`UPDATE "KeyPerson" SET tags = CASE WHEN ${input.tag} = ANY(tags) THEN tags ELSE array_append(tags, ${input.tag}) END, version = version + 1, "updatedAt" = ${now} WHERE "teamId" = ${ctx.teamId} AND id = ANY(${unique}::text[])`;
        break;
      case "removeTag":
        await tx.$executeRaw`UPDATE "KeyPerson" SET tags = array_remove(tags, ${input.tag}), version = version + 1, "updatedAt" = ${now} WHERE "teamId" = ${ctx.teamId} AND id = ANY(${unique}::text[])`;
        break;
      case "archive":
        await tx.keyPerson.updateMany({ where: { ...where, archivedAt: null }, data: { archivedAt: now } });
        await tx.keyPerson.updateMany({ where, data: bump });
        break;
      case "restore":
        await tx.keyPerson.updateMany({ where, data: { archivedAt: null, ...bump } });
        break;
    }
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "keyPerson.bulkEdit",
      entityType: "KeyPerson",
      detail: { action: input.action, count: unique.length },
    });
    const previous: BulkBefore[] = rows.map((r) => ({
      id: r.id,
      ownerId: r.ownerId,
      departmentId: r.departmentId,
      tags: r.tags,
      archivedAt: r.archivedAt?.toISOString() ?? null,
      version: r.version,
    }));
    return { count: unique.length, before: previous };
  });
}

/**
 * The toast's undo: each person goes back to the values before the bulk edit, unless someone edited
 * him since (his version moved on), in which case he is left as he is and counted as skipped.
 */
export async function undoBulkEdit(ctx: TeamCtx, input: z.infer<typeof bulkUndoSchema>) {
  requirePermission(ctx, "keyPersons.write");
  // The values come back from the browser: an owner or department must still be the team's own.
  const owners = [...new Set(input.rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])))];
  const departments = [...new Set(input.rows.flatMap((r) => (r.departmentId ? [r.departmentId] : [])))];
  const [ownersFound, departmentsFound] = await Promise.all([
    ctx.db.membership.count({ where: { teamId: ctx.teamId, userId: { in: owners } } }),
    ctx.db.department.count({ where: { teamId: ctx.teamId, id: { in: departments } } }),
  ]);
  if (ownersFound !== owners.length || departmentsFound !== departments.length) throw new AppError("notFound");
  return ctx.db.$transaction(async (tx) => {
    let restored = 0;
    for (const r of input.rows) {
      const res = await tx.keyPerson.updateMany({
        where: { id: r.id, teamId: ctx.teamId, version: r.version + 1 },
        data: {
          ownerId: r.ownerId,
          departmentId: r.departmentId,
          tags: r.tags,
          archivedAt: r.archivedAt ? new Date(r.archivedAt) : null,
          version: { increment: 1 },
        },
      });
      restored += res.count;
    }
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "keyPerson.bulkUndo",
      entityType: "KeyPerson",
      detail: { count: restored, skipped: input.rows.length - restored },
    });
    return { restored, skipped: input.rows.length - restored };
  });
}
