// The audit log for admins: filtered by person, action and date, paged, exportable.
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { toCsv } from "@/lib/export/csv";
import { dateOnlyOf, DAY_MS, jstDayStart } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isoDate } from "@/lib/zod-helpers";

export const AUDIT_PAGE = 50;
const EXPORT_LIMIT = 50_000;

export const auditFilterSchema = z.object({
  actor: z
    .string()
    .trim()
    .max(64)
    .regex(/^[\w-]*$/)
    .optional()
    .catch(undefined),
  action: z
    .string()
    .trim()
    .max(64)
    .regex(/^[\w.]*$/)
    .optional()
    .catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

function where(ctx: TeamCtx, f: AuditFilter): Prisma.AuditLogWhereInput {
  // Dates are JST calendar days.
  const jst = (d: string) => jstDayStart(dateOnlyOf(d)!);
  return {
    teamId: ctx.teamId,
    ...(f.actor ? { actorId: f.actor } : {}),
    // "case." finds every case action; a full name finds that one.
    ...(f.action ? (f.action.endsWith(".") ? { action: { startsWith: f.action } } : { action: f.action }) : {}),
    ...(f.from || f.to
      ? { createdAt: { ...(f.from ? { gte: jst(f.from) } : {}), ...(f.to ? { lt: new Date(jst(f.to).getTime() + DAY_MS) } : {}) } }
      : {}),
  };
}

const select = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  detail: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} as const;

export async function listAuditLog(ctx: TeamCtx, f: AuditFilter) {
  const w = where(ctx, f);
  const [total, rows, actors, actions] = await Promise.all([
    ctx.db.auditLog.count({ where: w }),
    ctx.db.auditLog.findMany({
      where: w,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * AUDIT_PAGE,
      take: AUDIT_PAGE,
      select,
    }),
    ctx.db.membership.findMany({
      where: { teamId: ctx.teamId },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    ctx.db.auditLog.groupBy({ by: ["action"], where: { teamId: ctx.teamId }, orderBy: { action: "asc" } }),
  ]);
  return {
    total,
    rows,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE)),
    actors: actors.map((a) => a.user),
    actions: actions.map((a) => a.action),
  };
}

/** The filtered log as CSV (UTF-8 with BOM); the export itself is logged. */
export async function exportAuditLog(ctx: TeamCtx, f: AuditFilter) {
  const rows = await ctx.db.auditLog.findMany({
    where: where(ctx, f),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: EXPORT_LIMIT,
    select,
  });
  const csv = toCsv(
    ["日時", "実行者", "操作", "対象の種類", "対象ID", "詳細"],
    rows.map((r) => [
      r.createdAt.toISOString(),
      r.actor?.name ?? "",
      r.action,
      r.entityType,
      r.entityId ?? "",
      r.detail === null ? "" : JSON.stringify(r.detail),
    ]),
  );
  const { page: _page, ...filter } = f;
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "audit.export",
    entityType: "AuditLog",
    detail: { count: rows.length, filter: JSON.parse(JSON.stringify(filter)) },
  });
  return { csv, count: rows.length };
}

/** The last entries of one action, newest first: a settings page's "recent" list (purges, exports). */
export function recentEntries(ctx: TeamCtx, action: string, take = 10) {
  return ctx.db.auditLog.findMany({
    where: { teamId: ctx.teamId, action },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, createdAt: true, detail: true, actor: { select: { name: true } } },
  });
}
