"use server";
import { revalidatePath } from "next/cache";
import { reviewMonthSchema, signOffReview } from "@/lib/audit-log/review";
import { authedAction } from "@/lib/auth/wrappers";

export const signOffAction = authedAction("audit.signOff", reviewMonthSchema, async (ctx, { month }) => {
  await signOffReview(ctx, month);
  revalidatePath("/settings/audit/review");
  return null;
});
