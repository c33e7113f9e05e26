// Changing departments: create, edit, move within the tree, archive (history is never deleted).
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { dateOnlyOf } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { createDepartmentSchema, departmentNoteSchema, updateDepartmentSchema } from "./schemas";
import { childPath } from "./tree";

async function parentOf(ctx: TeamCtx, parentId: string | null | undefined) {
  if (!parentId) return null;
  const parent = await ctx.db.department.findFirst({ where: { id: parentId, teamId: ctx.teamId }, select: { id: true, path: true } });
  if (!parent) throw new AppError("validation", "validation", { parentId: ["notFound"] });
  return parent;
}

export async function createDepartment(ctx: TeamCtx, input: z.infer<typeof createDepartmentSchema>) {
  const parent = await parentOf(ctx, input.parentId);
  return ctx.db.department.create({
    data: {
      teamId: ctx.teamId,
      name: input.name,
      kind: input.kind,
      parentId: parent?.id ?? null,
      path: childPath(parent),
      headcount: input.headcount ?? null,
      externalId: input.externalId ?? null,
    },
    select: { id: true },
  });
}

export async function updateDepartment(ctx: TeamCtx, input: z.infer<typeof updateDepartmentSchema>) {
  const current = await ctx.db.department.findFirst({
    where: { id: input.id, teamId: ctx.teamId },
    select: { id: true, path: true, parentId: true, version: true },
  });
  if (!current) throw new AppError("notFound");
  if (current.version !== input.version) throw new AppError("conflict", "staleEdit");
  const parent = await parentOf(ctx, input.parentId);
  // A department cannot move under itself or anything below it.
  if (parent && (parent.id === current.id || parent.path.includes(`/${current.id}/`))) {
    throw new AppError("validation", "validation", { parentId: ["moveIntoOwnSubtree"] });
  }
  const oldPrefix = `${current.path}${current.id}/`;
  const newPath = childPath(parent);
  const newPrefix = `${newPath}${current.id}/`;
  await ctx.db.$transaction(async (tx) => {
    const res = await tx.department.updateMany({
      where: { id: current.id, teamId: ctx.teamId, version: input.version },
      data: {
        name: input.name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        path: newPath,
        headcount: input.headcount ?? null,
        externalId: input.externalId ?? null,
        version: { increment: 1 },
      },
    });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    if (oldPrefix !== newPrefix) {
      await tx.$executeRaw`UPDATE "Department" SET path = ${newPrefix} || substr(path, ${oldPrefix.length + 1})
        WHERE "teamId" = ${ctx.teamId} AND path LIKE ${`${oldPrefix}%`}`;
      await audit(tx, {
        teamId: ctx.teamId,
        actorId: ctx.userId,
        action: "department.move",
        entityType: "Department",
        entityId: current.id,
        detail: { from: current.parentId, to: parent?.id ?? null },
      });
    }
  });
  return { id: current.id };
}

export async function setDepartmentArchived(ctx: TeamCtx, id: string, archived: boolean) {
  const res = await ctx.db.department.updateMany({
    where: { id, teamId: ctx.teamId },
    data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
  });
  if (res.count !== 1) throw new AppError("notFound");
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: archived ? "department.archive" : "department.restore",
    entityType: "Department",
    entityId: id,
  });
}

export async function addDepartmentNote(ctx: TeamCtx, input: z.infer<typeof departmentNoteSchema>) {
  const d = await ctx.db.department.count({ where: { id: input.departmentId, teamId: ctx.teamId } });
  if (!d) throw new AppError("notFound");
  return ctx.db.departmentNote.create({
    data: {
      teamId: ctx.teamId,
      departmentId: input.departmentId,
      kind: input.kind,
      body: input.body,
      notedOn: dateOnlyOf(input.notedOn)!,
      authorId: ctx.userId,
    },
    select: { id: true },
  });
}
