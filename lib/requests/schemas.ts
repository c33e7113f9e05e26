import { z } from "zod";
import { PRINCIPLES } from "@/lib/touchpoints/schemas";
import { isoDate, optionalId, versionField } from "@/lib/zod-helpers";
import { FREQUENCIES, REQUEST_STATUSES } from "./constants";
export * from "./constants";

const text = (max: number) => z.string().trim().max(max, "tooLong").default("");
const minutes = z
  .union([z.literal(""), z.coerce.number({ message: "notANumber" }).int("notAnInteger").min(1, "tooSmall").max(600, "tooLarge")])
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const requestFields = z.object({
  keyPersonId: z.string().min(1, "pickPerson"),
  what: z.string().trim().min(1, "required").max(300, "tooLong"),
  doer: text(100),
  dueOn: z
    .union([isoDate, z.literal("")])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  effortMinutes: minutes,
  frequency: z.enum(FREQUENCIES, { message: "invalidChoice" }).default("ONCE"),
  benefit: text(500),
  reason: text(500),
  nurseSupport: text(500),
  fallbackWhat: text(300),
  fallbackMinutes: minutes,
  principles: z
    .array(z.enum(PRINCIPLES, { message: "invalidChoice" }))
    .max(6)
    .default([]),
  templateId: optionalId,
  caseId: optionalId,
  initiativeId: optionalId,
});

export const createRequestSchema = requestFields;
export const updateRequestSchema = requestFields.extend({ id: z.string().min(1), version: versionField });
export const undoStatusSchema = z.object({ id: z.string().min(1).max(64), version: versionField });
export const transitionSchema = z.object({
  id: z.string().min(1),
  version: versionField,
  to: z.enum(REQUEST_STATUSES, { message: "invalidChoice" }),
});

// A template is a request without a person, date or links, plus a title.
export const templateFields = requestFields
  .pick({
    what: true,
    doer: true,
    effortMinutes: true,
    frequency: true,
    benefit: true,
    reason: true,
    nurseSupport: true,
    fallbackWhat: true,
    fallbackMinutes: true,
  })
  .extend({ title: z.string().trim().min(1, "required").max(100, "tooLong") });
export const saveTemplateSchema = templateFields.extend({ id: optionalId, version: versionField.optional() });
