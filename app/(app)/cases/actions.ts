"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { addAssessment, createCase, deleteCase, updateCase } from "@/lib/cases/cases";
import { assessmentSchema, caseIdSchema, createCaseSchema, updateCaseSchema } from "@/lib/cases/schemas";

export const registerCase = authedAction("cases.create", createCaseSchema, async (ctx, input) => createCase(ctx, input));

export const saveCase = authedAction("cases.readAssigned", updateCaseSchema, async (ctx, input) => {
  const r = await updateCase(ctx, input);
  revalidatePath(`/cases/${input.id}`);
  return r;
});

export const recordAssessment = authedAction("cases.readAssigned", assessmentSchema, async (ctx, input) => {
  const r = await addAssessment(ctx, input);
  revalidatePath(`/cases/${input.caseId}`);
  return r;
});

export const removeCase = authedAction("cases.delete", caseIdSchema, async (ctx, { id }) => {
  await deleteCase(ctx, id);
  revalidatePath("/cases");
  return null;
});
