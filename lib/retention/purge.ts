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
  await audit(ctx.db, { teamId: ctx.teamId, actorId: ctx.userId, action: "retention.settings", entityType: "Team", entityId: ctx.teamId, detail: input });
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
    AND: [before("closedOn"), before("withdrawnAt"), before("deletedAt"), { OR: [{ closedOn: { not: null } }, { withdrawnAt: { not: null } }, { deletedAt: { not: null } }] }],
  };
}

function peopleLeftBefore(teamId: string, cutoff: Date): Prisma.KeyPersonWhereInput {
  return { teamId, legalHold: null, archivedAt: { lt: cutoff } };
}

const lastEnd = (c: { closedOn: Date | null; withdrawnAt: Date | null; deletedAt: Date | null }) =>
  new Date(Math.max(...[c.closedOn, c.withdrawnAt, c.deletedAt].filter((d): d is Date => d !== null).map((d) => d.getTime())));

/**
 * What the purge will remove by `until` (admins see next month's list beforehand), each with the day
 * it falls due. Cases are listed by kind and dates, never by employee.
 */
export async function purgeList(ctx: TeamCtx, until = new Date(Date.now() + 30 * DAY_MS), take = 200) {
  requirePermission(ctx, "retention.manage");
  const team = await ctx.db.team.findUniqueOrThrow({ where: { id: ctx.teamId }, select: { retainCaseYears: true, retainPersonYears: true, retainAuditYears: true } });
  const caseWhere = casesEndedBefore(ctx.teamId, yearsBefore(until, team.retainCaseYears));
  const personWhere = peopleLeftBefore(ctx.teamId, yearsBefore(until, team.retainPersonYears));
  const auditCutoff = yearsBefore(until, team.retainAuditYears);
  const [cases, caseCount, people, personCount, auditEntries, held] = await Promise.all([
    ctx.db.case.findMany({ where: caseWhere, take, orderBy: { closedOn: "asc" }, select: { id: true, kind: true, closedOn: true, withdrawnAt: true, deletedAt: true } }),
    ctx.db.case.count({ where: caseWhere }),
    ctx.db.keyPerson.findMany({ where: personWhere, take, orderBy: { archivedAt: "asc" }, select: { id: true, name: true, title: true, archivedAt: true } }),
    ctx.db.keyPerson.count({ where: personWhere }),
    ctx.db.auditLog.count({ where: { teamId: ctx.teamId, createdAt: { lt: auditCutoff } } }),
    Promise.all([
      ctx.db.case.count({ where: { ...casesEndedBefore(ctx.teamId, yearsBefore(until, team.retainCaseYears)), legalHold: { not: null } } }),
      ctx.db.keyPerson.count({ where: { ...peopleLeftBefore(ctx.teamId, yearsBefore(until, team.retainPersonYears)), legalHold: { not: null } } }),
    ]),
  ]);
  return {
    until,
    retention: team,
    cases: cases.map((c) => ({ id: c.id, kind: c.kind, endedOn: lastEnd(c), dueOn: yearsAfter(lastEnd(c), team.retainCaseYears) })).sort((a, b) => +a.dueOn - +b.dueOn),
    caseCount,
    people: people.map((p) => ({ id: p.id, name: p.name, title: p.title, dueOn: yearsAfter(p.archivedAt!, team.retainPersonYears) })),
    personCount,
    auditEntries,
    // Due but kept by a legal hold.
    heldCases: held[0],
    heldPeople: held[1],
  };
}

export type PurgeCounts = { cases: number; people: number; auditEntries: number; touchpoints: number; requests: number; assessments: number };

/** Purges one team's due records, a record per transaction so readers are never held up for long. */
export async function purgeTeam(db: Db, teamId: string, now: Date): Promise<PurgeCounts> {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { retainCaseYears: true, retainPersonYears: true, retainAuditYears: true } });
  const total: PurgeCounts = { cases: 0, people: 0, auditEntries: 0, touchpoints: 0, requests: 0, assessments: 0 };
  const caseWhere = casesEndedBefore(teamId, yearsBefore(now, Math.max(RETENTION_LIMITS.case.min, team.retainCaseYears)));
  for (;;) {
    const batch = await db.case.findMany({ where: caseWhere, take: 100, select: { id: true } });
    for (const { id } of batch) {
      // Re-checked inside: a hold set since the batch was read wins.
      const counted = await db.$transaction(async (tx) => ((await tx.case.count({ where: { ...caseWhere, id } })) ? eraseCaseRecords(tx, teamId, id) : null));
      if (!counted) continue;
      total.cases += 1;
      total.touchpoints += counted.touchpoints;
      total.requests += counted.requests;
      total.assessments += counted.assessments;
    }
    if (batch.length < 100) break;
  }
  const personWhere = peopleLeftBefore(teamId, yearsBefore(now, Math.max(RETENTION_LIMITS.person.min, team.retainPersonYears)));
  for (;;) {
    const batch = await db.keyPerson.findMany({ where: personWhere, take: 100, select: { id: true } });
    for (const { id } of batch) {
      const counted = await db.$transaction(async (tx) => ((await tx.keyPerson.count({ where: { ...personWhere, id } })) ? eraseKeyPersonRecords(tx, teamId, id) : null));
      if (!counted) continue;
      total.people += 1;
      total.touchpoints += counted.alone;
      total.requests += counted.requests;
    }
    if (batch.length < 100) break;
  }
  const auditCutoff = yearsBefore(now, Math.max(RETENTION_LIMITS.audit.min, team.retainAuditYears));
  total.auditEntries = (await db.auditLog.deleteMany({ where: { teamId, createdAt: { lt: auditCutoff } } })).count;
  if (total.cases || total.people || total.auditEntries) {
    await audit(db, { teamId, actorId: null, action: "retention.purge", entityType: "Team", entityId: teamId, detail: { ...total, retention: team } });
  }
  return total;
}

/** The daily job: every team's due records. */
export async function purgeAllTeams(db: Db, now: Date, log: (msg: string) => void = () => {}) {
  const teams = await db.team.findMany({ select: { id: true } });
  for (const { id } of teams) {
    const c = await purgeTeam(db, id, now);
    if (c.cases || c.people || c.auditEntries) log(`[retention] team ${id}: ${c.cases} cases, ${c.people} people, ${c.auditEntries} audit entries purged`);
  }
}
