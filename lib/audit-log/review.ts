// The monthly review of who read what (the MHLW guidance asks that access to health information be
// checked): case reads by nurse and week, refused reads, reads of cases the reader is not on (admins
// read any case; the review is where that is seen), and bulk exports. An admin signs the month off
// as reviewed; the figures she saw are kept with the sign-off. CSV in UTF-8 with BOM or Shift_JIS.
import iconv from "iconv-lite";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { toCsv } from "@/lib/export/csv";
import { AppError } from "@/lib/errors";
import { dateTimeFormat } from "@/lib/i18n/intl";

export const reviewMonthSchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "invalidDate") });

/** Bulk exports: whole lists or records leaving the app. */
const EXPORTS = [
  "case.export",
  "case.disclose",
  "keyPerson.disclose",
  "keyPersons.export",
  "audit.export",
  "audit.reviewExport",
  "team.export",
];

/** The month's bounds as instants: Tokyo's first day 00:00 to the next month's. */
export function monthRange(month: string) {
  const [y, m] = month.split("-").map(Number);
  return { from: new Date(Date.UTC(y, m - 1, 1) - 9 * 3_600_000), to: new Date(Date.UTC(y, m, 1) - 9 * 3_600_000) };
}

export async function accessReview(ctx: TeamCtx, month: string) {
  requirePermission(ctx, "audit.read");
  const { from, to } = monthRange(month);
  const { db, teamId } = ctx;
  const [byWeek, refused, offCase, exports, signOff] = await Promise.all([
    db.$queryRaw<{ actorId: string | null; name: string | null; week: string; reads: number }[]>`
      SELECT a."actorId", u.name, to_char(date_trunc('week', a."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Tokyo'), 'YYYY-MM-DD') AS week, count(*)::int AS reads
      FROM "AuditLog" a LEFT JOIN "User" u ON u.id = a."actorId"
      WHERE a."teamId" = ${teamId} AND a.action = 'case.read' AND a."createdAt" >= ${from} AND a."createdAt" < ${to}
      GROUP BY 1, 2, 3 ORDER BY 2, 3`,
    db.auditLog.findMany({
      where: { teamId, action: "case.readRefused", createdAt: { gte: from, lt: to } },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: { id: true, createdAt: true, entityId: true, actor: { select: { name: true } } },
    }),
    // Read by someone not on the case (now): an admin's read, or a nurse since taken off it.
    db.$queryRaw<{ id: string; createdAt: Date; entityId: string; name: string | null }[]>`
      SELECT a.id, a."createdAt", a."entityId", u.name
      FROM "AuditLog" a LEFT JOIN "User" u ON u.id = a."actorId"
      WHERE a."teamId" = ${teamId} AND a.action = 'case.read' AND a."createdAt" >= ${from} AND a."createdAt" < ${to}
        AND NOT EXISTS (SELECT 1 FROM "CaseNurse" n WHERE n."caseId" = a."entityId" AND n."userId" = a."actorId")
      ORDER BY a."createdAt" LIMIT 500`,
    db.auditLog.findMany({
      where: { teamId, action: { in: EXPORTS }, createdAt: { gte: from, lt: to } },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: { id: true, createdAt: true, action: true, detail: true, actor: { select: { name: true } } },
    }),
    db.auditReview.findUnique({
      where: { teamId_month: { teamId, month } },
      select: { reviewedAt: true, reviewedBy: { select: { name: true } } },
    }),
  ]);
  const figures = {
    caseReads: byWeek.reduce((s, r) => s + r.reads, 0),
    refused: refused.length,
    offCase: offCase.length,
    exports: exports.length,
  };
  return {
    month,
    figures,
    byWeek,
    refused: refused.map((r) => ({ id: r.id, at: r.createdAt, who: r.actor?.name ?? "", caseId: r.entityId ?? "" })),
    offCase: offCase.map((r) => ({ id: r.id, at: r.createdAt, who: r.name ?? "", caseId: r.entityId })),
    exports: exports.map((r) => ({
      id: r.id,
      at: r.createdAt,
      who: r.actor?.name ?? "",
      action: r.action,
      count: (r.detail as { count?: number } | null)?.count ?? null,
    })),
    signOff: signOff ? { at: signOff.reviewedAt, by: signOff.reviewedBy.name } : null,
  };
}

/** Signs the month off as reviewed, once; the figures seen are kept with it. */
export async function signOffReview(ctx: TeamCtx, month: string, now = new Date()) {
  requirePermission(ctx, "audit.signOff");
  if (monthRange(month).from > now) throw new AppError("validation", "validation", { month: ["inFuture"] });
  const review = await accessReview(ctx, month);
  if (review.signOff) throw new AppError("conflict", "alreadyReviewed");
  await ctx.db.$transaction(async (tx) => {
    await tx.auditReview.create({
      data: { teamId: ctx.teamId, month, reviewedById: ctx.userId, reviewedAt: now, figures: review.figures },
    });
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "audit.review",
      entityType: "AuditReview",
      entityId: month,
      detail: review.figures,
    });
  });
}

const tokyo = (d: Date) => dateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "short" }).format(d);

/** The review as one CSV (UTF-8 with BOM, or Shift_JIS for older Excel); the export is logged. */
export async function exportReview(ctx: TeamCtx, month: string, encoding: "utf-8" | "shift_jis") {
  const r = await accessReview(ctx, month);
  const rows: (string | number)[][] = [
    ...r.byWeek.map((w) => ["ケースの閲覧", w.week, w.name ?? "", w.reads, ""]),
    ...r.refused.map((x) => ["拒否された閲覧", tokyo(x.at), x.who, 1, x.caseId]),
    ...r.offCase.map((x) => ["担当外の閲覧", tokyo(x.at), x.who, 1, x.caseId]),
    ...r.exports.map((x) => ["一括の書き出し", tokyo(x.at), x.who, x.count ?? "", x.action]),
  ];
  const csv = toCsv(["区分", "週・日時", "実行者", "件数", "対象・操作"], rows);
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "audit.reviewExport",
    entityType: "AuditReview",
    entityId: month,
    detail: { count: rows.length, encoding },
  });
  // Shift_JIS has no byte-order mark; characters it cannot hold become "?".
  return encoding === "shift_jis" ? new Uint8Array(iconv.encode(csv.replace(/^\uFEFF/, ""), "Shift_JIS")) : new TextEncoder().encode(csv);
}
