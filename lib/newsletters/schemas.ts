import { z } from "zod";
import { multiline, optionalId, versionField } from "@/lib/zod-helpers";
import { NEWSLETTER_LIMITS as L } from "./constants";
export * from "./constants";

const id = z.string().min(1).max(64);

export const createNewsletterSchema = z.object({ resultId: id });

export const newsletterSchema = z.object({
  id,
  version: versionField,
  title: z.string().trim().min(1, "required").max(L.title, "tooLong"),
  lead: multiline(L.lead).pipe(z.string().min(1, "required")),
  goodExample: multiline(L.goodExample).default(""),
  comment1: multiline(L.comment).default(""),
  comment2: multiline(L.comment).default(""),
  thanksKeyPersonId: optionalId,
  thanks: multiline(L.thanks).default(""),
  closing: multiline(L.closing).default(""),
});
export type NewsletterInput = z.infer<typeof newsletterSchema>;

/** Issuing names the saved version it issues, and says the nurse read every sentence. */
export const issueNewsletterSchema = z.object({
  id,
  version: versionField,
  confirmed: z.literal(true, { message: "confirmRead" }),
});

export const thanksConsentSchema = z.object({ keyPersonId: id, consent: z.boolean() });
