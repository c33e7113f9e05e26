// Retention: what the team keeps, for how long, and the daily purge that lets the rest go.
// - Cases: retainCaseYears after they ended (closed, consent withdrawn, or deleted), whichever end
//   came last; the health-check record period (5 years) is the floor.
// - Key persons archived (left the company), with their touchpoints: retainPersonYears after.
// - The audit log: retainAuditYears, at least 5.
// A legal hold stops the purge. Every purge is audit-logged with counts, never with what went.
// Issued reports keep their frozen aggregates (FrozenCaseQuarter, DisclosedSet): nothing here
// touches them.
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { eraseCaseRecords } from "@/lib/cases/lifecycle";
import { DAY_MS } from "@/lib/dates";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { eraseKeyPersonRecords } from "@/lib/key-persons/erase";

import { RETENTION_LIMITS } from "./limits";

export { RETENTION_LIMITS };

const years = (l: { min: number; max: number }) =>
  z.coerce.number({ message: "notANumber" }).int("notAnInteger").min(l.min, "tooSmall").max(l.max, "tooLarge");

export const retentionSchema = z.object({
  retainCaseYears: years(RETENTION_LIMITS.case),
  retainPersonYears: years(RETENTION_LIMITS.person),
  retainAuditYears: years(RETENTION_LIMITS.audit),
});
export type Retention = z.infer<typeof retentionSchema>;

export async function saveRetention(ctx: TeamCtx, input: Retention) {
  requirePermission(ctx, "retention.manage");
  await ctx.db.team.update({ where: { id: ctx.teamId }, data: input });
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "retention.settings",
    entityType: "Team",
    entityId: ctx.teamId,
    detail: input,
  });
}

/** The same instant `n` years earlier (UTC calendar). */
export function yearsBefore(at: Date, n: number) {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() - n);
  return d;
}

const yearsAfter = (at: Date, n: number) => yearsBefore(at, -n);

/** Cases that ended before `cutoff` (every end they have is before it) and are not held. */
function casesEndedBefore(teamId: string, cutoff: Date): Prisma.CaseWhereInput {
  const before = (field: "closedOn" | "withdrawnAt" | "deletedAt") => ({ OR: [{ [field]: null }, { [field]: { lt: cutoff } }] });
  return {
    teamId,
    legalHold: null,
    AND: [
      before("closedOn"),
      before("withdrawnAt"),
      before("deletedAt"),
      { OR: [{ closedOn: { not: null } }, { withdrawnAt: { not: null } }, { deletedAt: { not: null } }] },
    ],
  };
}

const retentionSelect = { retainCaseYears: true, retainPersonYears: true, retainAuditYears: true } as const;

/** The team's periods as the purge applies them: never under the floors. */
function periodsOf(team: Retention) {
  return {
    case: Math.max(RETENTION_LIMITS.case.min, team.retainCaseYears),
    person: Math.max(RETENTION_LIMITS.person.min, team.retainPersonYears),
    audit: Math.max(RETENTION_LIMITS.audit.min, team.retainAuditYears),
  };
}

/** What is due at `at`: the list beforehand and the purge itself ask the same question. */
function dueAt(teamId: string, team: Retention, at: Date) {
  const years = periodsOf(team);
  return {
    years,
    cases: casesEndedBefore(teamId, yearsBefore(at, years.case)),
    people: { teamId, legalHold: null, archivedAt: { lt: yearsBefore(at, years.person) } } satisfies Prisma.KeyPersonWhereInput,
    audit: { teamId, createdAt: { lt: yearsBefore(at, years.audit) } } satisfies Prisma.AuditLogWhereInput,
  };
}

const lastEnd = (c: { closedOn: Date | null; withdrawnAt: Date | null; deletedAt: Date | null }) =>
  new Date(Math.max(...[c.closedOn, c.withdrawnAt, c.deletedAt].filter((d): d is Date => d !== null).map((d) => d.getTime())));

/**
 * What the purge will remove by `until` (admins see next month's list beforehand), each with the day
 * it falls due. Cases are listed by kind and dates, never by employee.
 */
export async function purgeList(ctx: TeamCtx, until = new Date(Date.now() + 30 * DAY_MS), take = 200) {
  requirePermission(ctx, "retention.manage");
  const team = await ctx.db.team.findUniqueOrThrow({ where: { id: ctx.teamId }, select: retentionSelect });
  const due = dueAt(ctx.teamId, team, until);
  const [cases, caseCount, people, personCount, auditEntries, heldCases, heldPeople] = await Promise.all([
    ctx.db.case.findMany({
      where: due.cases,
      take,
      orderBy: { closedOn: "asc" },
      select: { id: true, kind: true, closedOn: true, withdrawnAt: true, deletedAt: true },
    }),
    ctx.db.case.count({ where: due.cases }),
    ctx.db.keyPerson.findMany({
      where: due.people,
      take,
      orderBy: { archivedAt: "asc" },
      select: { id: true, name: true, title: true, archivedAt: true },
    }),
    ctx.db.keyPerson.count({ where: due.people }),
    ctx.db.auditLog.count({ where: due.audit }),
    // Due but kept by a legal hold.
    ctx.db.case.count({ where: { ...due.cases, legalHold: { not: null } } }),
    ctx.db.keyPerson.count({ where: { ...due.people, legalHold: { not: null } } }),
  ]);
  return {
    until,
    retention: team,
    cases: cases
      .map((c) => ({ id: c.id, kind: c.kind, endedOn: lastEnd(c), dueOn: yearsAfter(lastEnd(c), due.years.case) }))
      .sort((a, b) => +a.dueOn - +b.dueOn),
    caseCount,
    people: people.map((p) => ({ id: p.id, name: p.name, title: p.title, dueOn: yearsAfter(p.archivedAt!, due.years.person) })),
    personCount,
    auditEntries,
    heldCases,
    heldPeople,
  };
}

export type PurgeCounts = {
  cases: number;
  people: number;
  auditEntries: number;
  touchpoints: number;
  requests: number;
  assessments: number;
};

const BATCH = 100;

/**
 * Erases each record `next` finds, one transaction each so readers are never held up for long; the
 * match is re-checked inside (a hold set since the batch was read wins).
 */
async function eraseEach<C>(
  db: Db,
  next: () => Promise<{ id: string }[]>,
  stillDue: (tx: Prisma.TransactionClient, id: string) => Promise<number>,
  erase: (tx: Prisma.TransactionClient, id: string) => Promise<C>,
): Promise<C[]> {
  const erased: C[] = [];
  for (;;) {
    const batch = await next();
    for (const { id } of batch) {
      const counted = await db.$transaction(async (tx) => ((await stillDue(tx, id)) ? erase(tx, id) : null));
      if (counted) erased.push(counted);
    }
    if (batch.length < BATCH) return erased;
  }
}

/** Purges one team's due records. */
export async function purgeTeam(db: Db, teamId: string, now: Date): Promise<PurgeCounts> {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: retentionSelect });
  const due = dueAt(teamId, team, now);
  const cases = await eraseEach(
    db,
    () => db.case.findMany({ where: due.cases, take: BATCH, select: { id: true } }),
    (tx, id) => tx.case.count({ where: { ...due.cases, id } }),
    (tx, id) => eraseCaseRecords(tx, teamId, id),
  );
  const people = await eraseEach(
    db,
    () => db.keyPerson.findMany({ where: due.people, take: BATCH, select: { id: true } }),
    (tx, id) => tx.keyPerson.count({ where: { ...due.people, id } }),
    (tx, id) => eraseKeyPersonRecords(tx, teamId, id),
  );
  const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);
  const total: PurgeCounts = {
    cases: cases.length,
    people: people.length,
    auditEntries: (await db.auditLog.deleteMany({ where: due.audit })).count,
    touchpoints: sum(cases, (c) => c.touchpoints) + sum(people, (p) => p.alone),
    requests: sum(cases, (c) => c.requests) + sum(people, (p) => p.requests),
    assessments: sum(cases, (c) => c.assessments),
  };
  if (total.cases || total.people || total.auditEntries) {
    await audit(db, {
      teamId,
      actorId: null,
      action: "retention.purge",
      entityType: "Team",
      entityId: teamId,
      detail: { ...total, retention: team },
    });
  }
  return total;
}

/** The daily job: every team's due records. */
export async function purgeAllTeams(db: Db, now: Date, log: (msg: string) => void = () => {}) {
  const teams = await db.team.findMany({ select: { id: true } });
  for (const { id } of teams) {
    const c = await purgeTeam(db, id, now);
    if (c.cases || c.people || c.auditEntries)
      log(`[retention] team ${id}: ${c.cases} cases, ${c.people} people, ${c.auditEntries} audit entries purged`);
  }
}
