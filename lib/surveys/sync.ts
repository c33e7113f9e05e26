// A run (実施記録) takes its satisfaction from its survey, so nobody types the figure in.
import type { Db } from "@/lib/db/client";

/** The run takes its satisfaction from the survey's satisfaction question: no retyping. */
export async function syncRun(db: Pick<Db, "$executeRaw">, teamId: string | null, surveyId: string) {
  await db.$executeRaw`
    UPDATE "InitiativeResult" r SET
      "satisfactionMean" = agg.mean, "satisfactionResponses" = agg.n
    FROM (
      SELECT s."resultId", avg(a.scale)::float8 AS mean, count(a.scale)::int AS n
      FROM "Survey" s
      LEFT JOIN "SurveyQuestion" q ON q."surveyId" = s.id AND q.role = 'SATISFACTION' AND q.kind = 'SCALE'
      LEFT JOIN "SurveyAnswer" a ON a."questionId" = q.id AND a.scale IS NOT NULL
      WHERE s.id = ${surveyId} AND (${teamId}::text IS NULL OR s."teamId" = ${teamId})
        AND EXISTS (SELECT 1 FROM "SurveyQuestion" q2 WHERE q2."surveyId" = s.id AND q2.role = 'SATISFACTION' AND q2.kind = 'SCALE')
      GROUP BY s."resultId"
    ) agg
    WHERE r.id = agg."resultId"`;
}
