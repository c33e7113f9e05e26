// The signed-in nurse's day: what is due, who is owed thanks, who has gone quiet, her give/ask balance.
import type { TeamCtx } from "@/lib/auth/context";
import { DAY_MS, tokyoToday } from "@/lib/dates";
import { acceptedWhat, thanksOwedWhere } from "@/lib/requests/accepted";
import { openCommitments } from "@/lib/requests/commitments";
import { myOpenActions } from "@/lib/reviews/queries";
import { giveTargets } from "@/lib/touchpoints/queries";
import { openSealed } from "@/lib/crypto/sealed-text";

export const BALANCE_DAYS = 90;

export async function getMyDay(ctx: TeamCtx, now = new Date()) {
  const { db, teamId, userId } = ctx;
  const today = tokyoToday(now);
  const quietSince = new Date(now.getTime() - ctx.team.noContactDays * DAY_MS);
  const balanceSince = new Date(now.getTime() - BALANCE_DAYS * DAY_MS);

  const myOpen = { teamId, userId, case: { status: { not: "CLOSED" as const }, deletedAt: null, withdrawnAt: null } };
  const [followUps, thanksOwed, quiet, quietCount, balance, recent, openCases, actions, caseDue, caseOverdue, commitments] =
    await Promise.all([
      db.touchpoint.findMany({
        where: {
          teamId,
          nurseId: userId,
          deletedAt: null,
          followUpDoneAt: null,
          followUpDueOn: { lte: new Date(today.getTime() + 7 * DAY_MS) },
        },
        orderBy: { followUpDueOn: "asc" },
        take: 8,
        select: {
          id: true,
          type: true,
          summary: true,
          followUpDueOn: true,
          participants: { select: { keyPerson: { select: { id: true, name: true } } } },
        },
      }),
      db.request
        .findMany({
          where: { teamId, nurseId: userId, ...thanksOwedWhere },
          orderBy: { respondedAt: "asc" },
          take: 8,
          select: {
            id: true,
            what: true,
            fallbackWhat: true,
            status: true,
            respondedAt: true,
            keyPerson: { select: { id: true, name: true } },
          },
        })
        .then((rs) => rs.map(acceptedWhat)),
      db.keyPerson.findMany({
        where: { teamId, ownerId: userId, archivedAt: null, OR: [{ lastContactAt: null }, { lastContactAt: { lt: quietSince } }] },
        orderBy: { lastContactAt: { sort: "asc", nulls: "first" } },
        take: 5,
        select: { id: true, name: true, title: true, stance: true, lastContactAt: true },
      }),
      db.keyPerson.count({
        where: { teamId, ownerId: userId, archivedAt: null, OR: [{ lastContactAt: null }, { lastContactAt: { lt: quietSince } }] },
      }),
      db.touchpoint.groupBy({
        by: ["type"],
        where: { teamId, nurseId: userId, deletedAt: null, type: { in: ["GIVE", "ASK"] }, occurredAt: { gte: balanceSince } },
        _count: { _all: true },
      }),
      db.touchpoint.findMany({
        where: { teamId, nurseId: userId, deletedAt: null },
        orderBy: { occurredAt: "desc" },
        take: 5,
        select: {
          id: true,
          type: true,
          occurredAt: true,
          summary: true,
          participants: { select: { keyPerson: { select: { id: true, name: true } } } },
        },
      }),
      db.caseNurse.count({ where: myOpen }),
      myOpenActions(ctx, now),
      // Case follow-ups as counts only: the case list (audit-logged) is where their details are read.
      db.caseNurse.count({
        where: { ...myOpen, case: { ...myOpen.case, nextFollowUpOn: { lte: new Date(today.getTime() + 7 * DAY_MS) } } },
      }),
      db.caseNurse.count({ where: { ...myOpen, case: { ...myOpen.case, nextFollowUpOn: { lt: today } } } }),
      openCommitments(ctx, userId, now),
    ]);

  // A mentor started a review and waits for her reflection (the mentee writes first).
  const reflections = await db.mentorReview.findMany({
    where: { teamId, menteeId: userId, status: "OPEN", selfAt: null },
    orderBy: { createdAt: "asc" },
    take: 3,
    select: { id: true, title: true, mentor: { select: { name: true } } },
  });
  const gives = balance.find((b) => b.type === "GIVE")?._count._all ?? 0;
  const asks = balance.find((b) => b.type === "ASK")?._count._all ?? 0;
  const targets = asks > gives ? await giveTargets(ctx, now) : [];
  return {
    today,
    followUps: openSealed(followUps).map((f) => ({
      ...f,
      overdue: f.followUpDueOn !== null && f.followUpDueOn < today,
      people: f.participants.map((p) => p.keyPerson),
    })),
    thanksOwed,
    quiet,
    quietCount,
    balance: { gives, asks, days: BALANCE_DAYS, asksMore: asks > gives, targets },
    recent: openSealed(recent).map((r) => ({ ...r, people: r.participants.map((p) => p.keyPerson) })),
    openCases,
    caseFollowUps: { due: caseDue, overdue: caseOverdue },
    actions,
    reflections,
    commitments: commitments.rows,
    overdueCommitments: commitments.overdue,
  };
}
