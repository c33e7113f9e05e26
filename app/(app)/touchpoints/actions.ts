"use server";
// Logging, editing and deleting (with undo) touchpoints.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { createTouchpoint, deleteTouchpoint, undoLoggedTouchpoint, updateTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema, updateTouchpointSchema } from "@/lib/touchpoints/schemas";
import { recordIdSchema } from "@/lib/zod-helpers";

export const logTouchpoint = authedAction("touchpoints.write", createTouchpointSchema, async (ctx, input) => {
  const tp = await createTouchpoint(ctx, input);
  revalidatePath("/", "layout");
  return tp;
});

export const editTouchpoint = authedAction("touchpoints.write", updateTouchpointSchema, async (ctx, input) => {
  const tp = await updateTouchpoint(ctx, input);
  revalidatePath("/", "layout");
  return tp;
});

// No revalidation here: the page keeps showing the item with its "undo" until the user moves on.
export const removeTouchpoint = authedAction("touchpoints.write", recordIdSchema, async (ctx, { id }) => {
  await deleteTouchpoint(ctx, id, true);
  return null;
});

export const restoreTouchpoint = authedAction("touchpoints.write", recordIdSchema, async (ctx, { id }) => {
  await deleteTouchpoint(ctx, id, false);
  revalidatePath("/", "layout");
  return null;
});

// The toast's undo right after 記録する: the log and what it did are taken back.
export const undoLog = authedAction("touchpoints.write", recordIdSchema, async (ctx, { id }) => {
  await undoLoggedTouchpoint(ctx, id);
  revalidatePath("/", "layout");
  return null;
});
