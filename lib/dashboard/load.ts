// From URL filters to success data: resolves the period, checks that the department and nurse are
// the team's own (anything else is ignored, never looked up in another team), then builds.
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { snapshotOf } from "@/lib/reports/snapshot";
import { CASE_SECTIONS, type ReportData, type Section, type SectionId } from "@/lib/reports/types";
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

/** For each case section, the latest issued report that holds it (with what to say about its source). */
export async function publishedCaseSections(ctx: Pick<TeamCtx, "db" | "teamId">, locale: "ja" | "en") {
  // Newest first, one snapshot at a time: the latest issue usually holds both case sections.
  const issues = await ctx.db.reportIssue.findMany({
    where: { teamId: ctx.teamId, report: { archivedAt: null } },
    orderBy: { issuedAt: "desc" },
    take: 20,
    select: { id: true, issuedAt: true, report: { select: { title: true } } },
  });
  const t = translatorFor(locale);
  const found = new Map<SectionId, Section>();
  for (const issue of issues) {
    if (CASE_SECTIONS.every((id) => found.has(id))) break;
    const stored = await ctx.db.reportIssue.findFirst({ where: { id: issue.id, teamId: ctx.teamId }, select: { snapshot: true } });
    if (!stored) continue;
    const data = snapshotOf(stored);
    for (const section of data.sections) {
      if (!CASE_SECTIONS.includes(section.id) || found.has(section.id)) continue;
      const source = t("dashboard.caseFromReport", {
        title: issue.report.title,
        period: data.periodLabel,
        date: formatDay(locale, issue.issuedAt),
      });
      found.set(section.id, { ...section, notes: [source, ...(section.notes ?? [])] });
    }
  }
  return found;
}

/**
 * The dashboard as this member may see it. Case figures are about cases a nurse may not open: unless
 * she may read every case, she sees them at no finer grain than reports publish, i.e. the case sections
 * of the team's latest issued reports (whole closed quarters, audited against everything published).
 * Live figures over any period and filter would let two views a day apart give one case's outcome.
 */
export function forViewer(role: TeamCtx["role"], data: ReportData, published: Map<SectionId, Section>, locale: "ja" | "en"): ReportData {
  if (can(role, "cases.readAll")) return data;
  const t = translatorFor(locale);
  return {
    ...data,
    teamSummary: undefined,
    // The summary's case sentences came from live figures: they go with them.
    summary: data.summary.filter((line) => !data.caseSummary?.includes(line)),
    sections: data.sections.map((s) =>
      CASE_SECTIONS.includes(s.id)
        ? (published.get(s.id) ?? { id: s.id, title: s.title, tables: [], notes: [t("dashboard.caseNoReport")] })
        : s,
    ),
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
