import { z } from "zod";
import { isoDate, optionalId, versionField } from "@/lib/zod-helpers";
import { TOUCHPOINT_TYPES, PRINCIPLES } from "./constants";
export * from "./constants";

export const touchpointFields = z.object({
  type: z.enum(TOUCHPOINT_TYPES, { message: "invalidChoice" }),
  occurredOn: isoDate,
  keyPersonIds: z.array(z.string().min(1)).min(1, "pickPerson").max(10, "tooMany"),
  summary: z.string().trim().max(2000, "tooLong").default(""),
  principles: z
    .array(z.enum(PRINCIPLES, { message: "invalidChoice" }))
    .max(6)
    .default([]),
  followUpDueOn: z
    .union([isoDate, z.literal("")])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  caseId: optionalId,
  initiativeId: optionalId,
});

export const createTouchpointSchema = touchpointFields.extend({
  // The follow-up this touchpoint answers (from a home-page reminder).
  clearsFollowUpId: optionalId,
  // The promise (commitment) this give delivers (from a home-page reminder).
  keepsCommitmentId: optionalId,
});

export const updateTouchpointSchema = touchpointFields.extend({
  id: z.string().min(1),
  version: versionField,
});

export const balanceQuerySchema = z.object({
  days: z.coerce.number().int().min(7).max(730).default(90).catch(90),
});
