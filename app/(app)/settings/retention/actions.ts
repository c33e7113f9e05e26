"use server";
// Retention periods and legal holds (admins).
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { holdSchema, setLegalHold } from "@/lib/retention/holds";
import { retentionSchema, saveRetention } from "@/lib/retention/purge";

export const saveRetentionAction = authedAction("retention.manage", retentionSchema, async (ctx, input) => {
  await saveRetention(ctx, input);
  revalidatePath("/settings/retention");
  return null;
});

export const setHoldAction = authedAction("retention.manage", holdSchema, async (ctx, input) => {
  await setLegalHold(ctx, input);
  revalidatePath(input.kind === "Case" ? `/cases/${input.id}` : `/key-persons/${input.id}`);
  revalidatePath("/settings/retention");
  return null;
});
