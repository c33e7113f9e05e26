// The figures a 保健師だより prints: the run's counts and its survey's headline questions, each resting
// on at least k people (the team's k for anything that leaves the team, never below the survey's own
// minimum). A figure under k is left out, not rounded or starred: a newsletter has no footnotes.
import type { TeamCtx } from "@/lib/auth/context";
import { MIN_ANSWERS } from "@/lib/surveys/constants";
import { surveyResults } from "@/lib/surveys/results";
import { MAX_CHARTS } from "./constants";

export type NewsletterChart = { question: string; n: number; bars: { label: string; percent: number }[] };

/** Schema version 1 of NewsletterIssue.figures. Aggregates only: no answer, no person, no id. */
export type NewsletterFigures = {
  v: 1;
  /** The language it was issued in (the page's own words; the nurse's sentences are hers). */
  locale: "ja" | "en";
  teamName: string;
  initiativeTitle: string;
  /** The run's day, YYYY-MM-DD. */
  runOn: string;
  departments: string[];
  k: number;
  /** Null when under k. */
  participants: number | null;
  responses: number | null;
  /** Answers ÷ participants, 0–1; null when either is not shown. */
  rate: number | null;
  satisfaction: { mean: number; n: number } | null;
  charts: NewsletterChart[];
  /** Why the survey's figures are missing: no survey, or fewer than k answers. */
  missing: "noSurvey" | "underK" | null;
};

export const newsletterK = (ctx: TeamCtx) => Math.max(MIN_ANSWERS, ctx.team.minGroupSize);

const ROLE_ORDER = { SATISFACTION: 0, USEFUL: 1, INTENT: 2 } as const;

/** Percentages that add up to 100 for single choices (largest remainder); multiple choices each of n. */
export function percents(counts: number[], n: number, single: boolean): number[] {
  if (n <= 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c / n) * 100);
  const floors = exact.map(Math.floor);
  if (!single) return exact.map(Math.round);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors;
}

/** The figures as they would be issued now, for one run of a pilot. */
export async function runFigures(
  ctx: TeamCtx,
  run: {
    runOn: Date;
    participants: number;
    initiative: { title: string; departments: { department: { name: string } }[] };
    survey: { id: string } | null;
  },
): Promise<{ figures: NewsletterFigures; texts: string[] }> {
  const k = newsletterK(ctx);
  const base: NewsletterFigures = {
    v: 1,
    locale: ctx.user.locale === "en" ? "en" : "ja",
    teamName: ctx.team.name,
    initiativeTitle: run.initiative.title,
    runOn: run.runOn.toISOString().slice(0, 10),
    departments: run.initiative.departments.map((d) => d.department.name),
    k,
    participants: run.participants >= k ? run.participants : null,
    responses: null,
    rate: null,
    satisfaction: null,
    charts: [],
    missing: "noSurvey",
  };
  if (!run.survey) return { figures: base, texts: [] };
  const res = await surveyResults(ctx, run.survey.id);
  if (res.responses < k || !res.shown) return { figures: { ...base, missing: "underK" }, texts: [] };
  const headline = res.questions
    .filter((q) => q.kind !== "TEXT" && q.answered >= k)
    .map((q) => ({ q, role: res.survey.questions.find((x) => x.id === q.id)?.role ?? null }))
    .sort((a, b) => rank(a.role) - rank(b.role) || a.q.position - b.q.position)
    .slice(0, MAX_CHARTS);
  const satisfaction = headline.find((h) => h.role === "SATISFACTION" && h.q.kind === "SCALE" && h.q.mean !== null);
  return {
    figures: {
      ...base,
      responses: res.responses,
      rate: base.participants !== null && res.participants > 0 ? Math.min(1, res.responses / res.participants) : null,
      satisfaction: satisfaction ? { mean: Math.round(satisfaction.q.mean! * 10) / 10, n: satisfaction.q.answered } : null,
      charts: headline.map(({ q }) => {
        const pct = percents(
          q.counts.map((c) => c.count),
          q.answered,
          q.kind !== "MULTIPLE",
        );
        return { question: q.text, n: q.answered, bars: q.counts.map((c, i) => ({ label: c.label, percent: pct[i] })) };
      }),
      missing: null,
    },
    // Team-only: what the nurse may pick a comment from, to edit before it goes anywhere.
    texts: res.questions.filter((q) => q.kind === "TEXT").flatMap((q) => q.texts),
  };
}

function rank(role: string | null) {
  return role && role in ROLE_ORDER ? ROLE_ORDER[role as keyof typeof ROLE_ORDER] : 9;
}
