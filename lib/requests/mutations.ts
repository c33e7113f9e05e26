// Requests (依頼): compose, send, record the answer, thank. Every status change is an event in the
// request's own history; sending is the one ask touchpoint on the person's timeline; acceptance
// makes thanks owed; a recurring agreement schedules its follow-ups so the rhythm holds.
import type { z } from "zod";
import type { TeamCtx } from "@/lib/auth/context";
import { caseLinkProblem } from "@/lib/cases/access";
import { dateOnlyOf, DAY_MS, tokyoToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshLastContact } from "@/lib/touchpoints/mutations";
import { translatorFor } from "@/lib/i18n/translator";
import { promise, withdrawPromise } from "./commitments";
import { contentOf, sameContent, type VersionContent } from "./versions";
import {
  ACCEPTANCES,
  ANSWERS,
  canUndoStatus,
  FREQUENCY_DAYS,
  TRANSITIONS,
  type createRequestSchema,
  type RequestStatus,
  type requestFields,
  type transitionSchema,
  type updateRequestSchema,
} from "./schemas";
import { canChange } from "@/lib/auth/permissions";

type Fields = z.infer<typeof requestFields>;
type Tx = Prisma.TransactionClient;
/** The summary of the ask touchpoint that sending a request writes. */
// Through the translator, never the catalog's text: a built catalog holds compiled messages.
const askSummary = (what: string) => translatorFor("ja")("requests.timeline.SENT", { what });

/** The request's one ask on the person's timeline (the first, should there be more); `live` leaves out a deleted one. */
function requestAsk(tx: Tx, teamId: string, requestId: string, live: boolean) {
  return tx.touchpoint.findFirst({
    where: { teamId, requestId, type: "ASK", ...(live ? { deletedAt: null } : {}) },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { id: true, summary: true, principles: true },
  });
}

async function checkLinks(ctx: TeamCtx, input: Fields) {
  const errors: Record<string, string[]> = {};
  if (!(await ctx.db.keyPerson.count({ where: { id: input.keyPersonId, teamId: ctx.teamId } }))) errors.keyPersonId = ["notFound"];
  if (input.templateId && !(await ctx.db.requestTemplate.count({ where: { id: input.templateId, teamId: ctx.teamId } })))
    errors.templateId = ["notFound"];
  if (input.initiativeId && !(await ctx.db.initiative.count({ where: { id: input.initiativeId, teamId: ctx.teamId } })))
    errors.initiativeId = ["notFound"];
  if (input.caseId) {
    const problem = await caseLinkProblem(ctx, input.caseId);
    if (problem) errors.caseId = [problem];
  }
  if (Object.keys(errors).length) throw new AppError("validation", "validation", errors);
}

function data(input: Fields) {
  return {
    keyPersonId: input.keyPersonId,
    what: input.what,
    doer: input.doer,
    dueOn: dateOnlyOf(input.dueOn),
    effortMinutes: input.effortMinutes ?? null,
    frequency: input.frequency,
    benefit: input.benefit,
    reason: input.reason,
    nurseSupport: input.nurseSupport,
    fallbackWhat: input.fallbackWhat,
    fallbackMinutes: input.fallbackMinutes ?? null,
    principles: input.principles,
    templateId: input.templateId ?? null,
    caseId: input.caseId ?? null,
    initiativeId: input.initiativeId ?? null,
  };
}

export async function createRequest(ctx: TeamCtx, input: z.infer<typeof createRequestSchema>) {
  await checkLinks(ctx, input);
  return ctx.db.request.create({
    data: {
      ...data(input),
      teamId: ctx.teamId,
      nurseId: ctx.userId,
      events: { create: [{ teamId: ctx.teamId, nurseId: ctx.userId, status: "DRAFT", at: new Date() }] },
    },
    select: { id: true },
  });
}

async function ownRequest(ctx: TeamCtx, id: string) {
  const r = await ctx.db.request.findFirst({
    where: { id, teamId: ctx.teamId },
    select: {
      id: true,
      nurseId: true,
      status: true,
      version: true,
      keyPersonId: true,
      what: true,
      fallbackWhat: true,
      principles: true,
      frequency: true,
      nurseSupport: true,
      dueOn: true,
      doer: true,
      effortMinutes: true,
      benefit: true,
      reason: true,
      fallbackMinutes: true,
    },
  });
  if (!r) throw new AppError("notFound");
  if (!canChange(ctx, r, "requests.editAny")) throw new AppError("forbidden");
  return r;
}

/**
 * Keeps what the request says now as its next version, unless the last one says the same: on sending
 * (第1版, as sent) and on every edit after it. Versions are never rewritten.
 */
async function recordVersion(tx: Tx, ctx: TeamCtx, requestId: string, content: VersionContent, now: Date) {
  content = contentOf(content);
  const last = await tx.requestVersion.findFirst({ where: { requestId }, orderBy: { number: "desc" } });
  if (last && sameContent(contentOf(last), content)) return;
  await tx.requestVersion.create({
    data: { ...content, teamId: ctx.teamId, requestId, nurseId: ctx.userId, number: (last?.number ?? 0) + 1, at: now },
  });
}

export async function updateRequest(ctx: TeamCtx, input: z.infer<typeof updateRequestSchema>, now = new Date()) {
  const r = await ownRequest(ctx, input.id);
  if (r.status !== "DRAFT" && r.status !== "SENT") throw new AppError("conflict", "requestLocked");
  await checkLinks(ctx, input);
  await ctx.db.$transaction(async (tx) => {
    const res = await tx.request.updateMany({
      where: { id: input.id, teamId: ctx.teamId, version: input.version },
      data: { ...data(input), version: { increment: 1 } },
    });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    if (r.status !== "SENT") return;
    // Sent is sent: the change is a new version beside what went out, and the ask on the person's
    // timeline keeps the words that were sent. Only a wrong person is corrected on it.
    await recordVersion(tx, ctx, r.id, data(input), now);
    const ask = await requestAsk(tx, ctx.teamId, r.id, false);
    if (!ask) return;
    if (input.keyPersonId !== r.keyPersonId) {
      await tx.touchpointParticipant.updateMany({
        where: { touchpointId: ask.id, keyPersonId: r.keyPersonId },
        data: { keyPersonId: input.keyPersonId },
      });
      await refreshLastContact(tx, ctx.teamId, [r.keyPersonId, input.keyPersonId]);
    }
  });
  return { id: input.id };
}

export async function transitionRequest(ctx: TeamCtx, input: z.infer<typeof transitionSchema>, now = new Date()) {
  const r = await ownRequest(ctx, input.id);
  if (r.version !== input.version) throw new AppError("conflict", "staleEdit");
  const from = r.status as RequestStatus;
  if (!TRANSITIONS[from].includes(input.to)) throw new AppError("conflict", "invalidTransition");
  if (input.to === "FALLBACK_SENT" && !r.fallbackWhat) throw new AppError("validation", "validation", { fallbackWhat: ["required"] });
  const accepted = ACCEPTANCES.includes(input.to);
  const answered = ANSWERS.includes(input.to);
  const every = FREQUENCY_DAYS[r.frequency];
  const update: Prisma.RequestUpdateManyMutationInput = { status: input.to, version: { increment: 1 } };
  if (input.to === "SENT" || input.to === "FALLBACK_SENT") update.sentAt = now;
  if (answered) update.respondedAt = now;
  if (accepted) update.thankedAt = null;
  await ctx.db.$transaction(async (tx) => {
    const res = await tx.request.updateMany({ where: { id: r.id, teamId: ctx.teamId, version: input.version }, data: update });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    await tx.requestEvent.create({ data: { teamId: ctx.teamId, requestId: r.id, nurseId: ctx.userId, status: input.to, at: now } });
    if (input.to === "SENT") await recordVersion(tx, ctx, r.id, r, now);
    // Sending is the one ask of the request: a touchpoint on the person's timeline and in the balance.
    // The fallback is part of that ask, and the answers are the request's own history.
    const ask = await requestAsk(tx, ctx.teamId, r.id, true);
    if (input.to === "SENT" && !ask) {
      await tx.touchpoint.create({
        data: {
          teamId: ctx.teamId,
          type: "ASK",
          occurredAt: now,
          nurseId: ctx.userId,
          summary: askSummary(r.what),
          principles: r.principles,
          requestId: r.id,
          participants: { create: [{ keyPersonId: r.keyPersonId, teamId: ctx.teamId, type: "ASK", occurredAt: now }] },
        },
      });
      await refreshLastContact(tx, ctx.teamId, [r.keyPersonId]);
    }
    if (ask && input.to === "FALLBACK_SENT" && !ask.principles.includes("CONTRAST")) {
      await tx.touchpoint.update({
        where: { id: ask.id },
        data: { principles: [...ask.principles, "CONTRAST"], version: { increment: 1 } },
      });
    }
    // Her own part of an accepted request becomes a dated promise on her home page.
    if (accepted) await promise(tx, ctx.teamId, r, now);
    // An accepted recurring agreement books its first check-in on the ask; each one logged books the next.
    if (ask && accepted && every) {
      await tx.touchpoint.update({
        where: { id: ask.id },
        data: { followUpDueOn: new Date(tokyoToday(now).getTime() + every * DAY_MS), followUpDoneAt: null, version: { increment: 1 } },
      });
    }
  });
  return { id: r.id, status: input.to };
}

/**
 * Takes back the last status recorded (a mis-tap on 承諾された / 断られた, a fallback or 完了 too
 * early): the request returns to its previous status, the event stays in the history marked undone,
 * and what the status set goes with it (the answer's time, a recurring agreement's booked check-in,
 * the fallback's mark on the ask). Sending is not taken back: the ask is on the timeline.
 */
export async function undoRequestStatus(ctx: TeamCtx, input: { id: string; version: number }, now = new Date()) {
  const r = await ownRequest(ctx, input.id);
  if (r.version !== input.version) throw new AppError("conflict", "staleEdit");
  const events = await ctx.db.requestEvent.findMany({
    where: { requestId: r.id, teamId: ctx.teamId, undoneAt: null },
    // In the order they were recorded (an answer may be dated earlier than it was entered).
    orderBy: [{ createdAt: "asc" }, { at: "asc" }],
    select: { id: true, status: true, at: true },
  });
  const last = events.at(-1);
  const previous = events.at(-2);
  if (!last || !previous || last.status !== r.status || !canUndoStatus(last.status)) throw new AppError("conflict", "nothingToUndo");
  const remaining = events.slice(0, -1);
  const lastAnswer = remaining.filter((e) => ANSWERS.includes(e.status)).at(-1);
  const lastSend = remaining.filter((e) => e.status === "SENT" || e.status === "FALLBACK_SENT").at(-1);
  await ctx.db.$transaction(async (tx) => {
    const res = await tx.request.updateMany({
      where: { id: r.id, teamId: ctx.teamId, version: input.version },
      data: { status: previous.status, respondedAt: lastAnswer?.at ?? null, sentAt: lastSend?.at ?? null, version: { increment: 1 } },
    });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    await tx.requestEvent.update({ where: { id: last.id }, data: { undoneAt: now } });
    if (ACCEPTANCES.includes(last.status)) await withdrawPromise(tx, ctx.teamId, r.id);
    const ask = await requestAsk(tx, ctx.teamId, r.id, true);
    if (!ask) return;
    // An acceptance of a recurring agreement booked a check-in on the ask: not agreed after all.
    if (ACCEPTANCES.includes(last.status) && FREQUENCY_DAYS[r.frequency]) {
      await tx.touchpoint.updateMany({
        where: { id: ask.id, followUpDoneAt: null },
        data: { followUpDueOn: null, version: { increment: 1 } },
      });
    }
    // Sending the fallback marked the ask as offering a contrast: unless the request itself did.
    if (last.status === "FALLBACK_SENT" && !r.principles.includes("CONTRAST")) {
      await tx.touchpoint.update({
        where: { id: ask.id },
        data: { principles: ask.principles.filter((p) => p !== "CONTRAST"), version: { increment: 1 } },
      });
    }
  });
  return { id: r.id, status: previous.status };
}

export async function deleteDraft(ctx: TeamCtx, id: string) {
  const r = await ownRequest(ctx, id);
  if (r.status !== "DRAFT") throw new AppError("conflict", "requestLocked");
  await ctx.db.request.delete({ where: { id } });
}
