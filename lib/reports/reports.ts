// Report definitions and issued (frozen) reports. Issuing computes the success data for the
// definition, removes every suppressed number, and stores the result: what a committee saw in
// April reads the same in June. "Re-issue" makes a new numbered version.
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { buildSuccessData } from "@/lib/dashboard/build";
import { formatPeriod, resolveScope } from "@/lib/dashboard/load";
import { dayKey, untilToday } from "@/lib/dashboard/filters";
import { formatDay } from "@/lib/dashboard/sections/periods";
import { translatorFor } from "@/lib/i18n/translator";
import { dateOnlyOf, DAY_MS } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { publish } from "./format";
import { applyEdits, draftHash, editsOf, type saveEditsSchema } from "./edits";
import { closedQuarters, loadRelease, recordRelease } from "./ledger";
import { snapshotOf } from "./snapshot";
import type { reportSchema, updateReportSchema } from "./schemas";
import { SECTION_IDS, type Audience, type ReportData, type SectionId } from "./types";

const toRow = (input: z.infer<typeof reportSchema>) => ({
  title: input.title,
  message: input.message,
  periodFrom: dateOnlyOf(input.periodFrom)!,
  periodTo: new Date(dateOnlyOf(input.periodTo)!.getTime() + DAY_MS),
  departmentIds: [...new Set(input.departmentIds)],
  sections: SECTION_IDS.filter((s) => input.sections.includes(s)),
  audience: input.audience,
});

async function checkDepartments(ctx: TeamCtx, ids: string[]) {
  if (ids.length === 0) return;
  const found = await ctx.db.department.count({ where: { teamId: ctx.teamId, id: { in: ids } } });
  if (found !== new Set(ids).size) throw new AppError("validation", "validation", { departmentIds: ["invalidChoice"] });
}

export async function createReport(ctx: TeamCtx, input: z.infer<typeof reportSchema>) {
  await checkDepartments(ctx, input.departmentIds);
  return ctx.db.$transaction(async (tx) => {
    const report = await tx.report.create({ data: { ...toRow(input), teamId: ctx.teamId, createdById: ctx.userId }, select: { id: true } });
    await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: "report.create", entityType: "Report", entityId: report.id });
    return report;
  });
}

const toJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;
const NO_DRAFT = { draft: Prisma.DbNull, draftAt: null };
/** Stores the draft under review, or clears it (issued, or the definition changed). */
const storeDraft = (db: Pick<TeamCtx["db"], "report">, teamId: string, id: string, draft: ReportData | null, at: Date) =>
  db.report.updateMany({ where: { id, teamId }, data: draft ? { draft: toJson(draft), draftAt: at } : NO_DRAFT });

/** Changes a report of this team at the version the user saw; a stale version is refused, not overwritten. */
async function updateAtVersion(ctx: TeamCtx, id: string, version: number, data: Prisma.ReportUpdateManyMutationInput, action: string) {
  const res = await ctx.db.report.updateMany({
    where: { id, teamId: ctx.teamId, version, archivedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (res.count !== 1) {
    const exists = await ctx.db.report.count({ where: { id, teamId: ctx.teamId, archivedAt: null } });
    throw exists ? new AppError("conflict", "staleEdit") : new AppError("notFound");
  }
  await audit(ctx.db, { teamId: ctx.teamId, actorId: ctx.userId, action, entityType: "Report", entityId: id });
  return { id };
}

export async function updateReport(ctx: TeamCtx, input: z.infer<typeof updateReportSchema>) {
  await checkDepartments(ctx, input.departmentIds);
  // A changed definition makes the draft stale: the nurse reviews a new one before issuing.
  return updateAtVersion(ctx, input.id, input.version, { ...toRow(input), ...NO_DRAFT }, "report.update");
}

/** Archives a report and revokes every live share link of its issues (they could no longer be managed). */
export async function archiveReport(ctx: TeamCtx, id: string) {
  const now = new Date();
  await ctx.db.$transaction(async (tx) => {
    const res = await tx.report.updateMany({ where: { id, teamId: ctx.teamId, archivedAt: null }, data: { archivedAt: now } });
    if (res.count !== 1) throw new AppError("notFound");
    const links = await tx.shareLink.updateMany({
      where: { teamId: ctx.teamId, reportIssue: { reportId: id }, revokedAt: null },
      data: { revokedAt: now },
    });
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "report.archive",
      entityType: "Report",
      entityId: id,
      detail: { revokedLinks: links.count },
    });
  });
}

const PAGE = 30;

export async function listReports(ctx: TeamCtx, page = 1) {
  const where = { teamId: ctx.teamId, archivedAt: null };
  const [total, rows] = await Promise.all([
    ctx.db.report.count({ where }),
    ctx.db.report.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: {
        id: true,
        title: true,
        periodFrom: true,
        periodTo: true,
        updatedAt: true,
        createdBy: { select: { name: true } },
        issues: { orderBy: { number: "desc" }, take: 1, select: { number: true, issuedAt: true } },
      },
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / PAGE)), rows };
}

export async function getReport(ctx: TeamCtx, id: string) {
  const report = await ctx.db.report.findFirst({
    where: { id, teamId: ctx.teamId, archivedAt: null },
    select: {
      id: true,
      title: true,
      message: true,
      periodFrom: true,
      periodTo: true,
      departmentIds: true,
      sections: true,
      audience: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      edits: true,
      draft: true,
      draftAt: true,
      createdBy: { select: { name: true } },
      issues: {
        orderBy: { number: "desc" },
        take: 20,
        select: { id: true, number: true, issuedAt: true, issuedBy: { select: { name: true } } },
      },
    },
  });
  if (!report) throw new AppError("notFound");
  return report;
}

type Definition = {
  title: string;
  message: string;
  periodFrom: Date;
  periodTo: Date;
  departmentIds: string[];
  sections: string[];
  audience: Audience;
};

/** The last day (UTC midnight) that the closed quarters cover; undefined for none. */
function lastCaseDay(caseQuarters: string[]) {
  const last = caseQuarters.at(-1);
  if (!last) return undefined;
  const start = new Date(`${last}T00:00:00Z`);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1) - DAY_MS);
}

/** What an issue today would cover: the period's last day (today at most) and the case figures' last day. */
export function issueCoverage(periodFrom: Date, periodTo: Date, now = new Date()) {
  return {
    today: new Date(untilToday(periodTo, now).getTime() - DAY_MS),
    through: lastCaseDay(closedQuarters(periodFrom, periodTo, now).map(dayKey)),
  };
}

/** The period as the cover gives it: to today at most, and the last day case figures cover. */
function coverPeriod(locale: "ja" | "en", report: Pick<Definition, "periodFrom" | "periodTo">, caseQuarters: string[], now: Date) {
  const t = translatorFor(locale);
  const period = formatPeriod(locale, report.periodFrom, untilToday(report.periodTo, now));
  const through = lastCaseDay(caseQuarters);
  if (!through) return t("reports.coverPeriodNoCases", { period });
  return t("reports.coverPeriod", { period, through: formatDay(locale, through) });
}

/**
 * The success data a definition stands for, computed now (what issuing freezes): case figures over
 * closed quarters, audited against everything the team has published (decision 009).
 */
export async function computeReport(ctx: TeamCtx, report: Definition, now = new Date()) {
  const scope = await resolveScope(ctx, report.departmentIds);
  const loaded = await loadRelease(ctx, { periodFrom: report.periodFrom, periodTo: report.periodTo, scopeIds: scope.ids }, now);
  const data = await buildSuccessData(ctx, {
    teamName: ctx.team.name,
    minGroupSize: ctx.team.minGroupSize,
    locale: ctx.user.locale,
    filter: { from: report.periodFrom, to: report.periodTo, departmentIds: scope.ids },
    scopeRoots: scope.roots,
    // A period still under way is said to end today, and the cover says where case figures stop.
    periodLabel: coverPeriod(ctx.user.locale, report, loaded.release.caseQuarters, now),
    title: report.title,
    message: report.message,
    sections: report.sections as SectionId[],
    audience: report.audience,
    now,
    release: loaded.release,
  });
  return { data, loaded };
}

class LedgerMoved extends Error {}

/**
 * Computes the next issue for review (nothing is recorded): the published data the nurse edits and
 * previews. Issuing later checks that it still holds.
 */
export async function draftReport(ctx: TeamCtx, id: string, now = new Date()) {
  const report = await getReport(ctx, id);
  const draft = publish((await computeReport(ctx, report, now)).data);
  await storeDraft(ctx.db, ctx.teamId, id, draft, now);
  return { draft, hash: draftHash(draft) };
}

/** The nurse's edits, guarded by the report's version like any other edit of it. */
export function saveReportEdits(ctx: TeamCtx, input: z.infer<typeof saveEditsSchema>) {
  return updateAtVersion(ctx, input.id, input.version, { edits: toJson(input.edits) }, "report.edit");
}

/**
 * Freezes the report's numbers as the next numbered issue, with the nurse's edits, and records what
 * it published. With `expected` (the hash of the draft the nurse reviewed), the issue goes out only
 * if it is still that draft; otherwise the draft is replaced and the nurse reviews it again.
 */
export async function issueReport(ctx: TeamCtx, id: string, now = new Date(), expected?: string) {
  const report = await getReport(ctx, id);
  const edits = editsOf(report.edits);
  for (let attempt = 0; attempt < 3; attempt++) {
    const { data, loaded } = await computeReport(ctx, report, now);
    const published = publish(data);
    if (expected && draftHash(published) !== expected) {
      await storeDraft(ctx.db, ctx.teamId, id, published, now);
      throw new AppError("conflict", "draftChanged");
    }
    const snapshot = applyEdits(published, edits);
    const latest = await ctx.db.reportIssue.findFirst({ where: { reportId: id }, orderBy: { number: "desc" }, select: { number: true } });
    const number = (latest?.number ?? 0) + 1;
    try {
      const issue = await ctx.db.$transaction(async (tx) => {
        const created = await tx.reportIssue.create({
          data: { teamId: ctx.teamId, reportId: id, number, snapshot: toJson(snapshot), issuedById: ctx.userId, issuedAt: now },
          select: { id: true, number: true },
        });
        // Another issue recorded in the meantime: this one was audited without it, so compute again.
        if (!(await recordRelease(tx, ctx.teamId, created.id, loaded))) throw new LedgerMoved();
        // Issued: the next issue starts from a new draft.
        await storeDraft(tx, ctx.teamId, id, null, now);
        await audit(tx, {
          teamId: ctx.teamId,
          actorId: ctx.userId,
          action: "report.issue",
          entityType: "Report",
          entityId: id,
          detail: { number },
        });
        return created;
      });
      return issue;
    } catch (e) {
      // Two people issuing at once: the unique (report, number) decides; the loser takes the next number.
      if (!(e instanceof LedgerMoved) && (e as { code?: string }).code !== "P2002") throw e;
    }
  }
  throw new AppError("conflict", "conflict");
}

/** An issued report of this team (the latest, or the numbered one), read for an export. */
export async function getIssue(ctx: TeamCtx, reportId: string, number?: number) {
  const issue = await ctx.db.reportIssue.findFirst({
    where: { reportId, teamId: ctx.teamId, report: { archivedAt: null }, ...(number ? { number } : {}) },
    orderBy: { number: "desc" },
    select: { id: true, number: true, issuedAt: true, snapshot: true, report: { select: { title: true } } },
  });
  if (!issue) throw new AppError("notFound");
  return { ...issue, data: snapshotOf(issue) };
}

export async function auditExport(ctx: TeamCtx, reportId: string, number: number, format: "pdf" | "xlsx" | "csv") {
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "report.export",
    entityType: "Report",
    entityId: reportId,
    detail: { number, format },
  });
}
