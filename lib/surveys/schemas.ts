import { z } from "zod";
import { versionField } from "@/lib/zod-helpers";
import {
  MAX_CODES,
  MAX_OPTION_TEXT,
  MAX_OPTIONS,
  MAX_QUESTION_TEXT,
  MAX_QUESTIONS,
  QUESTION_KINDS,
  QUESTION_ROLES,
  SURVEY_ACCESS,
} from "./constants";
export * from "./constants";

const dateTime = z
  .string()
  .min(1, "required")
  .refine((v) => !Number.isNaN(new Date(v).getTime()), "invalidDate");

export const questionSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS, { message: "invalidChoice" }),
    role: z.enum(QUESTION_ROLES).nullable().default(null),
    text: z.string().trim().min(1, "required").max(MAX_QUESTION_TEXT, "tooLong"),
    options: z.array(z.string().trim().min(1, "required").max(MAX_OPTION_TEXT, "tooLong")).max(MAX_OPTIONS, "tooMany").default([]),
    required: z.boolean().default(true),
  })
  .superRefine((q, c) => {
    const choice = q.kind === "SINGLE" || q.kind === "MULTIPLE";
    if (choice && q.options.length < 2) c.addIssue({ code: "custom", path: ["options"], message: "twoOptions" });
    if (!choice && q.options.length > 0) c.addIssue({ code: "custom", path: ["options"], message: "invalid" });
    if (new Set(q.options).size !== q.options.length) c.addIssue({ code: "custom", path: ["options"], message: "duplicateOption" });
  });

export const surveyFields = z
  .object({
    title: z.string().trim().min(1, "required").max(100, "tooLong"),
    access: z.enum(SURVEY_ACCESS, { message: "invalidChoice" }).default("BROWSER"),
    opensAt: dateTime,
    closesAt: dateTime,
    questions: z.array(questionSchema).min(1, "oneQuestion").max(MAX_QUESTIONS, "tooManyQuestions"),
  })
  .superRefine((v, c) => {
    if (new Date(v.closesAt) <= new Date(v.opensAt)) c.addIssue({ code: "custom", path: ["closesAt"], message: "closesBeforeOpens" });
  });

export const createSurveySchema = surveyFields.and(z.object({ resultId: z.string().min(1).max(64) }));
export const updateSurveySchema = surveyFields.and(z.object({ id: z.string().min(1).max(64), version: versionField }));
export const closeSurveySchema = z.object({ id: z.string().min(1).max(64) });
export const issueCodesSchema = z.object({
  id: z.string().min(1).max(64),
  count: z.coerce.number({ message: "notANumber" }).int("notANumber").min(1, "tooSmall").max(MAX_CODES, "tooLarge"),
});

export type SurveyInput = z.output<typeof surveyFields>;
export type QuestionInput = z.output<typeof questionSchema>;
