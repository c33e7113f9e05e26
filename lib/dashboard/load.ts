// From URL filters to success data: resolves the period, checks that the department and nurse are
// the team's own (anything else is ignored, never looked up in another team), then builds.
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { publish } from "@/lib/reports/format";
import { CASE_SECTIONS, type ReportData, type SectionId } from "@/lib/reports/types";
import { translatorFor } from "@/lib/i18n/translator";
import { buildSuccessData } from "./build";
import { formatDay } from "./sections/periods";
import { resolvePeriod, untilToday, type DashboardFilter, type ResolvedFilter } from "./filters";
import { DAY_MS } from "@/lib/dates";

export function formatPeriod(locale: "ja" | "en", from: Date, toExclusive: Date) {
  return translatorFor(locale)("dashboard.periodRange", {
    from: formatDay(locale, from),
    to: formatDay(locale, new Date(toExclusive.getTime() - DAY_MS)),
  });
}

/** The chosen departments of this team (others are ignored) and everything below them, in two queries. */
export async function resolveScope(ctx: Pick<TeamCtx, "db" | "teamId">, departmentIds: string[]) {
  if (departmentIds.length === 0) return { roots: [], ids: undefined };
  const roots = await ctx.db.department.findMany({
    where: { teamId: ctx.teamId, id: { in: departmentIds } },
    select: { id: true, path: true },
  });
  if (roots.length === 0) return { roots: [], ids: undefined };
  const below = await ctx.db.department.findMany({
    where: { teamId: ctx.teamId, OR: roots.map((r) => ({ path: { startsWith: `${r.path}${r.id}/` } })) },
    select: { id: true },
  });
  const order = new Map(departmentIds.map((id, i) => [id, i]));
  return {
    roots: roots.map((r) => r.id).sort((a, b) => order.get(a)! - order.get(b)!),
    ids: [...new Set([...roots.map((r) => r.id), ...below.map((d) => d.id)])],
  };
}

export async function loadDashboard(
  ctx: Pick<TeamCtx, "db" | "teamId" | "team">,
  filter: DashboardFilter,
  locale: "ja" | "en",
  opts: { now?: Date; sections?: readonly SectionId[] } = {},
): Promise<ReportData> {
  const now = opts.now ?? new Date();
  const period = resolvePeriod(filter, now);
  const scope = filter.dept ? await resolveScope(ctx, [filter.dept]) : { roots: [], ids: undefined };
  const nurse = filter.nurse
    ? await ctx.db.membership.findFirst({ where: { teamId: ctx.teamId, userId: filter.nurse }, select: { userId: true } })
    : null;
  const resolved: ResolvedFilter = {
    ...period,
    departmentIds: scope.ids,
    nurseId: nurse?.userId,
    caseKind: filter.caseKind,
    initiativeKind: filter.initiativeKind,
  };
  const t = translatorFor(locale);
  const periodName =
    filter.period === "custom" && !(filter.from && filter.to) ? t("dashboard.periods.year") : t(`dashboard.periods.${filter.period}`);
  return buildSuccessData(ctx, {
    teamName: ctx.team.name,
    minGroupSize: ctx.team.minGroupSize,
    locale,
    filter: resolved,
    scopeRoots: scope.roots,
    periodLabel: t("dashboard.periodWithRange", { name: periodName, range: formatPeriod(locale, period.from, untilToday(period.to, now)) }),
    sections: opts.sections,
    now,
  });
}

/**
 * The dashboard as this member may see it. Case figures are about cases a nurse may not open: unless
 * she may read every case, they follow the publication rules (hidden figures removed, sentences
 * without them), as they would in a report.
 */
export function forViewer(role: TeamCtx["role"], data: ReportData): ReportData {
  if (can(role, "cases.readAll")) return data;
  const published = publish(data);
  return {
    ...data,
    teamSummary: undefined,
    sections: data.sections.map((s) => (CASE_SECTIONS.includes(s.id) ? published.sections.find((p) => p.id === s.id)! : s)),
  };
}

/** Every look at case figures is in the audit log, with the filters that made it. */
export async function auditDashboardView(ctx: Pick<TeamCtx, "db" | "teamId" | "userId">, filter: DashboardFilter) {
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "dashboard.view",
    entityType: "Dashboard",
    detail: JSON.parse(JSON.stringify(filter)),
  });
}
