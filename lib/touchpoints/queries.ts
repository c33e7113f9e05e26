// Reading touchpoints: the team's log, the give/ask balance per nurse, and whom to give to next.
import { STRENGTH_WINDOW_DAYS } from "@/lib/map/strength";
import type { TeamCtx } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { escapeLike } from "@/lib/search/like";
import { searchKey } from "@/lib/search/normalize";
import { z } from "zod";
import { TOUCHPOINT_TYPES } from "./schemas";
import { openSealed } from "@/lib/crypto/sealed-text";
import { DAY_MS, firstOfLastDays, jstDayStart } from "@/lib/dates";
import { canChange } from "@/lib/auth/permissions";

/** What a touchpoint shows wherever it is listed. */
export const touchpointSelect = {
  id: true,
  type: true,
  occurredAt: true,
  summary: true,
  principles: true,
  followUpDueOn: true,
  followUpDoneAt: true,
  nurseId: true,
  nurse: { select: { name: true } },
} satisfies Prisma.TouchpointSelect;

export const touchpointListSchema = z.object({
  nurseId: z.string().min(1).optional().catch(undefined),
  type: z.enum(TOUCHPOINT_TYPES).optional().catch(undefined),
  days: z.coerce.number().int().min(1).max(3650).default(90).catch(90),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(30).catch(30),
});

/**
 * The team's log over the last `days` JST days, today included (as the balance beside it), newest
 * first, a page at a time. The total is summed from the daily rollup (TouchpointDaily: the same
 * touchpoints, deleted ones out, by day, nurse and type) instead of counting 84,000 rows of a
 * 90-day window at bench scale on every page (14–43 ms in the database).
 */
export async function listTouchpoints(ctx: TeamCtx, f: z.infer<typeof touchpointListSchema>, now = new Date()) {
  const firstDay = firstOfLastDays(f.days, now);
  const filters = { ...(f.nurseId ? { nurseId: f.nurseId } : {}), ...(f.type ? { type: f.type } : {}) };
  const where: Prisma.TouchpointWhereInput = {
    teamId: ctx.teamId,
    deletedAt: null,
    occurredAt: { gte: jstDayStart(firstDay) },
    ...filters,
  };
  const [total, rows] = await Promise.all([
    ctx.db.touchpointDaily
      .aggregate({ where: { teamId: ctx.teamId, day: { gte: firstDay }, ...filters }, _sum: { n: true } })
      .then((r) => r._sum.n ?? 0),
    ctx.db.touchpoint.findMany({
      where,
      // A day's touchpoints share one time: the tie-break follows the index (teamId, occurredAt, id).
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: {
        ...touchpointSelect,
        participants: { select: { keyPerson: { select: { id: true, name: true } } } },
      },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / f.pageSize)), page: f.page, rows: openSealed(rows) };
}

/**
 * Gives and asks per nurse over the last `days` JST days, today included, from the daily rollup the
 * database keeps (TouchpointDaily: deleted ones out, a touchpoint handed over moves with it): a few
 * thousand rows instead of every touchpoint of the period (18 → 3 ms at bench scale).
 */
export async function balanceByNurse(ctx: TeamCtx, days: number, now = new Date()) {
  const since = firstOfLastDays(days, now);
  const [counts, members] = await Promise.all([
    ctx.db.touchpointDaily.groupBy({
      by: ["nurseId", "type"],
      where: { teamId: ctx.teamId, day: { gte: since }, type: { in: ["GIVE", "ASK", "THANKS"] } },
      _sum: { n: true },
    }),
    ctx.db.membership.findMany({
      where: { teamId: ctx.teamId, status: "ACTIVE" },
      orderBy: { createdAt: "asc" },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  return members.map(({ user }) => {
    const n = (t: string) => counts.find((c) => c.nurseId === user.id && c.type === t)?._sum.n ?? 0;
    return { nurseId: user.id, name: user.name, gives: n("GIVE"), asks: n("ASK"), thanks: n("THANKS") };
  });
}

/** A nurse's own people she has asked more of than given to lately: give to them first. */
/**
 * Her people she asked more than she gave, by her own records over the map's window: the same
 * balance the map's "依頼だけで先出し協力がない" gap and person cards state.
 */
export async function giveTargets(ctx: TeamCtx, now = new Date(), take = 3) {
  const since = new Date(now.getTime() - STRENGTH_WINDOW_DAYS * DAY_MS);
  // One probe per owned person into her participant rows (teamId, nurseId, keyPersonId, occurredAt,
  // type, deleted: the index answers alone, no touchpoint is read), as the map's balance does.
  const rows = await ctx.db.$queryRaw<{ id: string; name: string; title: string; gives: number; asks: number }[]>`
    SELECT k.id, k.name, k.title, b.gives, b.asks
    FROM "KeyPerson" k
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE p.type = 'GIVE')::int AS gives, count(*) FILTER (WHERE p.type = 'ASK')::int AS asks
      FROM "TouchpointParticipant" p
      WHERE p."teamId" = ${ctx.teamId} AND p."nurseId" = ${ctx.userId} AND p."keyPersonId" = k.id
        AND p."occurredAt" >= ${since} AND p.type IN ('GIVE', 'ASK') AND p.deleted = false
    ) b
    WHERE k."teamId" = ${ctx.teamId} AND k."ownerId" = ${ctx.userId} AND k."archivedAt" IS NULL AND b.asks > b.gives
    ORDER BY b.asks - b.gives DESC, k.name
    LIMIT ${take}`;
  return rows;
}

export async function getTouchpointForEdit(ctx: TeamCtx, id: string) {
  const tp = await ctx.db.touchpoint.findFirst({
    where: { id, teamId: ctx.teamId, deletedAt: null },
    select: {
      ...touchpointSelect,
      caseId: true,
      initiativeId: true,
      version: true,
      participants: { select: { keyPerson: { select: { id: true, name: true, title: true } } } },
    },
  });
  if (!tp) throw new AppError("notFound");
  if (!canChange(ctx, tp, "touchpoints.editAny")) throw new AppError("forbidden");
  return openSealed(tp);
}

/** Key persons matching a name, for pickers. */
export async function searchPeople(ctx: TeamCtx, query: string, take = 10) {
  const q = escapeLike(searchKey(query));
  return ctx.db.keyPerson.findMany({
    where: {
      teamId: ctx.teamId,
      archivedAt: null,
      ...(q ? { searchKey: { contains: q } } : {}),
    },
    orderBy: [{ lastContactAt: { sort: "desc", nulls: "last" } }, { name: "asc" }],
    take,
    select: { id: true, name: true, title: true, department: { select: { name: true } } },
  });
}
