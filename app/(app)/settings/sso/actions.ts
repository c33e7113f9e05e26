"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/wrappers";
import { verifySsoDomains } from "@/lib/sso/domains";
import { discover } from "@/lib/sso/flow";
import { saveSsoSettings, ssoSettingsSchema } from "@/lib/sso/settings";

export const saveSso = authedAction("settings.manage", ssoSettingsSchema, async (ctx, input) => {
  // Saved only when the issuer answers discovery: a typo is caught now, not at a nurse's sign-in.
  await saveSsoSettings(ctx, input, async (issuer) => void (await discover(issuer, input.clientId, input.clientSecret || "unused")));
  revalidatePath("/settings/sso");
  return null;
});

export const verifyDomains = authedAction("settings.manage", z.object({}), async (ctx) => {
  const results = await verifySsoDomains(ctx);
  revalidatePath("/settings/sso");
  return results;
});
