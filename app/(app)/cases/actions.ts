"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { addAssessment, createCase, deleteCase, updateCase } from "@/lib/cases/cases";
import { eraseCase, eraseCaseSchema, withdrawConsent, withdrawSchema } from "@/lib/cases/lifecycle";
import { assessmentSchema, createCaseSchema, updateCaseSchema } from "@/lib/cases/schemas";
import { recordIdSchema } from "@/lib/zod-helpers";

export const registerCase = authedAction("cases.create", createCaseSchema, async (ctx, input) => createCase(ctx, input));

export const saveCase = authedAction("cases.writeAssigned", updateCaseSchema, async (ctx, input) => {
  const r = await updateCase(ctx, input);
  revalidatePath(`/cases/${input.id}`);
  return r;
});

export const recordAssessment = authedAction("cases.writeAssigned", assessmentSchema, async (ctx, input) => {
  const r = await addAssessment(ctx, input);
  revalidatePath(`/cases/${input.caseId}`);
  return r;
});

export const removeCase = authedAction("cases.delete", recordIdSchema, async (ctx, { id }) => {
  await deleteCase(ctx, id);
  revalidatePath("/cases");
  return null;
});

// Consent withdrawn: the case's nurses and admins (the case must be readable to them).
export const recordWithdrawal = authedAction("cases.writeAssigned", withdrawSchema, async (ctx, input) => {
  await withdrawConsent(ctx, input);
  revalidatePath(`/cases/${input.id}`);
  return null;
});

export const eraseCaseAction = authedAction("cases.erase", eraseCaseSchema, async (ctx, input) => {
  const counts = await eraseCase(ctx, input);
  revalidatePath("/cases");
  return counts;
});
