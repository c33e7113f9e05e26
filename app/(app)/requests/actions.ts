"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { createRequest, deleteDraft, transitionRequest, undoRequestStatus, updateRequest } from "@/lib/requests/mutations";
import { createRequestSchema, saveTemplateSchema, transitionSchema, undoStatusSchema, updateRequestSchema } from "@/lib/requests/schemas";
import { archiveTemplate, saveTemplate } from "@/lib/requests/templates";
import { commitmentDueSchema, setCommitmentDue } from "@/lib/requests/commitments";
import { recordIdSchema } from "@/lib/zod-helpers";

export const composeRequest = authedAction("requests.write", createRequestSchema.extend({}), async (ctx, input) =>
  createRequest(ctx, input),
);

export const editRequest = authedAction("requests.write", updateRequestSchema, async (ctx, input) => {
  const r = await updateRequest(ctx, input);
  revalidatePath(`/requests/${input.id}`);
  return r;
});

export const moveRequest = authedAction("requests.write", transitionSchema, async (ctx, input) => {
  const r = await transitionRequest(ctx, input);
  revalidatePath("/", "layout");
  return r;
});

/** Takes back the last status recorded (a mis-tap), kept in the history as undone. */
export const undoStatus = authedAction("requests.write", undoStatusSchema, async (ctx, input) => {
  const r = await undoRequestStatus(ctx, input);
  revalidatePath("/", "layout");
  return r;
});

export const removeDraft = authedAction("requests.write", recordIdSchema, async (ctx, { id }) => {
  await deleteDraft(ctx, id);
  revalidatePath("/requests");
  return null;
});

export const storeTemplate = authedAction("requests.write", saveTemplateSchema, async (ctx, input) => {
  const r = await saveTemplate(ctx, input);
  revalidatePath("/requests/templates");
  return r;
});

export const retireTemplate = authedAction("requests.write", recordIdSchema, async (ctx, { id }) => {
  await archiveTemplate(ctx, id);
  revalidatePath("/requests/templates");
  return null;
});

/** Moves the date of her promise (the nurse's own part of an accepted request). */
export const moveCommitment = authedAction("requests.write", commitmentDueSchema, async (ctx, input) => {
  await setCommitmentDue(ctx, input);
  revalidatePath("/", "layout");
  return null;
});
