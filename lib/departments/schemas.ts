import { z } from "zod";
import { optionalId, versionField } from "@/lib/zod-helpers";
import { DEPARTMENT_KINDS, PRESSURE_KINDS } from "./constants";
export * from "./constants";

export const departmentFields = z.object({
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  kind: z.enum(DEPARTMENT_KINDS, { message: "invalidChoice" }),
  parentId: optionalId,
  headcount: z
    .union([z.literal(""), z.coerce.number({ message: "notANumber" }).int("notAnInteger").min(0, "tooSmall").max(1_000_000, "tooLarge")])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  externalId: z
    .string()
    .trim()
    .max(64, "tooLong")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
});

export const createDepartmentSchema = departmentFields;
export const updateDepartmentSchema = departmentFields.extend({ id: z.string().min(1), version: versionField });
export const archiveDepartmentSchema = z.object({ id: z.string().min(1), archived: z.boolean() });

export const departmentNoteSchema = z.object({
  departmentId: z.string().min(1),
  kind: z.enum(PRESSURE_KINDS, { message: "invalidChoice" }),
  body: z.string().trim().min(1, "required").max(1000, "tooLong"),
  notedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate"),
});
