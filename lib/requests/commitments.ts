// Commitments (約束): the nurse's own part of an accepted request ("資料作成は私が担当します") as a
// dated promise. "Give first" only builds trust if the give arrives: an accepted request with a part
// of her own puts that part on her home page with a date, logging the give that delivers it keeps
// it, and an overdue one is flagged to her and to her mentor in the review.
import { z } from "zod";
import type { TeamCtx } from "@/lib/auth/context";
import { dateOnlyOf, DAY_MS, tokyoToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDate } from "@/lib/zod-helpers";
import { canChange } from "@/lib/auth/permissions";

type Tx = Prisma.TransactionClient;
/** Without a request date (or with one already past), a promise is due a week after the answer. */
const DEFAULT_DAYS = 7;

export const commitmentDueSchema = z.object({ id: z.string().min(1).max(64), dueOn: isoDate });

/** The promise's date: the request's own date while it lies ahead, else a week from today. */
export function commitmentDueOf(requestDueOn: Date | null, now: Date): Date {
  const today = tokyoToday(now);
  return requestDueOn && requestDueOn >= today ? requestDueOn : new Date(today.getTime() + DEFAULT_DAYS * DAY_MS);
}

type Accepted = { id: string; nurseId: string; keyPersonId: string; nurseSupport: string; dueOn: Date | null };

/** On acceptance: her part of the request becomes a promise (none when she offered no part). */
export async function promise(tx: Tx, teamId: string, r: Accepted, now: Date) {
  const what = r.nurseSupport.trim();
  if (!what) return;
  await tx.commitment.upsert({
    where: { requestId: r.id },
    create: {
      teamId,
      requestId: r.id,
      nurseId: r.nurseId,
      keyPersonId: r.keyPersonId,
      what,
      dueOn: commitmentDueOf(r.dueOn, now),
      createdAt: now,
    },
    update: {},
  });
}

/** Undoing the acceptance takes back a promise not yet kept. */
export async function withdrawPromise(tx: Tx, teamId: string, requestId: string) {
  await tx.commitment.deleteMany({ where: { teamId, requestId, doneAt: null } });
}

/** The open promise a touchpoint is logged to keep: hers, in her team, still open. */
export async function keepable(ctx: TeamCtx, id: string) {
  return ctx.db.commitment.findFirst({
    where: { id, teamId: ctx.teamId, nurseId: ctx.userId, doneAt: null },
    select: { id: true, requestId: true, what: true, createdAt: true },
  });
}

/** The give is logged: the promise is kept (a second give for a kept one changes nothing). */
export async function keep(tx: Tx, teamId: string, id: string, touchpointId: string, now: Date) {
  await tx.commitment.updateMany({ where: { id, teamId, doneAt: null }, data: { doneAt: now, touchpointId } });
}

/** Deleting the give reopens its promise; restoring it keeps the promise again. */
export async function followGive(tx: Tx, teamId: string, touchpointId: string, deleted: boolean, now: Date) {
  await tx.commitment.updateMany({ where: { teamId, touchpointId }, data: { doneAt: deleted ? null : now } });
}

/** These gives are gone for good (the log undone, or the person erased): what they kept is open again. */
export async function releaseGives(tx: Tx, teamId: string, touchpointIds: string[]) {
  await tx.commitment.updateMany({ where: { teamId, touchpointId: { in: touchpointIds } }, data: { doneAt: null, touchpointId: null } });
}

/** Moves the date of a promise: hers, or any for an admin. */
export async function setCommitmentDue(ctx: TeamCtx, input: z.infer<typeof commitmentDueSchema>) {
  const c = await ctx.db.commitment.findFirst({ where: { id: input.id, teamId: ctx.teamId }, select: { nurseId: true } });
  if (!c) throw new AppError("notFound");
  if (!canChange(ctx, c, "requests.editAny")) throw new AppError("forbidden");
  await ctx.db.commitment.update({ where: { id: input.id }, data: { dueOn: dateOnlyOf(input.dueOn)! } });
}

const openSelect = { id: true, what: true, dueOn: true, requestId: true, keyPerson: { select: { id: true, name: true } } } as const;

/** A nurse's open promises by date, each marked overdue once its day has passed. */
export async function openCommitments(ctx: TeamCtx, nurseId: string, now: Date, take = 8) {
  const today = tokyoToday(now);
  const where = { teamId: ctx.teamId, nurseId, doneAt: null };
  const [rows, overdue] = await Promise.all([
    ctx.db.commitment.findMany({ where, orderBy: [{ dueOn: "asc" }, { id: "asc" }], take, select: openSelect }),
    ctx.db.commitment.count({ where: { ...where, dueOn: { lt: today } } }),
  ]);
  return { rows: rows.map((c) => ({ ...c, overdue: c.dueOn < today })), overdue };
}
