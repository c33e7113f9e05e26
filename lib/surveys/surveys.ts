// A nurse's side of a pilot survey: create it for a run (from templates, edited), correct it until
// the first answer, close it, print single-use codes. Every query is scoped by the team.
import type { TeamCtx } from "@/lib/auth/context";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { cardCodeHash, newCardCode, randomCode } from "./codes";
import type { SurveyInput } from "./schemas";
import { syncRun } from "./sync";

const questionRows = (teamId: string, surveyId: string, questions: SurveyInput["questions"]) =>
  questions.map((q, position) => ({
    teamId,
    surveyId,
    position,
    kind: q.kind,
    role: q.role,
    text: q.text,
    options: q.options,
    required: q.required,
  }));

/** The run (実施記録) a survey belongs to, in this team, with its initiative's title. */
export async function runOf(ctx: TeamCtx, resultId: string) {
  const run = await ctx.db.initiativeResult.findFirst({
    where: { id: resultId, teamId: ctx.teamId },
    select: {
      id: true,
      runOn: true,
      participants: true,
      initiative: { select: { id: true, title: true } },
      survey: { select: { id: true } },
    },
  });
  if (!run) throw new AppError("notFound");
  return run;
}

export async function createSurvey(ctx: TeamCtx, input: SurveyInput & { resultId: string }) {
  const run = await runOf(ctx, input.resultId);
  if (run.survey) throw new AppError("conflict", "surveys.exists");
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.$transaction(async (tx) => {
        const survey = await tx.survey.create({
          data: {
            teamId: ctx.teamId,
            resultId: run.id,
            code: randomCode(),
            title: input.title,
            access: input.access,
            opensAt: new Date(input.opensAt),
            closesAt: new Date(input.closesAt),
            createdById: ctx.userId,
          },
          select: { id: true, code: true },
        });
        await tx.surveyQuestion.createMany({ data: questionRows(ctx.teamId, survey.id, input.questions) });
        await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: "survey.create", entityType: "Survey", entityId: survey.id });
        return survey;
      });
    } catch (e) {
      // Two surveys drew the same public code (1 in 6 billion): draw again.
      const code = e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" ? String(e.meta?.target ?? "") : "";
      if (code.includes("code") && attempt < 3) continue;
      if (code.includes("resultId")) throw new AppError("conflict", "surveys.exists");
      throw e;
    }
  }
}

/** Corrections until the first answer; after it the questions are what people answered, and stay. */
export async function updateSurvey(ctx: TeamCtx, input: SurveyInput & { id: string; version: number }) {
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.survey.findFirst({
      where: { id: input.id, teamId: ctx.teamId },
      select: { id: true, _count: { select: { responses: true } } },
    });
    if (!current) throw new AppError("notFound");
    if (current._count.responses > 0) throw new AppError("conflict", "surveys.answered");
    const res = await tx.survey.updateMany({
      where: { id: input.id, teamId: ctx.teamId, version: input.version },
      data: {
        title: input.title,
        access: input.access,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        version: { increment: 1 },
      },
    });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    await tx.surveyQuestion.deleteMany({ where: { surveyId: input.id, teamId: ctx.teamId } });
    await tx.surveyQuestion.createMany({ data: questionRows(ctx.teamId, input.id, input.questions) });
    await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: "survey.update", entityType: "Survey", entityId: input.id });
    return { id: input.id };
  });
}

/** Closes now (before its closing time); the run takes the survey's figures. */
export async function closeSurvey(ctx: TeamCtx, id: string, now = new Date()) {
  const res = await ctx.db.survey.updateMany({ where: { id, teamId: ctx.teamId, closedAt: null }, data: { closedAt: now } });
  if (res.count === 0 && !(await ctx.db.survey.count({ where: { id, teamId: ctx.teamId } }))) throw new AppError("notFound");
  await audit(ctx.db, { teamId: ctx.teamId, actorId: ctx.userId, action: "survey.close", entityType: "Survey", entityId: id });
  await syncRun(ctx.db, ctx.teamId, id);
  return { id };
}

/**
 * New single-use codes for a survey answered by code: returned once, for printing; only their hashes
 * are kept, and a used code records the day it was used, never the answer it gave.
 */
export async function issueCodes(ctx: TeamCtx, input: { id: string; count: number }) {
  const survey = await ctx.db.survey.findFirst({ where: { id: input.id, teamId: ctx.teamId }, select: { id: true, access: true } });
  if (!survey) throw new AppError("notFound");
  if (survey.access !== "CODES") throw new AppError("conflict", "surveys.notByCode");
  const codes = Array.from({ length: input.count }, newCardCode);
  await ctx.db.surveyCode.createMany({
    data: codes.map((c) => ({ teamId: ctx.teamId, surveyId: survey.id, codeHash: cardCodeHash(survey.id, c) })),
  });
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "survey.codes",
    entityType: "Survey",
    entityId: survey.id,
    detail: { count: input.count },
  });
  return codes;
}

/** The survey as its page shows it, with the run and the counts; another team's is not found. */
export async function getSurvey(ctx: TeamCtx, id: string) {
  const survey = await ctx.db.survey.findFirst({
    where: { id, teamId: ctx.teamId },
    include: {
      questions: { orderBy: { position: "asc" } },
      result: { select: { id: true, runOn: true, participants: true, initiative: { select: { id: true, title: true } } } },
      _count: { select: { responses: true, codes: true } },
    },
  });
  if (!survey) throw new AppError("notFound");
  const usedCodes =
    survey.access === "CODES" ? await ctx.db.surveyCode.count({ where: { surveyId: id, teamId: ctx.teamId, usedOn: { not: null } } }) : 0;
  return { ...survey, usedCodes };
}
