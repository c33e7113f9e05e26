// From URL filters to success data: resolves the period, checks that the department and nurse are
// the team's own (anything else is ignored, never looked up in another team), then builds.
import type { TeamCtx } from "@/lib/auth/context";
import { subtreeIds } from "@/lib/departments/tree";
import type { ReportData, SectionId } from "@/lib/reports/types";
import { buildSuccessData, translatorFor } from "./build";
import { resolvePeriod, type DashboardFilter, type ResolvedFilter } from "./filters";

const DAY = 86_400_000;

export function formatPeriod(locale: "ja" | "en", from: Date, toExclusive: Date) {
  const fmt = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", { dateStyle: "medium", timeZone: "UTC" });
  return translatorFor(locale)("dashboard.periodRange", { from: fmt.format(from), to: fmt.format(new Date(toExclusive.getTime() - DAY)) });
}

export async function resolveScope(ctx: Pick<TeamCtx, "db" | "teamId">, departmentIds: string[]) {
  const all = new Set<string>();
  const roots: string[] = [];
  for (const id of departmentIds) {
    const ids = await subtreeIds(ctx.db, ctx.teamId, id);
    if (ids.length === 0) continue;
    roots.push(id);
    for (const x of ids) all.add(x);
  }
  return { roots, ids: roots.length ? [...all] : undefined };
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
  const periodName = filter.period === "custom" && !(filter.from && filter.to) ? t("dashboard.periods.year") : t(`dashboard.periods.${filter.period}`);
  return buildSuccessData(ctx, {
    teamName: ctx.team.name,
    minGroupSize: ctx.team.minGroupSize,
    locale,
    filter: resolved,
    scopeRoots: scope.roots,
    periodLabel: t("dashboard.periodWithRange", { name: periodName, range: formatPeriod(locale, period.from, period.to) }),
    sections: opts.sections,
    now,
  });
}
