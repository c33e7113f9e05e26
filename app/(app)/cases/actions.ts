"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { addAssessment, createCase, deleteCase, updateCase } from "@/lib/cases/cases";
import { eraseCase, eraseCaseSchema, withdrawConsent, withdrawSchema } from "@/lib/cases/lifecycle";
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

// Consent withdrawn: the case's nurses and admins (the case must be readable to them).
export const recordWithdrawal = authedAction("cases.readAssigned", withdrawSchema, async (ctx, input) => {
  await withdrawConsent(ctx, input);
  revalidatePath(`/cases/${input.id}`);
  return null;
});

export const eraseCaseAction = authedAction("cases.erase", eraseCaseSchema, async (ctx, input) => {
  const counts = await eraseCase(ctx, input);
  revalidatePath("/cases");
  return counts;
});
