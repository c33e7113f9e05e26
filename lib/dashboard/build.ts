// Builds the success data (sections of tables, with suppression marked) for the dashboard, a
// report, its exports and share page. Every label comes from the message catalogs.
import type { TeamCtx } from "@/lib/auth/context";
import { DAY_MS, tokyoToday } from "@/lib/dates";
import { distinctLabels } from "@/lib/departments/labels";
import { monthLabel, translatorFor } from "@/lib/i18n/translator";
import { groupSizeOf } from "@/lib/statistics/suppression";
import { SECTION_IDS, SNAPSHOT_SCHEMA, type Audience, type ReportData, type SectionId } from "@/lib/reports/types";
import type { Translate } from "@/lib/i18n/translator";
import { dayKey, quartersIn, untilToday, type ResolvedFilter } from "./filters";
import * as q from "./queries";
import { activitySection } from "./sections/activity";
import { alliesSection } from "./sections/allies";
import { caseSections, type Release } from "./sections/cases";
import { lastMonthOf } from "./sections/periods";
import { pilotsSection } from "./sections/pilots";
import { summarize, summarizeCases } from "./summary";

type Locale = "ja" | "en";
export type { Translate };
export { CASE_MEASURES, RELEASE_MEASURES, type CaseMeasure, type ReleaseMeasure, type Release } from "./sections/cases";

/** Definitions of the sections shown (only those), the period, and how small groups are protected. */
function methodNotes(t: Translate, period: string, k: number, shown: Set<SectionId>, caseQuarters?: string[]) {
  const casePeriod = !caseQuarters
    ? []
    : caseQuarters.length === 0
      ? [t("dashboard.notes.casePeriodNone")]
      : [
          t("dashboard.notes.casePeriod", {
            from: monthLabel(t, caseQuarters[0]!.slice(0, 7)),
            to: monthLabel(t, lastMonthOf(caseQuarters.at(-1)!)),
          }),
        ];
  return [
    t("dashboard.notes.period", { period }),
    ...casePeriod,
    ...(["improvement", "returnToWork", "pilots", "allies", "activity"] as const)
      .filter((id) => shown.has(id))
      .map((id) => t(`dashboard.notes.${id}`)),
    t("dashboard.notes.suppression", { k }),
  ];
}

/** The filter over whole closed quarters (none: an empty span). */
function closedSpan(f: ResolvedFilter, quarters: string[]): ResolvedFilter {
  if (quarters.length === 0) return { ...f, to: f.from };
  const last = new Date(`${quarters.at(-1)!}T00:00:00Z`);
  return { ...f, from: new Date(`${quarters[0]!}T00:00:00Z`), to: new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 3, 1)) };
}

/** Runs the tasks two at a time, keeping their order in the result. */
async function inPairs<T extends readonly (() => Promise<unknown>)[]>(tasks: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all([lane(), lane()]);
  return results as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

export interface BuildInput {
  teamName: string;
  minGroupSize: number;
  locale: Locale;
  filter: ResolvedFilter;
  /** The departments the filter scoped to (roots of the department tables); empty means the whole tree. */
  scopeRoots: string[];
  periodLabel: string;
  title?: string;
  message?: string;
  sections?: readonly SectionId[];
  /** A report's readers: for managers and HR, no team-internal sentence goes into the summary. */
  audience?: Audience;
  now?: Date;
  /** A release (decision 009): case figures over closed quarters, audited against the ledger. */
  release?: Release;
}

export async function buildSuccessData(ctx: Pick<TeamCtx, "db" | "teamId">, input: BuildInput): Promise<ReportData> {
  const { db, teamId } = ctx;
  const f = input.filter;
  const t = translatorFor(input.locale);
  const now = input.now ?? new Date();
  const wanted = new Set(input.sections ?? SECTION_IDS);
  // Nothing after today: a fiscal year still under way ends today, with no empty future quarters.
  const until = untilToday(f.to, now);
  const quarters = quartersIn(f.from, until).map(dayKey);
  // Stance counts at each quarter's end, up to today.
  const moments = quartersIn(f.from, until)
    .map((start) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1)))
    .map((end) => (end > now ? new Date(tokyoToday(now).getTime() + DAY_MS) : end));
  const momentKeys = [...new Set(moments.map(dayKey))];

  // Two at a time: on a small database server, eleven parallel aggregations only contend.
  const release = input.release;
  const caseQuarters = release ? release.caseQuarters : quarters;
  const [depts, improvementLive, returnsLive, stages, results, examples, stanceDays, coverage, activity, acceptance] = await inPairs([
    () => db.department.findMany({ where: { teamId }, select: { id: true, name: true, parentId: true, path: true } }),
    () => (release ? Promise.resolve([]) : q.improvementRows(db, teamId, f)),
    () => (release ? Promise.resolve([]) : q.returnRows(db, teamId, f)),
    () => q.stageRows(db, teamId, f),
    // A release's pilot results cover its closed quarters, as its satisfaction means do.
    () => q.resultRows(db, teamId, release ? closedSpan(f, release.caseQuarters) : f),
    () => q.goodExamples(db, teamId, f),
    () => q.stanceDayRows(db, teamId, f),
    () => q.coverageRows(db, teamId, f),
    () => q.activityRows(db, teamId, f),
    () => q.acceptanceRows(db, teamId, f),
  ] as const);
  const moves = q.stanceMoves(stanceDays, f.from, f.to);
  const improvement = release ? release.rows.improvement : improvementLive;
  const returns = release ? release.rows.returns : returnsLive;
  const cases = await caseSections(t, input.minGroupSize, {
    caseQuarters,
    improvement,
    returns,
    depts,
    scopeRoots: input.scopeRoots,
    release,
  });
  const pilots = await pilotsSection(t, { stages, results, examples }, input.minGroupSize, release);
  const stanceRows = q.stanceCountsAt(stanceDays, momentKeys);
  const byId = new Map(depts.map((d) => [d.id, d]));
  // Flat lists name a department with its path where another shares its name.
  const labelOf = distinctLabels(depts);
  const allies = alliesSection(t, input.locale, { momentKeys, stanceRows, quarters, moves, coverage, byId, labelOf });
  const activityPart = activitySection(t, { from: f.from, to: f.to, now, activity, acceptance });
  const sections = [...cases.sections, pilots.section, allies.section, activityPart.section];
  const { shown } = cases;

  const data: ReportData = {
    schema: SNAPSHOT_SCHEMA,
    locale: input.locale,
    teamName: input.teamName,
    title: input.title ?? t("dashboard.title"),
    message: input.message ?? "",
    periodLabel: input.periodLabel,
    generatedAt: now.toISOString(),
    minGroupSize: groupSizeOf(input.minGroupSize),
    summary: [],
    sections: sections.filter((x) => wanted.has(x.id)).map((x) => shown.get(x.id) ?? x),
    notes: methodNotes(t, input.periodLabel, groupSizeOf(input.minGroupSize), wanted, release?.caseQuarters),
    published: false,
    ...(input.audience ? { audience: input.audience } : {}),
  };
  if (wanted.has("summary")) {
    const facts = {
      sections,
      stance: { first: momentKeys[0], last: momentKeys.at(-1), rows: stanceRows },
      covered: allies.covered,
      departments: coverage.length,
      piloted: pilots.piloted,
      adopted: pilots.adopted,
      participants: pilots.participants,
      give: activityPart.give,
      ask: activityPart.ask,
      touchpoints: activityPart.touchpoints,
      minGroupSize: data.minGroupSize,
      teamOnly: input.audience !== "MANAGERS",
    };
    data.summary = summarize(t, input.locale, facts);
    // The dashboard (not a release) also has the team's view, with every number.
    if (!release) {
      data.teamSummary = summarize(t, input.locale, { ...facts, showHidden: true });
      data.caseSummary = summarizeCases(t, input.locale, facts);
    }
  }
  return data;
}
