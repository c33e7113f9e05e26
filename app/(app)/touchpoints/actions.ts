"use server";
// Logging, editing and deleting (with undo) touchpoints.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { createTouchpoint, deleteTouchpoint, updateTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema, touchpointIdSchema, updateTouchpointSchema } from "@/lib/touchpoints/schemas";

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
export const removeTouchpoint = authedAction("touchpoints.write", touchpointIdSchema, async (ctx, { id }) => {
  await deleteTouchpoint(ctx, id, true);
  return null;
});

export const restoreTouchpoint = authedAction("touchpoints.write", touchpointIdSchema, async (ctx, { id }) => {
  await deleteTouchpoint(ctx, id, false);
  revalidatePath("/", "layout");
  return null;
});
