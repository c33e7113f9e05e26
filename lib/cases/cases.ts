// 対象者ケース. Pseudonymous by default, consent first, readable only by its nurses and admins.
import type { z } from "zod";
import type { TeamCtx } from "@/lib/auth/context";
import { dateOnlyOf } from "@/lib/dates";
import { can } from "@/lib/auth/permissions";
import { toCsv } from "@/lib/export/csv";
import { AppError } from "@/lib/errors";
import ja from "@/messages/ja.json";
import { employeeCodeHash, employeeCodeHashes, openSealed, sealText } from "@/lib/crypto/sealed-text";
import { liveCase, readableCases, writableCases } from "./access";
import type { assessmentSchema, caseFields, createCaseSchema, updateCaseSchema } from "./schemas";
import { audit } from "@/lib/audit";

export const DEFAULT_RISK_LEVELS = ["要医療", "要観察", "改善", "問題なし"];

/** The team's risk scale (worst first); a team without one gets the default. */
export async function riskLevels(ctx: TeamCtx) {
  const existing = await ctx.db.riskLevel.findMany({
    where: { teamId: ctx.teamId },
    orderBy: { rank: "asc" },
    select: { id: true, label: true, rank: true },
  });
  if (existing.length) return existing;
  await ctx.db.riskLevel.createMany({
    data: DEFAULT_RISK_LEVELS.map((label, i) => ({ teamId: ctx.teamId, label, rank: i + 1 })),
    skipDuplicates: true,
  });
  return ctx.db.riskLevel.findMany({
    where: { teamId: ctx.teamId },
    orderBy: { rank: "asc" },
    select: { id: true, label: true, rank: true },
  });
}

async function checkLinks(ctx: TeamCtx, input: z.infer<typeof caseFields>) {
  const errors: Record<string, string[]> = {};
  if (input.employeeName && !ctx.team.caseNamesOn) errors.employeeName = ["namesOff"];
  const nurses = await ctx.db.membership.count({ where: { teamId: ctx.teamId, status: "ACTIVE", userId: { in: input.nurseIds } } });
  if (nurses !== new Set(input.nurseIds).size) errors.nurseIds = ["notFound"];
  if (input.keyPersonIds.length) {
    const found = await ctx.db.keyPerson.count({ where: { teamId: ctx.teamId, id: { in: input.keyPersonIds } } });
    if (found !== new Set(input.keyPersonIds).size) errors.keyPersonIds = ["notFound"];
  }
  if (input.departmentId && !(await ctx.db.department.count({ where: { teamId: ctx.teamId, id: input.departmentId } })))
    errors.departmentId = ["notFound"];
  if (Object.keys(errors).length) throw new AppError("validation", "validation", errors);
}

/** The row to write: identifiers and free text sealed, the code findable through its keyed hash. */
function data(teamId: string, input: z.infer<typeof caseFields>) {
  return {
    employeeCode: sealText(input.employeeCode),
    employeeCodeHash: employeeCodeHash(teamId, input.employeeCode),
    employeeName: sealText(input.employeeName || null),
    kind: input.kind,
    departmentId: input.departmentId ?? null,
    status: input.status,
    consentAt: dateOnlyOf(input.consentOn),
    consentScope: sealText(input.consentScope),
    consentMethod: sealText(input.consentMethod),
    followUpPlan: sealText(input.followUpPlan),
    nextFollowUpOn: dateOnlyOf(input.nextFollowUpOn),
    openedOn: dateOnlyOf(input.openedOn)!,
    closedOn: input.status === "CLOSED" ? new Date() : null,
    returnOn: dateOnlyOf(input.returnOn),
    continued3m: input.continued3m ?? null,
    continued6m: input.continued6m ?? null,
  };
}

/** One case per employee and opening day; the code is compared through its keyed hash. */
async function checkUnique(ctx: TeamCtx, input: z.infer<typeof caseFields>, id?: string) {
  const same = await ctx.db.case.count({
    where: {
      teamId: ctx.teamId,
      employeeCodeHash: { in: employeeCodeHashes(ctx.teamId, input.employeeCode) },
      openedOn: dateOnlyOf(input.openedOn)!,
      ...(id ? { id: { not: id } } : {}),
    },
  });
  if (same) throw new AppError("conflict", "duplicate");
}

export async function createCase(ctx: TeamCtx, input: z.infer<typeof createCaseSchema>) {
  await checkLinks(ctx, input);
  await checkUnique(ctx, input);
  return ctx.db.$transaction(async (tx) => {
    const c = await tx.case.create({
      data: {
        ...data(ctx.teamId, input),
        teamId: ctx.teamId,
        nurses: { create: [...new Set(input.nurseIds)].map((userId) => ({ userId, teamId: ctx.teamId })) },
        keyPersons: { create: [...new Set(input.keyPersonIds)].map((keyPersonId) => ({ keyPersonId, teamId: ctx.teamId })) },
      },
      select: { id: true },
    });
    await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: "case.create", entityType: "Case", entityId: c.id });
    return c;
  });
}

const caseSelect = {
  id: true,
  employeeCode: true,
  employeeName: true,
  kind: true,
  status: true,
  departmentId: true,
  consentAt: true,
  consentScope: true,
  consentMethod: true,
  followUpPlan: true,
  nextFollowUpOn: true,
  openedOn: true,
  closedOn: true,
  returnOn: true,
  continued3m: true,
  continued6m: true,
  version: true,
  withdrawnAt: true,
  keepReason: true,
  legalHold: true,
  legalHoldAt: true,
  department: { select: { name: true } },
  nurses: { select: { user: { select: { id: true, name: true } } } },
  keyPersons: { select: { keyPerson: { select: { id: true, name: true, title: true } } } },
  assessments: {
    orderBy: { assessedOn: "asc" as const },
    select: { id: true, assessedOn: true, note: true, riskLevel: { select: { id: true, label: true, rank: true } } },
  },
};

/** Reading a case is audit-logged; a case the user may not read does not exist for them. */
export async function getCase(ctx: TeamCtx, id: string) {
  const c = await ctx.db.case.findFirst({ where: { id, ...readableCases(ctx) }, select: caseSelect });
  if (!c) {
    // Refused reads are evidence too (curiosity about a colleague's case is what the log is for).
    await audit(ctx.db, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "case.readRefused",
      entityType: "Case",
      entityId: id.slice(0, 64),
    });
    throw new AppError("notFound");
  }
  await audit(ctx.db, { teamId: ctx.teamId, actorId: ctx.userId, action: "case.read", entityType: "Case", entityId: id });
  return openSealed(c);
}

export async function updateCase(ctx: TeamCtx, input: z.infer<typeof updateCaseSchema>) {
  const current = await ctx.db.case.findFirst({
    where: { id: input.id, ...readableCases(ctx) },
    select: { id: true, version: true, status: true, closedOn: true, withdrawnAt: true },
  });
  if (!current) throw new AppError("notFound");
  // Consent withdrawn: what is kept is read-only.
  if (current.withdrawnAt) throw new AppError("conflict", "caseWithdrawn");
  await checkLinks(ctx, input);
  await checkUnique(ctx, input, input.id);
  await ctx.db.$transaction(async (tx) => {
    const d = data(ctx.teamId, input);
    const res = await tx.case.updateMany({
      where: { id: input.id, teamId: ctx.teamId, version: input.version },
      data: { ...d, closedOn: input.status === "CLOSED" ? (current.closedOn ?? new Date()) : null, version: { increment: 1 } },
    });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    await tx.caseNurse.deleteMany({ where: { caseId: input.id } });
    await tx.caseNurse.createMany({
      data: [...new Set(input.nurseIds)].map((userId) => ({ caseId: input.id, userId, teamId: ctx.teamId })),
    });
    await tx.caseKeyPerson.deleteMany({ where: { caseId: input.id } });
    await tx.caseKeyPerson.createMany({
      data: [...new Set(input.keyPersonIds)].map((keyPersonId) => ({ caseId: input.id, keyPersonId, teamId: ctx.teamId })),
    });
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "case.update",
      entityType: "Case",
      entityId: input.id,
      detail: { status: input.status },
    });
  });
  return { id: input.id };
}

export async function addAssessment(ctx: TeamCtx, input: z.infer<typeof assessmentSchema>) {
  const c = await ctx.db.case.findFirst({ where: { id: input.caseId, ...readableCases(ctx) }, select: { withdrawnAt: true } });
  if (!c) throw new AppError("notFound");
  if (c.withdrawnAt) throw new AppError("conflict", "caseWithdrawn");
  const level = await ctx.db.riskLevel.count({ where: { id: input.riskLevelId, teamId: ctx.teamId } });
  if (!level) throw new AppError("validation", "validation", { riskLevelId: ["notFound"] });
  return ctx.db.$transaction(async (tx) => {
    const a = await tx.caseAssessment.create({
      data: {
        teamId: ctx.teamId,
        caseId: input.caseId,
        riskLevelId: input.riskLevelId,
        assessedOn: dateOnlyOf(input.assessedOn)!,
        note: sealText(input.note),
      },
      select: { id: true },
    });
    await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: "case.assess", entityType: "Case", entityId: input.caseId });
    return a;
  });
}

/** Admin only. The record is kept (soft delete) and the deletion is audit-logged. */
export async function deleteCase(ctx: TeamCtx, id: string) {
  if (!can(ctx.role, "cases.delete")) throw new AppError("forbidden");
  const res = await ctx.db.case.updateMany({ where: { id, teamId: ctx.teamId, deletedAt: null }, data: { deletedAt: new Date() } });
  if (res.count !== 1) throw new AppError("notFound");
  await audit(ctx.db, { teamId: ctx.teamId, actorId: ctx.userId, action: "case.delete", entityType: "Case", entityId: id });
}

/**
 * The cases this user may read, in full; for the rest of the team, counts only. Cases whose consent
 * was withdrawn leave the list and the counts; the reader sees how many of hers are kept read-only.
 */
export async function listCases(ctx: TeamCtx, status?: string) {
  const where = { ...writableCases(ctx), ...(status ? { status: status as "OPEN" } : {}) };
  const [rows, teamCounts, withdrawn] = await Promise.all([
    ctx.db.case.findMany({
      where,
      orderBy: [{ status: "asc" }, { nextFollowUpOn: { sort: "asc", nulls: "last" } }],
      take: 200,
      select: {
        id: true,
        employeeCode: true,
        kind: true,
        status: true,
        nextFollowUpOn: true,
        openedOn: true,
        department: { select: { name: true } },
        nurses: { select: { user: { select: { name: true } } } },
      },
    }),
    ctx.db.case.groupBy({ by: ["status"], where: { teamId: ctx.teamId, ...liveCase }, _count: { _all: true } }),
    ctx.db.case.findMany({
      where: { ...readableCases(ctx), withdrawnAt: { not: null } },
      orderBy: { withdrawnAt: "desc" },
      take: 50,
      select: { id: true, employeeCode: true, withdrawnAt: true, keepReason: true },
    }),
  ]);
  if (rows.length || withdrawn.length)
    await audit(ctx.db, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "case.list",
      entityType: "Case",
      entityId: null,
      detail: { count: rows.length + withdrawn.length },
    });
  return {
    rows: openSealed(rows),
    withdrawn: openSealed(withdrawn),
    teamCounts: Object.fromEntries(teamCounts.map((c) => [c.status, c._count._all])) as Record<string, number>,
  };
}

export async function exportCasesCsv(ctx: TeamCtx) {
  const rows = openSealed(await ctx.db.case.findMany({ where: writableCases(ctx), orderBy: { openedOn: "asc" }, select: caseSelect }));
  const csv = toCsv(
    ["社員コード", "種別", "状態", "部署", "開始日", "次回フォロー", "復職日", "3か月継続", "6か月継続", "最新の評価"],
    rows.map((c) => [
      c.employeeCode,
      ja.caseKinds[c.kind],
      ja.caseStatuses[c.status],
      c.department?.name ?? "",
      c.openedOn.toISOString().slice(0, 10),
      c.nextFollowUpOn?.toISOString().slice(0, 10) ?? "",
      c.returnOn?.toISOString().slice(0, 10) ?? "",
      c.continued3m === null ? "" : c.continued3m ? "はい" : "いいえ",
      c.continued6m === null ? "" : c.continued6m ? "はい" : "いいえ",
      c.assessments.at(-1)?.riskLevel.label ?? "",
    ]),
  );
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "case.export",
    entityType: "Case",
    entityId: null,
    detail: { count: rows.length, ids: rows.map((r) => r.id) },
  });
  return csv;
}
