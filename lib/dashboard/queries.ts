// The success-data aggregations. Each runs in the database (GROUP BY over rows and rollups) and returns
// counts at the finest level a report publishes (department × kind × quarter and so on); the
// breakdowns, totals and suppression are built from these few hundred rows in build.ts.
// No case row, id, code or name ever leaves these queries.
import type { TeamCtx } from "@/lib/auth/context";
import { jstDayStart } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { dayKey as day, type ResolvedFilter } from "./filters";

type Db = TeamCtx["db"];

// Rows are grouped on the column's own values (dates, enums) and turned into text once per group, in
// an outer SELECT: formatting each of 40,000 rows before grouping them cost three quarters of a query.
// Parameters as text with explicit casts, so both drivers send the same thing. Date columns compare
// with JST calendar days; timestamp columns (UTC) with the UTC moment that JST midnight is.
const jstMidnight = (d: Date) => jstDayStart(d).toISOString().replace("Z", "");

const inDepartments = (col: Prisma.Sql, f: ResolvedFilter) =>
  f.departmentIds ? Prisma.sql`AND ${col} = ANY(${f.departmentIds}::text[])` : Prisma.empty;

function caseScope(f: ResolvedFilter) {
  return Prisma.sql`
    ${inDepartments(Prisma.sql`c."departmentId"`, f)}
    ${f.caseKind ? Prisma.sql`AND c.kind = ${f.caseKind}::"CaseKind"` : Prisma.empty}
    ${f.nurseId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "CaseNurse" cn WHERE cn."caseId" = c.id AND cn."userId" = ${f.nurseId})` : Prisma.empty}`;
}

export type ImprovementRow = { dep: string | null; kind: string; q: string; n: number; hits: number };

/**
 * Cases with at least two assessments whose latest falls in the period: improved = latest level
 * above the first. First/latest are kept on the case by a trigger (migration 20261124010000).
 */
export function improvementRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<ImprovementRow[]>`
    SELECT dep, kind::text AS kind, to_char(q, 'YYYY-MM-DD') AS q, n, hits FROM (
    SELECT c."departmentId" AS dep, c.kind, date_trunc('quarter', c."lastAssessedOn") AS q,
      count(*)::int AS n, count(*) FILTER (WHERE last.rank > first.rank)::int AS hits
    FROM "Case" c
    JOIN "RiskLevel" first ON first.id = c."firstRiskLevelId"
    JOIN "RiskLevel" last ON last.id = c."lastRiskLevelId"
    WHERE c."teamId" = ${teamId} AND c."deletedAt" IS NULL AND c."withdrawnAt" IS NULL AND c."assessmentCount" >= 2
      AND c."lastAssessedOn" >= ${day(f.from)}::date AND c."lastAssessedOn" < ${day(f.to)}::date ${caseScope(f)}
    GROUP BY 1, 2, 3) g`;
}

export type ReturnRow = { dep: string | null; q: string; returns: number; k3: number; c3: number; k6: number; c6: number; releave: number };

/** Returns to work in the period, and whether they still work at 3 and 6 months. */
export function returnRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<ReturnRow[]>`
    SELECT dep, to_char(q, 'YYYY-MM-DD') AS q, returns, k3, c3, k6, c6, releave FROM (
    SELECT c."departmentId" AS dep, date_trunc('quarter', c."returnOn") AS q,
      count(*)::int AS returns,
      count(*) FILTER (WHERE c."continued3m" IS NOT NULL)::int AS k3,
      count(*) FILTER (WHERE c."continued3m")::int AS c3,
      count(*) FILTER (WHERE c."continued6m" IS NOT NULL)::int AS k6,
      count(*) FILTER (WHERE c."continued6m")::int AS c6,
      count(*) FILTER (WHERE c."continued3m" = false OR c."continued6m" = false)::int AS releave
    FROM "Case" c
    WHERE c."teamId" = ${teamId} AND c."deletedAt" IS NULL AND c."withdrawnAt" IS NULL AND c."returnOn" >= ${day(f.from)}::date AND c."returnOn" < ${day(f.to)}::date ${caseScope(f)}
    GROUP BY 1, 2) g`;
}

function initiativeScope(f: ResolvedFilter) {
  return Prisma.sql`
    ${f.initiativeKind ? Prisma.sql`AND i.kind = ${f.initiativeKind}::"InitiativeKind"` : Prisma.empty}
    ${f.departmentIds ? Prisma.sql`AND EXISTS (SELECT 1 FROM "InitiativeDepartment" idp WHERE idp."initiativeId" = i.id AND idp."departmentId" = ANY(${f.departmentIds}::text[]))` : Prisma.empty}
    ${f.nurseId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "InitiativeOwner" io WHERE io."initiativeId" = i.id AND io."userId" = ${f.nurseId})` : Prisma.empty}`;
}

export type SatisfactionRow = { ini: string; q: string; responses: number; satSum: number };

/**
 * Satisfaction answers per initiative and quarter of the run (decision 009): the inner cells a
 * release's means are audited on. Only the period's bounds apply: a release freezes them team-wide.
 */
export function satisfactionRows(db: Db, teamId: string, f: Pick<ResolvedFilter, "from" | "to">) {
  return db.$queryRaw<SatisfactionRow[]>`
    SELECT ini, to_char(q, 'YYYY-MM-DD') AS q, responses, "satSum" FROM (
    SELECT r."initiativeId" AS ini, date_trunc('quarter', r."runOn") AS q,
      sum(r."satisfactionResponses")::int AS responses, sum(r."satisfactionMean" * r."satisfactionResponses")::float8 AS "satSum"
    FROM "InitiativeResult" r
    WHERE r."teamId" = ${teamId} AND r."satisfactionMean" IS NOT NULL AND r."satisfactionResponses" > 0
      AND r."runOn" >= ${day(f.from)}::date AND r."runOn" < ${day(f.to)}::date
    GROUP BY 1, 2) g`;
}

export type IndicatorRow = { ini: string; q: string; m: number; sb: number; sa: number };

/**
 * Indicator values per initiative and quarter of the run (runs with both values): their number and
 * the sums before and after. A release audits the sums of count indicators like case counts.
 */
export function indicatorRows(db: Db, teamId: string, f: Pick<ResolvedFilter, "from" | "to">) {
  return db.$queryRaw<IndicatorRow[]>`
    SELECT ini, to_char(q, 'YYYY-MM-DD') AS q, m, sb, sa FROM (
    SELECT r."initiativeId" AS ini, date_trunc('quarter', r."runOn") AS q,
      count(*)::int AS m, sum(r."indicatorBefore")::float8 AS sb, sum(r."indicatorAfter")::float8 AS sa
    FROM "InitiativeResult" r
    WHERE r."teamId" = ${teamId} AND r."indicatorBefore" IS NOT NULL AND r."indicatorAfter" IS NOT NULL
      AND r."runOn" >= ${day(f.from)}::date AND r."runOn" < ${day(f.to)}::date
    GROUP BY 1, 2) g`;
}

export type StageRow = { stage: string; n: number; piloted: number };

/** Initiatives by current stage; "piloted" counts those that ever reached the pilot stage. */
export function stageRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<StageRow[]>`
    SELECT i.stage::text AS stage, count(*)::int AS n,
      count(*) FILTER (WHERE i.stage IN ('PILOT','EVALUATED','ADOPTED','EXPANDED')
        OR EXISTS (SELECT 1 FROM "InitiativeStageChange" sc WHERE sc."initiativeId" = i.id AND sc."toStage" = 'PILOT'))::int AS piloted
    FROM "Initiative" i
    WHERE i."teamId" = ${teamId} ${initiativeScope(f)}
    GROUP BY 1`;
}

export type ResultRow = {
  id: string;
  title: string;
  stage: string;
  runs: number;
  participants: number;
  target: number;
  satSum: number | null;
  responses: number;
  before: number | null;
  after: number | null;
  indicatorName: string;
  indicatorUnit: string;
  lowerIsBetter: boolean;
};

/** Each initiative's runs in the period, summed. */
export function resultRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<ResultRow[]>`
    SELECT i.id, i.title, i.stage::text AS stage, count(*)::int AS runs,
      sum(r.participants)::int AS participants, sum(r."targetHeadcount")::int AS target,
      sum(r."satisfactionMean" * r."satisfactionResponses") FILTER (WHERE r."satisfactionMean" IS NOT NULL)::float8 AS "satSum",
      coalesce(sum(r."satisfactionResponses") FILTER (WHERE r."satisfactionMean" IS NOT NULL), 0)::int AS responses,
      avg(r."indicatorBefore") FILTER (WHERE r."indicatorBefore" IS NOT NULL AND r."indicatorAfter" IS NOT NULL)::float8 AS before,
      avg(r."indicatorAfter") FILTER (WHERE r."indicatorBefore" IS NOT NULL AND r."indicatorAfter" IS NOT NULL)::float8 AS after,
      i."indicatorName" AS "indicatorName", i."indicatorUnit" AS "indicatorUnit", i."indicatorLowerIsBetter" AS "lowerIsBetter"
    FROM "InitiativeResult" r
    JOIN "Initiative" i ON i.id = r."initiativeId"
    WHERE r."teamId" = ${teamId} AND r."runOn" >= ${day(f.from)}::date AND r."runOn" < ${day(f.to)}::date ${initiativeScope(f)}
    GROUP BY i.id
    ORDER BY sum(r.participants) DESC, i.title
    LIMIT 50`;
}

export function goodExamples(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<{ title: string; goodExample: string }[]>`
    SELECT i.title, i."goodExample" AS "goodExample"
    FROM "Initiative" i
    WHERE i."teamId" = ${teamId} AND i."goodExample" <> '' ${initiativeScope(f)}
      AND EXISTS (SELECT 1 FROM "InitiativeResult" r WHERE r."initiativeId" = i.id AND r."runOn" >= ${day(f.from)}::date AND r."runOn" < ${day(f.to)}::date)
    ORDER BY i."updatedAt" DESC
    LIMIT 5`;
}

function personScope(f: ResolvedFilter) {
  return Prisma.sql`
    ${inDepartments(Prisma.sql`k."departmentId"`, f)}
    ${f.nurseId ? Prisma.sql`AND k."ownerId" = ${f.nurseId}` : Prisma.empty}`;
}

export type StanceAtRow = { at: string; stance: string; n: number };
export type StanceDayRow = { day: string; from: string | null; to: string | null; n: number };

/**
 * The stance history summed per JST day and move (from → to); archiving is a move to nothing.
 * One pass over the history serves both the counts at each quarter end (stanceCountsAt) and the
 * moves up and down per quarter (stanceMoves), with no per-person window. The whole team's comes
 * from the daily rollup the database keeps (StanceDaily: a few hundred rows instead of 40,000
 * changes at bench scale); a department or nurse scope needs each change's person, so the history.
 */
export function stanceDayRows(db: Db, teamId: string, f: ResolvedFilter) {
  const scoped = !!(f.departmentIds || f.nurseId);
  const moves = scoped
    ? Prisma.sql`
      SELECT (sc."changedAt" + interval '9 hours')::date AS d, sc."fromStance"::text AS f, sc."toStance"::text AS t, count(*)::int AS n
      FROM "StanceChange" sc
      JOIN "KeyPerson" k ON k.id = sc."keyPersonId"
      WHERE sc."teamId" = ${teamId} ${personScope(f)}
      GROUP BY 1, 2, 3`
    : Prisma.sql`
      SELECT s.day AS d, NULLIF(s."fromStance", '') AS f, s."toStance"::text AS t, s.n
      FROM "StanceDaily" s
      WHERE s."teamId" = ${teamId} AND s.n <> 0`;
  return db.$queryRaw<StanceDayRow[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS day, f AS "from", t AS "to", n FROM (
    ${moves}
    UNION ALL
    SELECT (k."archivedAt" + interval '9 hours')::date, k.stance::text, NULL, count(*)::int
    FROM "KeyPerson" k
    WHERE k."teamId" = ${teamId} AND k."archivedAt" IS NOT NULL ${personScope(f)}
    GROUP BY 1, 2) g`;
}

/** Counts at the start (JST) of each given day ("YYYY-MM-DD"): every move before it, summed. */
export function stanceCountsAt(rows: StanceDayRow[], days: string[]): StanceAtRow[] {
  const out: StanceAtRow[] = [];
  for (const at of days) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      if (r.day >= at) continue;
      if (r.to) counts.set(r.to, (counts.get(r.to) ?? 0) + r.n);
      if (r.from) counts.set(r.from, (counts.get(r.from) ?? 0) - r.n);
    }
    for (const [stance, n] of counts) out.push({ at, stance, n });
  }
  return out;
}

export type MoveRow = { q: string; up: number; down: number };

const LADDER = ["UNCOOPERATIVE", "INDIFFERENT", "NEUTRAL", "COOPERATIVE", "CHAMPION"];

/** Moves up and down the ladder per quarter (its first day, "YYYY-MM-DD") in [from, to). */
export function stanceMoves(rows: StanceDayRow[], from: Date, to: Date): MoveRow[] {
  const byQuarter = new Map<string, MoveRow>();
  const lo = day(from);
  const hi = day(to);
  for (const r of rows) {
    if (!r.from || !r.to || r.day < lo || r.day >= hi) continue;
    const step = LADDER.indexOf(r.to) - LADDER.indexOf(r.from);
    if (step === 0) continue;
    const [y, m] = r.day.split("-").map(Number);
    const q = `${y}-${String(Math.floor((m! - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
    const row = byQuarter.get(q) ?? { q, up: 0, down: 0 };
    if (step > 0) row.up += r.n;
    else row.down += r.n;
    byQuarter.set(q, row);
  }
  return [...byQuarter.values()];
}

export type CoverageRow = { dep: string; allies: number; champions: number; people: number };

/** Current key persons per department, and how many are 協力的 or 応援者. */
export function coverageRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<CoverageRow[]>`
    SELECT k."departmentId" AS dep,
      count(*) FILTER (WHERE k.stance IN ('COOPERATIVE','CHAMPION'))::int AS allies,
      count(*) FILTER (WHERE k.stance = 'CHAMPION')::int AS champions,
      count(*)::int AS people
    FROM "KeyPerson" k
    WHERE k."teamId" = ${teamId} AND k."archivedAt" IS NULL AND k."departmentId" IS NOT NULL ${personScope(f)}
    GROUP BY 1`;
}

export type ActivityRow = { month: string; type: string; n: number };

/**
 * Touchpoints per JST month and type. Without a department scope this reads the daily rollup
 * (TouchpointDaily, kept by a trigger); a department scope needs the participants, so the log.
 */
export function activityRows(db: Db, teamId: string, f: ResolvedFilter) {
  if (!f.departmentIds) {
    return db.$queryRaw<ActivityRow[]>`
      SELECT to_char(m, 'YYYY-MM') AS month, type::text AS type, n FROM (
      SELECT date_trunc('month', d.day) AS m, d.type, sum(d.n)::int AS n
      FROM "TouchpointDaily" d
      WHERE d."teamId" = ${teamId} AND d.day >= ${day(f.from)}::date AND d.day < ${day(f.to)}::date
        ${f.nurseId ? Prisma.sql`AND d."nurseId" = ${f.nurseId}` : Prisma.empty}
      GROUP BY 1, 2
      HAVING sum(d.n) <> 0) g`;
  }
  // JST has no daylight saving: +9 hours is exact.
  return db.$queryRaw<ActivityRow[]>`
    SELECT to_char(m, 'YYYY-MM') AS month, type::text AS type, n FROM (
    SELECT date_trunc('month', t."occurredAt" + interval '9 hours') AS m, t.type, count(*)::int AS n
    FROM "Touchpoint" t
    WHERE t."teamId" = ${teamId} AND t."deletedAt" IS NULL
      AND t."occurredAt" >= ${jstMidnight(f.from)}::timestamp AND t."occurredAt" < ${jstMidnight(f.to)}::timestamp
      ${f.nurseId ? Prisma.sql`AND t."nurseId" = ${f.nurseId}` : Prisma.empty}
      AND EXISTS (SELECT 1 FROM "TouchpointParticipant" p JOIN "KeyPerson" k ON k.id = p."keyPersonId" WHERE p."touchpointId" = t.id AND k."departmentId" = ANY(${f.departmentIds}::text[]))
    GROUP BY 1, 2) x`;
}

export type AcceptanceRow = { fallback: boolean; decided: number; accepted: number };

/** Answered requests in the period, accepted (or their fallback accepted), with and without a fallback. */
export function acceptanceRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<AcceptanceRow[]>`
    SELECT (r."fallbackWhat" <> '') AS fallback, count(*)::int AS decided,
      count(*) FILTER (WHERE r.status IN ('ACCEPTED','FALLBACK_ACCEPTED','DONE'))::int AS accepted
    FROM "Request" r
    ${f.departmentIds ? Prisma.sql`JOIN "KeyPerson" k ON k.id = r."keyPersonId"` : Prisma.empty}
    WHERE r."teamId" = ${teamId} AND r."respondedAt" >= ${jstMidnight(f.from)}::timestamp AND r."respondedAt" < ${jstMidnight(f.to)}::timestamp
      ${f.nurseId ? Prisma.sql`AND r."nurseId" = ${f.nurseId}` : Prisma.empty}
      ${inDepartments(Prisma.sql`k."departmentId"`, f)}
    GROUP BY 1`;
}
