// The signed-in nurse's day: what is due, who is owed thanks, who has gone quiet, her give/ask balance.
import type { TeamCtx } from "@/lib/auth/context";
import { DAY_MS, isoDayOf, tokyoToday } from "@/lib/dates";
import { acceptedWhat, thanksOwedSelect, thanksOwedWhere } from "@/lib/requests/accepted";
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

  const weekAhead = new Date(today.getTime() + 7 * DAY_MS);
  const [followUps, thanksOwed, quiet, counts, recent, actions, commitments] = await Promise.all([
    db.touchpoint.findMany({
      where: { teamId, nurseId: userId, deletedAt: null, followUpDoneAt: null, followUpDueOn: { lte: weekAhead } },
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
        select: thanksOwedSelect,
      })
      .then((rs) => rs.map(acceptedWhat)),
    db.keyPerson.findMany({
      where: { teamId, ownerId: userId, archivedAt: null, OR: [{ lastContactAt: null }, { lastContactAt: { lt: quietSince } }] },
      orderBy: { lastContactAt: { sort: "asc", nulls: "first" } },
      take: 5,
      select: { id: true, name: true, title: true, stance: true, lastContactAt: true },
    }),
    homeCounts(ctx, { quietSince, balanceSince, today, weekAhead }),
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
    myOpenActions(ctx, now),
    openCommitments(ctx, userId, now),
  ]);
  const { quietCount, gives, asks, openCases, caseDue, caseOverdue } = counts;

  // A mentor started a review and waits for her reflection (the mentee writes first).
  const reflections = await db.mentorReview.findMany({
    where: { teamId, menteeId: userId, status: "OPEN", selfAt: null },
    orderBy: { createdAt: "asc" },
    take: 3,
    select: { id: true, title: true, mentor: { select: { name: true } } },
  });
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

/**
 * The home page's counts in one statement: people gone quiet, her gives and asks in the balance
 * window, her open cases and their follow-ups due within a week or overdue (counts only: the case
 * list, which is audit-logged, is where their details are read).
 */
async function homeCounts(ctx: TeamCtx, at: { quietSince: Date; balanceSince: Date; today: Date; weekAhead: Date }) {
  const { teamId, userId } = ctx;
  const [row] = await ctx.db.$queryRaw<
    { quietCount: number; gives: number; asks: number; openCases: number; caseDue: number; caseOverdue: number }[]
  >`
    SELECT
      (SELECT count(*)::int FROM "KeyPerson" k
        WHERE k."teamId" = ${teamId} AND k."ownerId" = ${userId} AND k."archivedAt" IS NULL
          AND (k."lastContactAt" IS NULL OR k."lastContactAt" < ${at.quietSince})) AS "quietCount",
      b.gives, b.asks, c."openCases", c."caseDue", c."caseOverdue"
    FROM
      (SELECT count(*) FILTER (WHERE t.type = 'GIVE')::int AS gives, count(*) FILTER (WHERE t.type = 'ASK')::int AS asks
        FROM "Touchpoint" t
        WHERE t."teamId" = ${teamId} AND t."nurseId" = ${userId} AND t."deletedAt" IS NULL
          AND t.type IN ('GIVE', 'ASK') AND t."occurredAt" >= ${at.balanceSince}) b,
      (SELECT count(*)::int AS "openCases",
          count(*) FILTER (WHERE c."nextFollowUpOn" <= ${isoDayOf(at.weekAhead)}::date)::int AS "caseDue",
          count(*) FILTER (WHERE c."nextFollowUpOn" < ${isoDayOf(at.today)}::date)::int AS "caseOverdue"
        FROM "CaseNurse" cn JOIN "Case" c ON c.id = cn."caseId"
        WHERE cn."teamId" = ${teamId} AND cn."userId" = ${userId}
          AND c.status <> 'CLOSED' AND c."deletedAt" IS NULL AND c."withdrawnAt" IS NULL) c`;
  return row;
}
