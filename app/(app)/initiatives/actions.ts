"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { addResult, createInitiative, moveInitiative, updateInitiative } from "@/lib/initiatives/initiatives";
import { createInitiativeSchema, moveSchema, resultSchema, updateInitiativeSchema } from "@/lib/initiatives/schemas";

export const addInitiative = authedAction("initiatives.write", createInitiativeSchema, async (ctx, input) => createInitiative(ctx, input));

export const saveInitiative = authedAction("initiatives.write", updateInitiativeSchema, async (ctx, input) => {
  const r = await updateInitiative(ctx, input);
  revalidatePath(`/initiatives/${input.id}`);
  return r;
});

export const moveStage = authedAction("initiatives.write", moveSchema, async (ctx, input) => {
  const r = await moveInitiative(ctx, input);
  revalidatePath("/initiatives", "layout");
  return r;
});

export const recordResult = authedAction("initiatives.write", resultSchema, async (ctx, input) => {
  const r = await addResult(ctx, input);
  revalidatePath(`/initiatives/${input.initiativeId}`);
  return r;
});
