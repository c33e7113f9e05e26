// Loading the relationship map for a scope: people (at most MAP_LIMIT, the most influential first),
// reporting lines, typed links, the map's nurse's own touchpoint counts with each person (for the
// strength lines), department statuses and gaps. A fixed number of queries, whatever the size.
import type { TeamCtx } from "@/lib/auth/context";
import { departmentLabels, subtreeIds } from "@/lib/departments/tree";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireCoach } from "./access";
import { departmentStatuses, findGaps } from "./gaps";
import { relationshipStrength, STRENGTH_WINDOW_DAYS, strengthBand } from "./strength";
import type { MapData, MapScope } from "./types";
import { DAY_MS } from "@/lib/dates";

export const MAP_LIMIT = 500;

type Counts = { keyPersonId: string; gives: number; asks: number; thanks: number; other: number; last: Date | null };

async function scopeWhere(ctx: TeamCtx, scope: MapScope): Promise<{ where: Prisma.KeyPersonWhereInput; nurseId: string }> {
  const base = { teamId: ctx.teamId, archivedAt: null };
  switch (scope.kind) {
    case "mine":
      return { where: { ...base, ownerId: ctx.userId }, nurseId: ctx.userId };
    case "team":
      return { where: base, nurseId: ctx.userId };
    case "department": {
      const ids = await subtreeIds(ctx.db, ctx.teamId, scope.departmentId);
      if (ids.length === 0) throw new AppError("notFound");
      return { where: { ...base, departmentId: { in: ids } }, nurseId: ctx.userId };
    }
    case "mentee":
      await requireCoach(ctx, scope.userId);
      return { where: { ...base, ownerId: scope.userId }, nurseId: scope.userId };
  }
}

export async function loadMap(ctx: TeamCtx, scope: MapScope, now = new Date()): Promise<MapData> {
  const { where, nurseId } = await scopeWhere(ctx, scope);
  const [people, total, nurse] = await Promise.all([
    ctx.db.keyPerson.findMany({
      where,
      orderBy: [{ influence: "desc" }, { name: "asc" }, { id: "asc" }],
      take: MAP_LIMIT,
      select: {
        id: true,
        name: true,
        title: true,
        kind: true,
        stance: true,
        influence: true,
        interest: true,
        departmentId: true,
        reportsToId: true,
        ownerId: true,
        lastContactAt: true,
      },
    }),
    ctx.db.keyPerson.count({ where }),
    ctx.db.user.findUniqueOrThrow({ where: { id: nurseId }, select: { id: true, name: true } }),
  ]);
  const ids = people.map((p) => p.id);
  const since = new Date(now.getTime() - STRENGTH_WINDOW_DAYS * DAY_MS);
  const [links, counts, labels] = await Promise.all([
    ids.length
      ? ctx.db.personLink.findMany({
          where: { teamId: ctx.teamId, fromId: { in: ids }, toId: { in: ids } },
          orderBy: [{ fromId: "asc" }, { toId: "asc" }, { type: "asc" }],
          select: { id: true, fromId: true, toId: true, type: true, note: true },
        })
      : [],
    ids.length
      ? ctx.db.$queryRaw<Counts[]>`
      SELECT p."keyPersonId",
        count(*) FILTER (WHERE p.type = 'GIVE')::int AS gives,
        count(*) FILTER (WHERE p.type = 'ASK')::int AS asks,
        count(*) FILTER (WHERE p.type = 'THANKS')::int AS thanks,
        count(*) FILTER (WHERE p.type NOT IN ('GIVE', 'ASK', 'THANKS'))::int AS other,
        max(p."occurredAt") AS last
      FROM "TouchpointParticipant" p
      WHERE p."teamId" = ${ctx.teamId} AND p."nurseId" = ${nurseId} AND p."keyPersonId" IN (${Prisma.join(ids)})
        AND p."occurredAt" >= ${since} AND p.deleted = false
      GROUP BY p."keyPersonId"`
      : [],
    departmentLabels(
      ctx.db,
      ctx.teamId,
      people.flatMap((p) => (p.departmentId ? [p.departmentId] : [])),
    ),
  ]);
  const byPerson = new Map(counts.map((c) => [c.keyPersonId, c]));
  const mapPeople = people.map((p) => {
    const c = byPerson.get(p.id);
    const contact = {
      gives: c?.gives ?? 0,
      asks: c?.asks ?? 0,
      thanks: c?.thanks ?? 0,
      other: c?.other ?? 0,
      lastContactAt: c?.last ?? null,
    };
    const strength = relationshipStrength(contact, now, ctx.team.noContactDays);
    return {
      ...p,
      lastContactAt: p.lastContactAt?.toISOString() ?? null,
      gives: contact.gives,
      asks: contact.asks,
      thanks: contact.thanks,
      other: contact.other,
      lastByNurseAt: contact.lastContactAt?.toISOString() ?? null,
      strength,
      band: strengthBand(strength, Boolean(c)),
    };
  });
  // The labels' keys are the team's departments that have people in scope.
  const mapDepartments = [...labels]
    .map(([id, label]) => ({ id, label }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const statuses = departmentStatuses(mapPeople, mapDepartments);
  return {
    scope,
    nurse,
    people: mapPeople,
    links,
    departments: mapDepartments,
    statuses,
    gaps: findGaps(mapPeople, statuses, now, ctx.team.noContactDays),
    total,
    noContactDays: ctx.team.noContactDays,
  };
}
