// Reading key persons: the filtered list, the detail page, the timeline, balance and reporting line.
import type { TeamCtx } from "@/lib/auth/context";
import { searchKey } from "@/lib/search/normalize";
import { departmentLabels, subtreeIds } from "@/lib/departments/tree";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { touchpointSelect } from "@/lib/touchpoints/queries";
import type { KeyPersonFilter } from "./schemas";
import { openSealed } from "@/lib/crypto/sealed-text";
import { DAY_MS } from "@/lib/dates";
import { acceptedWhat, thanksOwedWhere } from "@/lib/requests/accepted";
import { escapeLike } from "@/lib/search/like";

export async function keyPersonWhere(ctx: TeamCtx, f: KeyPersonFilter, now = new Date()): Promise<Prisma.KeyPersonWhereInput> {
  const and: Prisma.KeyPersonWhereInput[] = [{ teamId: ctx.teamId }, { archivedAt: f.archived ? { not: null } : null }];
  if (f.qTooLong) and.push({ id: { in: [] } });
  if (f.q) {
    const tagged = f.q.replace(/^#/, "");
    // Name, reading and title through the search key (variants, width, kana); tags as typed.
    const q = escapeLike(searchKey(f.q));
    and.push({
      OR: [...(q ? [{ searchKey: { contains: q } }, { department: { searchKey: { contains: q } } }] : []), { tags: { has: tagged } }],
    });
  }
  if (f.stance?.length) and.push({ stance: { in: f.stance } });
  if (f.kind?.length) and.push({ kind: { in: f.kind } });
  if (f.ownerId) and.push({ ownerId: f.ownerId });
  if (f.departmentId) and.push({ departmentId: { in: await subtreeIds(ctx.db, ctx.teamId, f.departmentId) } });
  if (f.noContactDays) {
    and.push({ OR: [{ lastContactAt: null }, { lastContactAt: { lt: new Date(now.getTime() - f.noContactDays * DAY_MS) } }] });
  }
  if (f.thanksOwed) and.push({ requests: { some: thanksOwedWhere } });
  return { AND: and };
}

const listSelect = {
  id: true,
  name: true,
  nameKana: true,
  title: true,
  kind: true,
  stance: true,
  influence: true,
  interest: true,
  tags: true,
  lastContactAt: true,
  archivedAt: true,
  departmentId: true,
  owner: { select: { id: true, name: true } },
} satisfies Prisma.KeyPersonSelect;

export async function listKeyPersons(ctx: TeamCtx, f: KeyPersonFilter, now = new Date()) {
  const where = await keyPersonWhere(ctx, f, now);
  // "name" is 五十音 order by reading as a dictionary has it (nameOrder, kept by the database), then the name itself.
  const orderBy: Prisma.KeyPersonOrderByWithRelationInput[] = [
    ...(f.sort === "lastContactAt"
      ? [{ lastContactAt: { sort: f.dir, nulls: f.dir === "asc" ? "first" : "last" } } as const]
      : f.sort === "name"
        ? [{ nameOrder: f.dir }, { name: f.dir }]
        : [{ [f.sort]: f.dir }]),
    { id: "asc" },
  ];
  const [total, rows] = await Promise.all([
    ctx.db.keyPerson.count({ where }),
    ctx.db.keyPerson.findMany({ where, orderBy, skip: (f.page - 1) * f.pageSize, take: f.pageSize, select: listSelect }),
  ]);
  const labels = await departmentLabels(
    ctx.db,
    ctx.teamId,
    rows.flatMap((r) => (r.departmentId ? [r.departmentId] : [])),
  );
  return {
    total,
    page: f.page,
    pageSize: f.pageSize,
    pages: Math.max(1, Math.ceil(total / f.pageSize)),
    rows: rows.map((r) => ({ ...r, department: r.departmentId ? (labels.get(r.departmentId) ?? "") : "" })),
  };
}

/** Give/ask counts for one person (or all of a nurse's touchpoints) since a date. */
export async function personBalance(ctx: TeamCtx, keyPersonId: string, since: Date) {
  const rows = await ctx.db.touchpointParticipant.groupBy({
    by: ["type"],
    where: { teamId: ctx.teamId, keyPersonId, deleted: false, occurredAt: { gte: since }, type: { in: ["GIVE", "ASK", "THANKS"] } },
    _count: { _all: true },
  });
  const count = (t: string) => rows.find((r) => r.type === t)?._count._all ?? 0;
  return { gives: count("GIVE"), asks: count("ASK"), thanks: count("THANKS") };
}

export async function getKeyPerson(ctx: TeamCtx, id: string) {
  const person = await ctx.db.keyPerson.findFirst({
    where: { id, teamId: ctx.teamId },
    select: {
      ...listSelect,
      externalId: true,
      legalHold: true,
      thanksConsentOn: true,
      resistanceReason: true,
      painPoints: true,
      values: true,
      bestTiming: true,
      preferredChannel: true,
      notes: true,
      version: true,
      updatedAt: true,
      reportsToId: true,
      ownerId: true,
    },
  });
  if (!person) throw new AppError("notFound");
  return person;
}

/** Up the chain (boss, boss's boss, …) and one level down, without a query per level beyond the chain. */
export async function reportingLine(ctx: TeamCtx, person: { id: string; reportsToId: string | null }) {
  const up: { id: string; name: string; title: string; stance: string }[] = [];
  let next = person.reportsToId;
  const seen = new Set([person.id]);
  while (next && !seen.has(next) && up.length < 6) {
    seen.add(next);
    const boss = await ctx.db.keyPerson.findFirst({
      where: { id: next, teamId: ctx.teamId },
      select: { id: true, name: true, title: true, stance: true, reportsToId: true },
    });
    if (!boss) break;
    up.push({ id: boss.id, name: boss.name, title: boss.title, stance: boss.stance });
    next = boss.reportsToId;
  }
  const down = await ctx.db.keyPerson.findMany({
    where: { teamId: ctx.teamId, reportsToId: person.id, archivedAt: null },
    orderBy: [{ nameOrder: "asc" }, { name: "asc" }],
    take: 50,
    select: { id: true, name: true, title: true, stance: true },
  });
  return { up, down };
}

export async function stanceHistory(ctx: TeamCtx, keyPersonId: string) {
  return ctx.db.stanceChange.findMany({
    where: { teamId: ctx.teamId, keyPersonId },
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, fromStance: true, toStance: true, reason: true, changedAt: true, changedBy: { select: { name: true } } },
  });
}

/** Touchpoints and requests with this person, newest first, one page at a time. */
export async function personTimeline(ctx: TeamCtx, keyPersonId: string, take = 30) {
  const [touchpoints, requests] = await Promise.all([
    ctx.db.touchpointParticipant.findMany({
      where: { teamId: ctx.teamId, keyPersonId, deleted: false },
      orderBy: { occurredAt: "desc" },
      take,
      select: { touchpoint: { select: touchpointSelect } },
    }),
    ctx.db.request.findMany({
      where: { teamId: ctx.teamId, keyPersonId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        what: true,
        status: true,
        dueOn: true,
        effortMinutes: true,
        sentAt: true,
        respondedAt: true,
        thankedAt: true,
        createdAt: true,
      },
    }),
  ]);
  return { touchpoints: openSealed(touchpoints.map((t) => t.touchpoint)), requests };
}

export type NextStep =
  | { kind: "thank"; requestWhat: string }
  | { kind: "followUp"; due: Date }
  | { kind: "give" }
  | { kind: "reconnect"; days: number | null }
  | { kind: "smallAsk" }
  | { kind: "keepWarm" };

/** One suggestion, following the method: thanks first, then promises, then give before asking. */
export function suggestNextStep(input: {
  thanksOwed: { what: string }[];
  openFollowUp: Date | null;
  balance: { gives: number; asks: number };
  lastContactAt: Date | null;
  noContactDays: number;
  stance: string;
  now?: Date;
}): NextStep {
  const now = input.now ?? new Date();
  if (input.thanksOwed.length) return { kind: "thank", requestWhat: input.thanksOwed[0].what };
  if (input.openFollowUp) return { kind: "followUp", due: input.openFollowUp };
  const days = input.lastContactAt ? Math.floor((now.getTime() - input.lastContactAt.getTime()) / DAY_MS) : null;
  if (days === null || days > input.noContactDays) return { kind: "reconnect", days };
  if (input.balance.asks >= input.balance.gives) return { kind: "give" };
  if (input.stance === "COOPERATIVE" || input.stance === "CHAMPION") return { kind: "keepWarm" };
  return { kind: "smallAsk" };
}

export async function keyPersonDetail(ctx: TeamCtx, id: string, now = new Date()) {
  const person = await getKeyPerson(ctx, id);
  const since = new Date(now.getTime() - 180 * DAY_MS);
  const [labels, line, history, timeline, balance, thanksOwed, openFollowUp] = await Promise.all([
    departmentLabels(ctx.db, ctx.teamId, person.departmentId ? [person.departmentId] : []),
    reportingLine(ctx, person),
    stanceHistory(ctx, id),
    personTimeline(ctx, id),
    personBalance(ctx, id, since),
    ctx.db.request
      .findMany({
        where: { teamId: ctx.teamId, keyPersonId: id, ...thanksOwedWhere },
        select: { id: true, what: true, fallbackWhat: true, status: true, respondedAt: true },
        take: 5,
      })
      .then((rs) => rs.map(acceptedWhat)),
    ctx.db.touchpoint.findFirst({
      where: {
        teamId: ctx.teamId,
        deletedAt: null,
        followUpDoneAt: null,
        followUpDueOn: { not: null },
        participants: { some: { keyPersonId: id } },
      },
      orderBy: { followUpDueOn: "asc" },
      select: { id: true, followUpDueOn: true },
    }),
  ]);
  const nextStep = suggestNextStep({
    thanksOwed,
    openFollowUp: openFollowUp?.followUpDueOn ?? null,
    balance,
    lastContactAt: person.lastContactAt,
    noContactDays: ctx.team.noContactDays,
    stance: person.stance,
    now,
  });
  return {
    person: { ...person, department: person.departmentId ? (labels.get(person.departmentId) ?? "") : "" },
    line,
    history,
    timeline,
    balance,
    thanksOwed,
    openFollowUp,
    nextStep,
  };
}
