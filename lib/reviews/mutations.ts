// Reviews: the mentor starts one from the mentee's map (kept as a snapshot), the mentee reflects
// first, the mentor comments (on the map, a person or a link) and sets a few dated action items;
// both reply in threads. Each step notifies the other side.
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { dateOnlyOf, tokyoDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireCoach } from "@/lib/map/access";
import { loadMap } from "@/lib/map/queries";
import { takeSnapshot } from "@/lib/map/snapshot";
import { reviewFor } from "./access";
import { notify } from "./notifications";
import {
  MAX_ACTIONS,
  type actionSchema,
  type commentSchema,
  type editCommentSchema,
  type selfReflectionSchema,
  type startReviewSchema,
} from "./schemas";

/** A person a comment or action names must be the team's own (another team's is "not found"). */
async function requireTeamPerson(ctx: TeamCtx, id: string | null) {
  if (id && !(await ctx.db.keyPerson.count({ where: { id, teamId: ctx.teamId } }))) throw new AppError("notFound");
}

export async function startReview(ctx: TeamCtx, input: z.infer<typeof startReviewSchema>, now = new Date()) {
  requirePermission(ctx, "reviews.write");
  await requireCoach(ctx, input.menteeId);
  const map = await loadMap(ctx, { kind: "mentee", userId: input.menteeId }, now);
  const snapshot = takeSnapshot(map, now);
  const [y, m] = tokyoDay(now).split("-");
  return ctx.db.$transaction(async (tx) => {
    const review = await tx.mentorReview.create({
      data: {
        teamId: ctx.teamId,
        mentorId: ctx.userId,
        menteeId: input.menteeId,
        title: input.title || `${Number(y)}年${Number(m)}月のふりかえり`,
        snapshot: snapshot as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: "review.start", entityType: "MentorReview", entityId: review.id });
    await notify(tx, ctx, input.menteeId, "review.started", review.id);
    return review;
  });
}

export async function saveSelfReflection(ctx: TeamCtx, input: z.infer<typeof selfReflectionSchema>, now = new Date()) {
  const { review, as } = await reviewFor(ctx, input.reviewId);
  if (as !== "mentee") throw new AppError("forbidden");
  if (review.status !== "OPEN") throw new AppError("conflict", "reviewClosed");
  return ctx.db.$transaction(async (tx) => {
    const saved = await tx.mentorReview.updateMany({
      where: { id: review.id, teamId: ctx.teamId, version: input.version },
      data: { selfWentWell: input.wentWell, selfStuck: input.stuck, selfAt: now, version: { increment: 1 } },
    });
    if (saved.count === 0) throw new AppError("conflict", "staleEdit");
    await notify(tx, ctx, review.mentorId, "review.self", review.id);
    return { version: input.version + 1 };
  });
}

export async function addComment(ctx: TeamCtx, input: z.infer<typeof commentSchema>) {
  const { review, as } = await reviewFor(ctx, input.reviewId);
  // The mentee answers in threads; comments on the map itself are the mentor's.
  if (as === "mentee" && !input.parentId) throw new AppError("forbidden");
  if (input.parentId) {
    const parent = await ctx.db.reviewComment.findFirst({
      where: { id: input.parentId, reviewId: review.id, parentId: null },
      select: { id: true },
    });
    if (!parent) throw new AppError("notFound");
  }
  await requireTeamPerson(ctx, input.keyPersonId);
  if (input.linkId && !(await ctx.db.personLink.count({ where: { id: input.linkId, teamId: ctx.teamId } }))) throw new AppError("notFound");
  return ctx.db.$transaction(async (tx) => {
    const comment = await tx.reviewComment.create({
      data: {
        teamId: ctx.teamId,
        reviewId: review.id,
        authorId: ctx.userId,
        body: input.body,
        parentId: input.parentId,
        keyPersonId: input.parentId ? null : input.keyPersonId,
        linkId: input.parentId ? null : input.linkId,
      },
      select: { id: true },
    });
    const other = as === "mentee" ? review.mentorId : review.menteeId;
    await notify(tx, ctx, other, input.parentId ? "review.reply" : "review.comment", review.id);
    return comment;
  });
}

/** Only the author edits her own words: a mentee cannot change the mentor's comments. */
export async function editComment(ctx: TeamCtx, input: z.infer<typeof editCommentSchema>, now = new Date()) {
  const comment = await ctx.db.reviewComment.findFirst({
    where: { id: input.id, teamId: ctx.teamId },
    select: { id: true, reviewId: true, authorId: true },
  });
  if (!comment) throw new AppError("notFound");
  await reviewFor(ctx, comment.reviewId);
  if (comment.authorId !== ctx.userId) throw new AppError("forbidden");
  await ctx.db.reviewComment.update({ where: { id: comment.id }, data: { body: input.body, editedAt: now } });
}

export async function addAction(ctx: TeamCtx, input: z.infer<typeof actionSchema>) {
  const { review, as } = await reviewFor(ctx, input.reviewId);
  if (as !== "mentor") throw new AppError("forbidden");
  await requireTeamPerson(ctx, input.keyPersonId);
  return ctx.db.$transaction(async (tx) => {
    const count = await tx.reviewAction.count({ where: { reviewId: review.id } });
    if (count >= MAX_ACTIONS) throw new AppError("validation", "validation", { title: ["tooManyActions"] });
    const action = await tx.reviewAction.create({
      data: {
        teamId: ctx.teamId,
        reviewId: review.id,
        menteeId: review.menteeId,
        title: input.title,
        dueOn: dateOnlyOf(input.dueOn)!,
        keyPersonId: input.keyPersonId,
      },
      select: { id: true },
    });
    await notify(tx, ctx, review.menteeId, "review.action", review.id);
    return action;
  });
}

/** The mentee ticks an action off (from home or the review); the mentor may too. Undo with done=false. */
export async function setActionDone(ctx: TeamCtx, id: string, done: boolean, now = new Date()) {
  const action = await ctx.db.reviewAction.findFirst({
    where: { id, teamId: ctx.teamId },
    select: { id: true, reviewId: true, menteeId: true },
  });
  if (!action) throw new AppError("notFound");
  const { review } = await reviewFor(ctx, action.reviewId);
  await ctx.db.$transaction(async (tx) => {
    await tx.reviewAction.update({ where: { id: action.id }, data: done ? { doneAt: now } : { doneAt: null, doneTouchpointId: null } });
    if (done) await notify(tx, ctx, review.mentorId, "review.actionDone", review.id);
  });
}

/** Logging a touchpoint with an action's person completes her open actions about that person. */
export async function completeActionsByTouchpoint(
  tx: Pick<Prisma.TransactionClient, "reviewAction" | "notification">,
  ctx: TeamCtx,
  touchpointId: string,
  keyPersonIds: string[],
  now = new Date(),
) {
  if (keyPersonIds.length === 0) return;
  const open = await tx.reviewAction.findMany({
    where: { teamId: ctx.teamId, menteeId: ctx.userId, doneAt: null, keyPersonId: { in: keyPersonIds } },
    select: { id: true, reviewId: true, review: { select: { mentorId: true } } },
  });
  if (open.length === 0) return;
  await tx.reviewAction.updateMany({ where: { id: { in: open.map((a) => a.id) } }, data: { doneAt: now, doneTouchpointId: touchpointId } });
  for (const reviewId of new Set(open.map((a) => a.reviewId))) {
    await notify(tx, ctx, open.find((a) => a.reviewId === reviewId)!.review.mentorId, "review.actionDone", reviewId);
  }
}

export async function closeReview(ctx: TeamCtx, id: string) {
  const { review, as } = await reviewFor(ctx, id);
  if (as !== "mentor") throw new AppError("forbidden");
  await ctx.db.mentorReview.update({
    where: { id: review.id },
    data: { status: review.status === "OPEN" ? "DONE" : "OPEN", version: { increment: 1 } },
  });
}
