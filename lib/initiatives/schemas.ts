import { z } from "zod";
import { isoDate, multiline, versionField } from "@/lib/zod-helpers";
import { INITIATIVE_KINDS, STAGES } from "./constants";
export * from "./constants";

const optionalDate = z
  .union([isoDate, z.literal("")])
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();
const optionalNumber = (min: number, max: number) =>
  z
    .union([z.literal(""), z.coerce.number({ message: "notANumber" }).min(min, "tooSmall").max(max, "tooLarge")])
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const initiativeFields = z.object({
  title: z.string().trim().min(1, "required").max(150, "tooLong"),
  kind: z.enum(INITIATIVE_KINDS, { message: "invalidChoice" }),
  description: multiline(3000).default(""),
  departmentIds: z.array(z.string().min(1)).max(50).default([]),
  championIds: z.array(z.string().min(1)).max(20).default([]),
  ownerIds: z.array(z.string().min(1)).min(1, "pickNurse").max(10),
  plannedStartOn: optionalDate,
  plannedEndOn: optionalDate,
  effortMinutes: optionalNumber(0, 100_000),
  indicatorName: z.string().trim().max(100, "tooLong").default(""),
  indicatorUnit: z.string().trim().max(20, "tooLong").default(""),
  // Which way is better is a choice, never a default: 提出率 rises when things improve, 休業件数 falls.
  indicatorLowerIsBetter: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
    .nullable()
    .default(null),
  goodExample: multiline(3000).default(""),
});

type Fields = z.output<typeof initiativeFields>;
function direction<T extends Fields>(v: T, c: z.RefinementCtx) {
  if (v.indicatorName && v.indicatorLowerIsBetter === null)
    c.addIssue({ code: "custom", path: ["indicatorLowerIsBetter"], message: "chooseDirection" });
}
const withDirection = <T extends Fields>(v: T) => ({ ...v, indicatorLowerIsBetter: v.indicatorLowerIsBetter ?? true });

export const createInitiativeSchema = initiativeFields.superRefine(direction).transform(withDirection);
export const updateInitiativeSchema = initiativeFields
  .extend({ id: z.string().min(1), version: versionField })
  .superRefine(direction)
  .transform(withDirection);
export const moveSchema = z.object({
  id: z.string().min(1),
  version: versionField,
  to: z.enum(STAGES, { message: "invalidChoice" }),
  reason: z.string().trim().max(500, "tooLong").default(""),
});

export const resultSchema = z
  .object({
    initiativeId: z.string().min(1),
    runOn: isoDate,
    participants: z.coerce.number({ message: "notANumber" }).int("notAnInteger").min(0, "tooSmall").max(1_000_000, "tooLarge"),
    targetHeadcount: z.coerce.number({ message: "notANumber" }).int("notAnInteger").min(1, "tooSmall").max(1_000_000, "tooLarge"),
    satisfactionMean: optionalNumber(1, 5),
    satisfactionResponses: z
      .union([z.literal(""), z.coerce.number().int("notAnInteger").min(0, "tooSmall").max(1_000_000, "tooLarge")])
      .transform((v) => (v === "" ? 0 : v))
      .default(0),
    indicatorBefore: optionalNumber(-1e9, 1e9),
    indicatorAfter: optionalNumber(-1e9, 1e9),
    comments: z.string().trim().max(2000, "tooLong").default(""),
  })
  .refine((r) => r.satisfactionMean === null || r.satisfactionMean === undefined || r.satisfactionResponses > 0, {
    path: ["satisfactionResponses"],
    message: "responsesNeeded",
  });
