import { z } from "zod";
import { isoDate, optionalId, versionField } from "@/lib/zod-helpers";
import { CASE_KINDS, CASE_STATUSES } from "./constants";
export * from "./constants";

const optionalDate = z
  .union([isoDate, z.literal("")])
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();
const optionalBool = z
  .union([z.literal(""), z.literal("yes"), z.literal("no"), z.boolean()])
  .transform((v) => (v === "" ? null : v === true || v === "yes"))
  .nullable()
  .optional();

export const caseFields = z.object({
  employeeCode: z.string().trim().min(1, "required").max(50, "tooLong"),
  employeeName: z.string().trim().max(100, "tooLong").default(""),
  kind: z.enum(CASE_KINDS, { message: "invalidChoice" }),
  departmentId: optionalId,
  nurseIds: z.array(z.string().min(1)).min(1, "pickNurse").max(10, "tooMany"),
  keyPersonIds: z.array(z.string().min(1)).max(10, "tooMany").default([]),
  status: z.enum(CASE_STATUSES, { message: "invalidChoice" }).default("OPEN"),
  // Consent comes first: no case is stored without what was agreed, when and how.
  consentOn: isoDate,
  consentScope: z.string().trim().min(1, "consentRequired").max(500, "tooLong"),
  consentMethod: z.string().trim().min(1, "consentRequired").max(200, "tooLong"),
  followUpPlan: z.string().trim().max(2000, "tooLong").default(""),
  nextFollowUpOn: optionalDate,
  openedOn: isoDate,
  returnOn: optionalDate,
  continued3m: optionalBool,
  continued6m: optionalBool,
});

export const createCaseSchema = caseFields;
export const updateCaseSchema = caseFields.extend({ id: z.string().min(1), version: versionField });
export const assessmentSchema = z.object({
  caseId: z.string().min(1),
  riskLevelId: z.string().min(1, "invalidChoice"),
  assessedOn: isoDate,
  note: z.string().trim().max(1000, "tooLong").default(""),
});
