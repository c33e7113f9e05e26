// The success-data aggregations. Each runs in the database (GROUP BY, window functions) and returns
// counts at the finest level a report publishes (department × kind × quarter and so on); the
// breakdowns, totals and suppression are built from these few hundred rows in build.ts.
// No case row, id, code or name ever leaves these queries.
import type { TeamCtx } from "@/lib/auth/context";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ResolvedFilter } from "./filters";

type Db = TeamCtx["db"];

// Parameters as text with explicit casts, so both drivers send the same thing. Date columns compare
// with JST calendar days; timestamp columns (UTC) with the UTC moment that JST midnight is.
const day = (d: Date) => d.toISOString().slice(0, 10);
const jstMidnight = (d: Date) => new Date(d.getTime() - 9 * 3_600_000).toISOString().replace("Z", "");

const inDepartments = (col: Prisma.Sql, f: ResolvedFilter) =>
  f.departmentIds ? Prisma.sql`AND ${col} = ANY(${f.departmentIds}::text[])` : Prisma.empty;

function caseScope(f: ResolvedFilter) {
  return Prisma.sql`
    ${inDepartments(Prisma.sql`c."departmentId"`, f)}
    ${f.caseKind ? Prisma.sql`AND c.kind = ${f.caseKind}::"CaseKind"` : Prisma.empty}
    ${f.nurseId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "CaseNurse" cn WHERE cn."caseId" = c.id AND cn."userId" = ${f.nurseId})` : Prisma.empty}`;
}

export type ImprovementRow = { dep: string | null; kind: string; q: string; n: number; hits: number };

/** Cases with at least two assessments whose latest falls in the period: improved = latest rank above the first. */
export function improvementRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<ImprovementRow[]>`
    WITH evaluated AS (
      SELECT c.id, c.kind, c."departmentId" AS dep,
        (array_agg(r.rank ORDER BY a."assessedOn", a."createdAt"))[1] AS first_rank,
        (array_agg(r.rank ORDER BY a."assessedOn" DESC, a."createdAt" DESC))[1] AS last_rank,
        max(a."assessedOn") AS last_on
      FROM "Case" c
      JOIN "CaseAssessment" a ON a."caseId" = c.id AND a."teamId" = c."teamId"
      JOIN "RiskLevel" r ON r.id = a."riskLevelId"
      WHERE c."teamId" = ${teamId} AND c."deletedAt" IS NULL ${caseScope(f)}
        AND EXISTS (SELECT 1 FROM "CaseAssessment" x WHERE x."caseId" = c.id AND x."assessedOn" >= ${day(f.from)}::date AND x."assessedOn" < ${day(f.to)}::date)
      GROUP BY c.id
      HAVING count(*) >= 2
    )
    SELECT dep, kind::text AS kind, to_char(date_trunc('quarter', last_on), 'YYYY-MM-DD') AS q,
      count(*)::int AS n, count(*) FILTER (WHERE last_rank > first_rank)::int AS hits
    FROM evaluated
    WHERE last_on >= ${day(f.from)}::date AND last_on < ${day(f.to)}::date
    GROUP BY 1, 2, 3`;
}

export type ReturnRow = { dep: string | null; q: string; returns: number; k3: number; c3: number; k6: number; c6: number; releave: number };

/** Returns to work in the period, and whether they still work at 3 and 6 months. */
export function returnRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<ReturnRow[]>`
    SELECT c."departmentId" AS dep, to_char(date_trunc('quarter', c."returnOn"), 'YYYY-MM-DD') AS q,
      count(*)::int AS returns,
      count(*) FILTER (WHERE c."continued3m" IS NOT NULL)::int AS k3,
      count(*) FILTER (WHERE c."continued3m")::int AS c3,
      count(*) FILTER (WHERE c."continued6m" IS NOT NULL)::int AS k6,
      count(*) FILTER (WHERE c."continued6m")::int AS c6,
      count(*) FILTER (WHERE c."continued3m" = false OR c."continued6m" = false)::int AS releave
    FROM "Case" c
    WHERE c."teamId" = ${teamId} AND c."deletedAt" IS NULL AND c."returnOn" >= ${day(f.from)}::date AND c."returnOn" < ${day(f.to)}::date ${caseScope(f)}
    GROUP BY 1, 2`;
}

function initiativeScope(f: ResolvedFilter) {
  return Prisma.sql`
    ${f.initiativeKind ? Prisma.sql`AND i.kind = ${f.initiativeKind}::"InitiativeKind"` : Prisma.empty}
    ${f.departmentIds ? Prisma.sql`AND EXISTS (SELECT 1 FROM "InitiativeDepartment" idp WHERE idp."initiativeId" = i.id AND idp."departmentId" = ANY(${f.departmentIds}::text[]))` : Prisma.empty}
    ${f.nurseId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "InitiativeOwner" io WHERE io."initiativeId" = i.id AND io."userId" = ${f.nurseId})` : Prisma.empty}`;
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
  id: string; title: string; stage: string; runs: number; participants: number; target: number;
  satSum: number | null; responses: number; before: number | null; after: number | null;
  indicatorName: string; indicatorUnit: string; lowerIsBetter: boolean;
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

/** Key persons by stance at the start (JST) of each given day, from the stance history. */
export function stanceAtRows(db: Db, teamId: string, f: ResolvedFilter, moments: Date[]) {
  if (moments.length === 0) return Promise.resolve([] as StanceAtRow[]);
  return db.$queryRaw<StanceAtRow[]>`
    WITH history AS (
      SELECT sc."keyPersonId", sc."toStance", sc."changedAt",
        lead(sc."changedAt") OVER (PARTITION BY sc."keyPersonId" ORDER BY sc."changedAt", sc.id) AS until,
        k."archivedAt"
      FROM "StanceChange" sc
      JOIN "KeyPerson" k ON k.id = sc."keyPersonId"
      WHERE sc."teamId" = ${teamId} ${personScope(f)}
    )
    SELECT to_char(m.at + interval '9 hours', 'YYYY-MM-DD') AS at, h."toStance"::text AS stance, count(*)::int AS n
    FROM unnest(${moments.map(jstMidnight)}::timestamp[]) AS m(at)
    JOIN history h ON h."changedAt" < m.at AND (h.until IS NULL OR h.until >= m.at) AND (h."archivedAt" IS NULL OR h."archivedAt" >= m.at)
    GROUP BY 1, 2`;
}

export type MoveRow = { q: string; up: number; down: number };

export function stanceMoveRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<MoveRow[]>`
    SELECT to_char(date_trunc('quarter', sc."changedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Tokyo'), 'YYYY-MM-DD') AS q,
      count(*) FILTER (WHERE sc."toStance" > sc."fromStance")::int AS up,
      count(*) FILTER (WHERE sc."toStance" < sc."fromStance")::int AS down
    FROM "StanceChange" sc
    JOIN "KeyPerson" k ON k.id = sc."keyPersonId"
    WHERE sc."teamId" = ${teamId} AND sc."fromStance" IS NOT NULL
      AND sc."changedAt" >= ${jstMidnight(f.from)}::timestamp AND sc."changedAt" < ${jstMidnight(f.to)}::timestamp ${personScope(f)}
    GROUP BY 1`;
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

/** Touchpoints per JST month and type. */
export function activityRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<ActivityRow[]>`
    SELECT to_char(t."occurredAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS month, t.type::text AS type, count(*)::int AS n
    FROM "Touchpoint" t
    WHERE t."teamId" = ${teamId} AND t."deletedAt" IS NULL
      AND t."occurredAt" >= ${jstMidnight(f.from)}::timestamp AND t."occurredAt" < ${jstMidnight(f.to)}::timestamp
      ${f.nurseId ? Prisma.sql`AND t."nurseId" = ${f.nurseId}` : Prisma.empty}
      ${f.departmentIds ? Prisma.sql`AND EXISTS (SELECT 1 FROM "TouchpointParticipant" p JOIN "KeyPerson" k ON k.id = p."keyPersonId" WHERE p."touchpointId" = t.id AND k."departmentId" = ANY(${f.departmentIds}::text[]))` : Prisma.empty}
    GROUP BY 1, 2`;
}

export type AcceptanceRow = { fallback: boolean; decided: number; accepted: number };

/** Answered requests in the period, accepted (or their fallback accepted), with and without a fallback. */
export function acceptanceRows(db: Db, teamId: string, f: ResolvedFilter) {
  return db.$queryRaw<AcceptanceRow[]>`
    SELECT (r."fallbackWhat" <> '') AS fallback, count(*)::int AS decided,
      count(*) FILTER (WHERE r.status IN ('ACCEPTED','FALLBACK_ACCEPTED','DONE'))::int AS accepted
    FROM "Request" r
    JOIN "KeyPerson" k ON k.id = r."keyPersonId"
    WHERE r."teamId" = ${teamId} AND r."respondedAt" >= ${jstMidnight(f.from)}::timestamp AND r."respondedAt" < ${jstMidnight(f.to)}::timestamp
      ${f.nurseId ? Prisma.sql`AND r."nurseId" = ${f.nurseId}` : Prisma.empty}
      ${inDepartments(Prisma.sql`k."departmentId"`, f)}
    GROUP BY 1`;
}
