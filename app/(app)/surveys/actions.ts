"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { closeSurveySchema, createSurveySchema, issueCodesSchema, updateSurveySchema } from "@/lib/surveys/schemas";
import { closeSurvey, createSurvey, issueCodes, updateSurvey } from "@/lib/surveys/surveys";

export const addSurvey = authedAction("initiatives.write", createSurveySchema, async (ctx, input) => createSurvey(ctx, input));

export const saveSurvey = authedAction("initiatives.write", updateSurveySchema, async (ctx, input) => {
  const r = await updateSurvey(ctx, input);
  revalidatePath(`/surveys/${input.id}`);
  return r;
});

export const endSurvey = authedAction("initiatives.write", closeSurveySchema, async (ctx, input) => {
  const r = await closeSurvey(ctx, input.id);
  revalidatePath(`/surveys/${input.id}`);
  return r;
});

export const printCodes = authedAction("initiatives.write", issueCodesSchema, async (ctx, input) => ({
  codes: await issueCodes(ctx, input),
}));
