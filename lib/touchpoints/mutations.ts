// Logging touchpoints. Each one keeps the people's "last contact" current, clears the thanks a
// THANKS answers, and closes the follow-up it was logged from.
import type { z } from "zod";
import type { TeamCtx } from "@/lib/auth/context";
import { caseLinkProblem } from "@/lib/cases/access";
import { dateOnlyOf, DAY_MS, tokyoDay } from "@/lib/dates";
import { ACCEPTED } from "@/lib/requests/accepted";
import { FREQUENCY_DAYS } from "@/lib/requests/schemas";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { createTouchpointSchema, touchpointFields, updateTouchpointSchema } from "./schemas";
import { completeActionsByTouchpoint } from "@/lib/reviews/mutations";
import { followGive, keep, keepable, releaseGives } from "@/lib/requests/commitments";
import { sealText } from "@/lib/crypto/sealed-text";
import { canChange } from "@/lib/auth/permissions";

type Tx = Prisma.TransactionClient;
type Fields = z.infer<typeof touchpointFields>;

/** A date-only value as the moment it is stored: noon JST of that day, so it sorts within the day. */
export function occurredAtOf(isoDay: string, now = new Date()): Date {
  return tokyoDay(now) === isoDay ? now : new Date(`${isoDay}T03:00:00.000Z`);
}

async function checkLinks(ctx: TeamCtx, input: Fields, now: Date) {
  const errors: Record<string, string[]> = {};
  const ids = [...new Set(input.keyPersonIds)];
  const found = await ctx.db.keyPerson.count({ where: { teamId: ctx.teamId, id: { in: ids } } });
  if (found !== ids.length) errors.keyPersonIds = ["notFound"];
  if (input.caseId) {
    // Linking to a case needs the right to read it, and its consent in force.
    const problem = await caseLinkProblem(ctx, input.caseId);
    if (problem) errors.caseId = [problem];
  }
  if (input.initiativeId) {
    const i = await ctx.db.initiative.count({ where: { id: input.initiativeId, teamId: ctx.teamId } });
    if (!i) errors.initiativeId = ["notFound"];
  }
  if (input.occurredOn > tokyoDay(new Date(now.getTime() + DAY_MS))) {
    errors.occurredOn = ["inFuture"];
  }
  if (Object.keys(errors).length) throw new AppError("validation", "validation", errors);
  return ids;
}

/** Recomputes "last contact" for these people from their live touchpoints. */
export async function refreshLastContact(tx: Tx, teamId: string, keyPersonIds: string[]) {
  if (keyPersonIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE "KeyPerson" k SET "lastContactAt" = (
      SELECT max(p."occurredAt") FROM "TouchpointParticipant" p
      WHERE p."keyPersonId" = k.id AND p."teamId" = ${teamId} AND p.deleted = false)
    WHERE k."teamId" = ${teamId} AND k.id = ANY(${keyPersonIds}::text[])`;
}

async function afterWrite(tx: Tx, ctx: TeamCtx, type: string, occurredAt: Date, keyPersonIds: string[]) {
  if (type === "THANKS") {
    // Thanks answer every accepted request of these people that was still owed thanks.
    await tx.request.updateMany({
      where: {
        teamId: ctx.teamId,
        keyPersonId: { in: keyPersonIds },
        status: { in: [...ACCEPTED] },
        thankedAt: null,
        respondedAt: { lte: occurredAt },
      },
      data: { thankedAt: occurredAt },
    });
  }
  await refreshLastContact(tx, ctx.teamId, keyPersonIds);
}

/** Logging the check-in of a recurring agreement books the next one, so the rhythm holds. */
async function nextCheckIn(ctx: TeamCtx, clearsFollowUpId: string | null | undefined) {
  if (!clearsFollowUpId) return null;
  const cleared = await ctx.db.touchpoint.findFirst({
    where: { id: clearsFollowUpId, teamId: ctx.teamId },
    select: { followUpDueOn: true, request: { select: { id: true, frequency: true, status: true } } },
  });
  const every = cleared?.request ? FREQUENCY_DAYS[cleared.request.frequency] : null;
  if (!cleared?.followUpDueOn || !cleared.request || !every || !["ACCEPTED", "FALLBACK_ACCEPTED"].includes(cleared.request.status))
    return null;
  return { requestId: cleared.request.id, due: new Date(cleared.followUpDueOn.getTime() + every * DAY_MS) };
}

export async function createTouchpoint(ctx: TeamCtx, input: z.infer<typeof createTouchpointSchema>, now = new Date()) {
  const ids = await checkLinks(ctx, input, now);
  const occurredAt = occurredAtOf(input.occurredOn, now);
  const next = await nextCheckIn(ctx, input.clearsFollowUpId);
  // The promise it keeps must be hers and still open.
  const keeps = input.keepsCommitmentId ? await keepable(ctx, input.keepsCommitmentId) : null;
  if (input.keepsCommitmentId && !keeps) throw new AppError("validation", "validation", { keepsCommitmentId: ["notFound"] });
  // A give from before the promise was made cannot be the one that keeps it.
  if (keeps && input.occurredOn < tokyoDay(keeps.createdAt))
    throw new AppError("validation", "validation", { occurredOn: ["beforePromise"] });
  return ctx.db.$transaction(async (tx) => {
    const cleared = input.clearsFollowUpId
      ? (
          await tx.touchpoint.updateMany({
            where: { id: input.clearsFollowUpId, teamId: ctx.teamId, followUpDoneAt: null },
            data: { followUpDoneAt: now },
          })
        ).count
      : 0;
    const tp = await tx.touchpoint.create({
      data: {
        teamId: ctx.teamId,
        type: input.type,
        occurredAt,
        nurseId: ctx.userId,
        // On a case the summary is about the employee: sealed.
        summary: input.caseId ? sealText(input.summary) : input.summary,
        principles: input.principles,
        followUpDueOn: dateOnlyOf(input.followUpDueOn) ?? next?.due ?? null,
        requestId: next?.requestId ?? keeps?.requestId ?? null,
        clearedFollowUpId: cleared ? input.clearsFollowUpId : null,
        caseId: input.caseId ?? null,
        initiativeId: input.initiativeId ?? null,
        participants: { create: ids.map((keyPersonId) => ({ keyPersonId, teamId: ctx.teamId, type: input.type, occurredAt })) },
      },
      select: { id: true },
    });
    await afterWrite(tx, ctx, input.type, occurredAt, ids);
    await completeActionsByTouchpoint(tx, ctx, tp.id, ids, now);
    if (keeps) await keep(tx, ctx.teamId, keeps.id, tp.id, now);
    return tp;
  });
}

async function ownTouchpoint(ctx: TeamCtx, id: string) {
  const tp = await ctx.db.touchpoint.findFirst({
    where: { id, teamId: ctx.teamId },
    select: {
      id: true,
      nurseId: true,
      version: true,
      deletedAt: true,
      type: true,
      occurredAt: true,
      createdAt: true,
      clearedFollowUpId: true,
      participants: { select: { keyPersonId: true } },
    },
  });
  if (!tp) throw new AppError("notFound");
  // A nurse edits and deletes her own records; admins may correct anyone's.
  if (!canChange(ctx, tp, "touchpoints.editAny")) throw new AppError("forbidden");
  return tp;
}

export async function updateTouchpoint(ctx: TeamCtx, input: z.infer<typeof updateTouchpointSchema>, now = new Date()) {
  const before = await ownTouchpoint(ctx, input.id);
  if (before.deletedAt) throw new AppError("notFound");
  if (before.version !== input.version) throw new AppError("conflict", "staleEdit");
  const ids = await checkLinks(ctx, input, now);
  const occurredAt = input.occurredOn === tokyoDay(before.occurredAt) ? before.occurredAt : occurredAtOf(input.occurredOn, now);
  return ctx.db.$transaction(async (tx) => {
    const res = await tx.touchpoint.updateMany({
      where: { id: input.id, teamId: ctx.teamId, version: input.version },
      data: {
        type: input.type,
        occurredAt,
        summary: input.caseId ? sealText(input.summary) : input.summary,
        principles: input.principles,
        followUpDueOn: dateOnlyOf(input.followUpDueOn),
        caseId: input.caseId ?? null,
        initiativeId: input.initiativeId ?? null,
        version: { increment: 1 },
      },
    });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    await tx.touchpointParticipant.deleteMany({ where: { touchpointId: input.id } });
    await tx.touchpointParticipant.createMany({
      data: ids.map((keyPersonId) => ({ touchpointId: input.id, keyPersonId, teamId: ctx.teamId, type: input.type, occurredAt })),
    });
    const touched = [...new Set([...ids, ...before.participants.map((p) => p.keyPersonId)])];
    await afterWrite(tx, ctx, input.type, occurredAt, touched);
    return { id: input.id };
  });
}

/** Soft delete, so the nurse can undo; it stops counting at once. */
export async function deleteTouchpoint(ctx: TeamCtx, id: string, deleted = true, now = new Date()) {
  const tp = await ownTouchpoint(ctx, id);
  await ctx.db.$transaction(async (tx) => {
    await followGive(tx, ctx.teamId, id, deleted, now);
    await tx.touchpoint.update({ where: { id }, data: { deletedAt: deleted ? new Date() : null, version: { increment: 1 } } });
    await tx.touchpointParticipant.updateMany({ where: { touchpointId: id }, data: { deleted } });
    await refreshLastContact(
      tx,
      ctx.teamId,
      tp.participants.map((p) => p.keyPersonId),
    );
  });
}

/** How long after logging the toast's undo may take a touchpoint back entirely. */
export const UNDO_LOG_MS = 10 * 60_000;

/**
 * Undoes logging a touchpoint (the toast after 記録する): the record goes, and with it what logging
 * it did — thanks it answered are owed again, the follow-up it cleared is open again, and review
 * actions it completed reopen. Later, deleting (with its own undo) is the way.
 */
export async function undoLoggedTouchpoint(ctx: TeamCtx, id: string, now = new Date()) {
  const tp = await ownTouchpoint(ctx, id);
  if (tp.deletedAt) throw new AppError("notFound");
  if (now.getTime() - tp.createdAt.getTime() > UNDO_LOG_MS) throw new AppError("conflict", "undoExpired");
  const ids = tp.participants.map((p) => p.keyPersonId);
  await ctx.db.$transaction(async (tx) => {
    await releaseGives(tx, ctx.teamId, [id]);
    await tx.touchpoint.delete({ where: { id } });
    if (tp.clearedFollowUpId) {
      await tx.touchpoint.updateMany({ where: { id: tp.clearedFollowUpId, teamId: ctx.teamId }, data: { followUpDoneAt: null } });
    }
    await tx.reviewAction.updateMany({
      where: { teamId: ctx.teamId, doneTouchpointId: id },
      data: { doneAt: null, doneTouchpointId: null },
    });
    if (tp.type === "THANKS" && ids.length) {
      // Requests these thanks answered fall back to the next thanks logged after their answer, if any.
      await tx.$executeRaw`
        UPDATE "Request" r SET "thankedAt" = (
          SELECT min(p."occurredAt") FROM "TouchpointParticipant" p
          WHERE p."keyPersonId" = r."keyPersonId" AND p."teamId" = r."teamId" AND p.type = 'THANKS' AND p.deleted = false AND p."occurredAt" >= r."respondedAt")
        WHERE r."teamId" = ${ctx.teamId} AND r."keyPersonId" = ANY(${ids}::text[]) AND r."thankedAt" = ${tp.occurredAt}`;
    }
    await refreshLastContact(tx, ctx.teamId, ids);
  });
}
