// What a survey's answers add up to: per question, the count of each choice or scale point, the mean
// of a scale with its 95 % interval, and (for the team only) the free text. Nothing is shown, to anyone,
// before MIN_ANSWERS people answered.
import type { TeamCtx } from "@/lib/auth/context";
import { MIN_ANSWERS } from "./constants";
import { getSurvey } from "./surveys";

export type QuestionResult = {
  id: string;
  position: number;
  kind: "SINGLE" | "MULTIPLE" | "SCALE" | "TEXT";
  text: string;
  /** How many answered this question. */
  answered: number;
  /** Count per option (choice questions) or per point 1–5 (scale). */
  counts: { label: string; count: number }[];
  mean: number | null;
  /** The mean's 95 % interval (t distribution), within 1–5. */
  interval: [number, number] | null;
  texts: string[];
};

// Two-sided 95 % t quantiles for 1..30 degrees of freedom; beyond, the normal 1.96.
const T95 = [
  12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.2, 2.18, 2.16, 2.14, 2.13, 2.12, 2.11, 2.1, 2.09, 2.09, 2.08, 2.07, 2.07,
  2.06, 2.06, 2.06, 2.05, 2.05, 2.05, 2.04,
];

export function meanInterval(values: { point: number; count: number }[]): { mean: number | null; interval: [number, number] | null } {
  const n = values.reduce((a, v) => a + v.count, 0);
  if (n === 0) return { mean: null, interval: null };
  const mean = values.reduce((a, v) => a + v.point * v.count, 0) / n;
  if (n < 2) return { mean, interval: null };
  const variance = values.reduce((a, v) => a + v.count * (v.point - mean) ** 2, 0) / (n - 1);
  const half = (T95[n - 2] ?? 1.96) * Math.sqrt(variance / n);
  return { mean, interval: [Math.max(1, mean - half), Math.min(5, mean + half)] };
}

/** The survey's results for the team, or only its count while fewer than k answered. */
export async function surveyResults(ctx: TeamCtx, id: string) {
  const survey = await getSurvey(ctx, id);
  const k = MIN_ANSWERS;
  const responses = survey._count.responses;
  const participants = survey.result.participants;
  const base = { survey, k, responses, participants, rate: participants > 0 ? responses / participants : null };
  if (responses < k) return { ...base, shown: false as const, questions: [] as QuestionResult[] };
  const [choiceRows, scaleRows, textRows, answeredRows, beyond] = await Promise.all([
    ctx.db.$queryRaw<{ questionId: string; choice: number; n: number }[]>`
      SELECT a."questionId", c.choice, count(*)::int AS n
      FROM "SurveyAnswer" a CROSS JOIN LATERAL unnest(a.choices) AS c(choice)
      WHERE a."teamId" = ${ctx.teamId} AND a."questionId" IN (SELECT id FROM "SurveyQuestion" WHERE "surveyId" = ${id})
      GROUP BY a."questionId", c.choice`,
    ctx.db.$queryRaw<{ questionId: string; point: number; n: number }[]>`
      SELECT a."questionId", a.scale AS point, count(*)::int AS n
      FROM "SurveyAnswer" a
      WHERE a."teamId" = ${ctx.teamId} AND a.scale IS NOT NULL AND a."questionId" IN (SELECT id FROM "SurveyQuestion" WHERE "surveyId" = ${id})
      GROUP BY a."questionId", a.scale`,
    ctx.db.surveyAnswer.findMany({
      where: { teamId: ctx.teamId, question: { surveyId: id, kind: "TEXT" }, text: { not: null } },
      select: { questionId: true, text: true },
      orderBy: { text: "asc" },
    }),
    ctx.db.surveyAnswer.groupBy({ by: ["questionId"], where: { teamId: ctx.teamId, question: { surveyId: id } }, _count: { _all: true } }),
    ctx.db.surveyResponse.count({ where: { surveyId: id, teamId: ctx.teamId, beyondParticipants: true } }),
  ]);
  const answered = new Map(answeredRows.map((r) => [r.questionId, r._count._all]));
  const questions: QuestionResult[] = survey.questions.map((q) => {
    const points = scaleRows.filter((r) => r.questionId === q.id).map((r) => ({ point: r.point, count: r.n }));
    const counts =
      q.kind === "SCALE"
        ? [1, 2, 3, 4, 5].map((p) => ({ label: String(p), count: points.find((x) => x.point === p)?.count ?? 0 }))
        : q.options.map((label, i) => ({ label, count: choiceRows.find((r) => r.questionId === q.id && r.choice === i)?.n ?? 0 }));
    const { mean, interval } = q.kind === "SCALE" ? meanInterval(points) : { mean: null, interval: null };
    return {
      id: q.id,
      position: q.position,
      kind: q.kind,
      text: q.text,
      answered: answered.get(q.id) ?? 0,
      counts: q.kind === "TEXT" ? [] : counts,
      mean,
      interval,
      texts: textRows.filter((r) => r.questionId === q.id).map((r) => r.text ?? ""),
    };
  });
  return { ...base, shown: true as const, questions, beyond };
}
