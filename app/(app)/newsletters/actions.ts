"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { createNewsletterSchema, issueNewsletterSchema, newsletterSchema, thanksConsentSchema } from "@/lib/newsletters/schemas";
import { createNewsletter, issueNewsletter, setThanksConsent, updateNewsletter } from "@/lib/newsletters/newsletters";

export const startNewsletter = authedAction("reports.write", createNewsletterSchema, async (ctx, input) =>
  createNewsletter(ctx, input.resultId),
);

export const saveNewsletter = authedAction("reports.write", newsletterSchema, async (ctx, input) => {
  const r = await updateNewsletter(ctx, input);
  revalidatePath(`/newsletters/${input.id}`);
  return r;
});

export const issueNewsletterAction = authedAction("reports.write", issueNewsletterSchema, async (ctx, input) => {
  const r = await issueNewsletter(ctx, input);
  revalidatePath(`/newsletters/${input.id}`);
  return r;
});

export const recordThanksConsent = authedAction("keyPersons.write", thanksConsentSchema, async (ctx, input) => {
  await setThanksConsent(ctx, input);
  revalidatePath(`/key-persons/${input.keyPersonId}`);
  return null;
});
