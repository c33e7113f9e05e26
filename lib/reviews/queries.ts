// Reading reviews: the list a mentor, mentee or admin may see, one review with its threads, actions
// and "since last review", the mentor dashboard, and the mentee's open actions for her home page.
import { openCommitments } from "@/lib/requests/commitments";
import type { TeamCtx } from "@/lib/auth/context";
import { DAY_MS, tokyoToday } from "@/lib/dates";
import { ACCEPTED } from "@/lib/requests/accepted";
import { STANCES } from "@/lib/key-persons/schemas";
import { menteesOf } from "@/lib/map/access";
import { diffSnapshots, readSnapshot } from "@/lib/map/snapshot";
import { reviewFor } from "./access";
import { can } from "@/lib/auth/permissions";

const STANCE_ORDER = [...STANCES];
export const DASHBOARD_DAYS = 90;

/** Reviews ctx may see: her own as mentee, her mentees' as mentor, all as admin. Newest first. */
export async function listReviews(ctx: TeamCtx, take = 100) {
  // Admins see every review; only a mentor's list depends on her mentees.
  const all = can(ctx.role, "reviews.readAll");
  const menteeIds = !all && can(ctx.role, "reviews.write") ? (await menteesOf(ctx)).map((m) => m.id) : [];
  const where = all
    ? { teamId: ctx.teamId }
    : { teamId: ctx.teamId, OR: [{ menteeId: ctx.userId }, { mentorId: ctx.userId }, { menteeId: { in: menteeIds } }] };
  return ctx.db.mentorReview.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      title: true,
      status: true,
      createdAt: true,
      selfAt: true,
      mentor: { select: { id: true, name: true } },
      mentee: { select: { id: true, name: true } },
      _count: { select: { comments: true, actions: true } },
    },
  });
}

export async function reviewDetail(ctx: TeamCtx, id: string, now = new Date()) {
  const { as } = await reviewFor(ctx, id);
  const review = await ctx.db.mentorReview.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      title: true,
      status: true,
      createdAt: true,
      snapshot: true,
      version: true,
      selfWentWell: true,
      selfStuck: true,
      selfAt: true,
      mentor: { select: { id: true, name: true } },
      mentee: { select: { id: true, name: true } },
      comments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          body: true,
          createdAt: true,
          editedAt: true,
          parentId: true,
          keyPersonId: true,
          linkId: true,
          author: { select: { id: true, name: true } },
        },
      },
      actions: {
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          dueOn: true,
          doneAt: true,
          doneTouchpointId: true,
          keyPerson: { select: { id: true, name: true } },
        },
      },
    },
  });
  const snapshot = readSnapshot(review.snapshot);
  const previous = await ctx.db.mentorReview.findFirst({
    where: { teamId: ctx.teamId, menteeId: review.mentee.id, createdAt: { lt: review.createdAt } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      createdAt: true,
      snapshot: true,
      actions: { select: { id: true, title: true, dueOn: true, doneAt: true } },
    },
  });
  const since = previous ? await sinceLastReview(ctx, review.mentee.id, previous, review.createdAt, snapshot) : null;
  // Her open promises: a broken one costs the trust her gives built, so the mentor sees them.
  const commitments = await openCommitments(ctx, review.mentee.id, now, 20);
  const today = tokyoToday(now);
  const top = review.comments.filter((c) => !c.parentId);
  return {
    as,
    review: { ...review, snapshot: undefined },
    snapshot,
    threads: top.map((c) => ({ ...c, replies: review.comments.filter((r) => r.parentId === c.id) })),
    actions: review.actions.map((a) => ({ ...a, overdue: !a.doneAt && a.dueOn < today })),
    since,
    commitments: commitments.rows,
    overdueCommitments: commitments.overdue,
  };
}

type Previous = {
  id: string;
  title: string;
  createdAt: Date;
  snapshot: unknown;
  actions: { id: string; title: string; dueOn: Date; doneAt: Date | null }[];
};

/** What changed between the previous review and this one: computed from snapshots and records. */
async function sinceLastReview(ctx: TeamCtx, menteeId: string, previous: Previous, until: Date, current: ReturnType<typeof readSnapshot>) {
  const before = readSnapshot(previous.snapshot);
  const counts = await ctx.db.touchpoint.groupBy({
    by: ["type"],
    where: { teamId: ctx.teamId, nurseId: menteeId, deletedAt: null, occurredAt: { gte: previous.createdAt, lt: until } },
    _count: { _all: true },
  });
  const total = counts.reduce((n, c) => n + c._count._all, 0);
  const of = (type: string) => counts.find((c) => c.type === type)?._count._all ?? 0;
  return {
    previous: { id: previous.id, title: previous.title, createdAt: previous.createdAt },
    diff: before && current ? diffSnapshots(before, current) : null,
    // Names and department labels of both maps, for people and departments that left since.
    names: Object.fromEntries([...(before?.people ?? []), ...(current?.people ?? [])].map((p) => [p.id, p.name])),
    labels: Object.fromEntries([...(before?.departments ?? []), ...(current?.departments ?? [])].map((d) => [d.id, d.label])),
    touchpoints: total,
    gives: of("GIVE"),
    asks: of("ASK"),
    actionsDone: previous.actions.filter((a) => a.doneAt && a.doneAt <= until),
    actionsOverdue: previous.actions.filter((a) => !(a.doneAt && a.doneAt <= until) && a.dueOn.getTime() < until.getTime()),
  };
}

/** Per mentee: give/ask balance, request acceptance, stance moves, overdue actions, last review. */
export async function mentorDashboard(ctx: TeamCtx, now = new Date()) {
  const mentees = await menteesOf(ctx);
  const ids = mentees.map((m) => m.id);
  if (ids.length === 0) return [];
  const since = new Date(now.getTime() - DASHBOARD_DAYS * DAY_MS);
  const today = tokyoToday(now);
  const [balance, requests, moves, overdue, last] = await Promise.all([
    ctx.db.touchpoint.groupBy({
      by: ["nurseId", "type"],
      where: { teamId: ctx.teamId, nurseId: { in: ids }, deletedAt: null, type: { in: ["GIVE", "ASK"] }, occurredAt: { gte: since } },
      _count: { _all: true },
    }),
    ctx.db.request.groupBy({
      by: ["nurseId", "status"],
      where: { teamId: ctx.teamId, nurseId: { in: ids }, respondedAt: { gte: since } },
      _count: { _all: true },
    }),
    ctx.db.$queryRaw<{ ownerId: string; up: number; down: number }[]>`
      SELECT k."ownerId",
        count(*) FILTER (WHERE array_position(${STANCE_ORDER}::text[], s."toStance"::text) > array_position(${STANCE_ORDER}::text[], s."fromStance"::text))::int AS up,
        count(*) FILTER (WHERE array_position(${STANCE_ORDER}::text[], s."toStance"::text) < array_position(${STANCE_ORDER}::text[], s."fromStance"::text))::int AS down
      FROM "StanceChange" s JOIN "KeyPerson" k ON k.id = s."keyPersonId"
      WHERE s."teamId" = ${ctx.teamId} AND s."changedAt" >= ${since} AND s."fromStance" IS NOT NULL AND k."ownerId" = ANY(${ids}::text[])
      GROUP BY k."ownerId"`,
    ctx.db.reviewAction.groupBy({
      by: ["menteeId"],
      where: { teamId: ctx.teamId, menteeId: { in: ids }, doneAt: null, dueOn: { lt: today } },
      _count: { _all: true },
    }),
    ctx.db.mentorReview.groupBy({ by: ["menteeId"], where: { teamId: ctx.teamId, menteeId: { in: ids } }, _max: { createdAt: true } }),
  ]);
  return mentees.map((m) => {
    const count = (type: string) => balance.find((b) => b.nurseId === m.id && b.type === type)?._count._all ?? 0;
    const mine = requests.filter((r) => r.nurseId === m.id);
    const answered = mine.reduce((n, r) => n + r._count._all, 0);
    const accepted = mine.filter((r) => (ACCEPTED as readonly string[]).includes(r.status)).reduce((n, r) => n + r._count._all, 0);
    const mv = moves.find((x) => x.ownerId === m.id);
    return {
      ...m,
      gives: count("GIVE"),
      asks: count("ASK"),
      answered,
      acceptance: answered ? accepted / answered : null,
      up: mv?.up ?? 0,
      down: mv?.down ?? 0,
      overdue: overdue.find((o) => o.menteeId === m.id)?._count._all ?? 0,
      lastReviewAt: last.find((l) => l.menteeId === m.id)?._max.createdAt ?? null,
    };
  });
}

/** The mentee's open action items, for her home reminders. */
export async function myOpenActions(ctx: TeamCtx, now = new Date(), take = 8) {
  const today = tokyoToday(now);
  const rows = await ctx.db.reviewAction.findMany({
    where: { teamId: ctx.teamId, menteeId: ctx.userId, doneAt: null },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take,
    select: { id: true, title: true, dueOn: true, reviewId: true, keyPerson: { select: { id: true, name: true } } },
  });
  return rows.map((a) => ({ ...a, overdue: a.dueOn < today }));
}
