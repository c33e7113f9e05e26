// Report definitions and share links: one set of schemas for the forms and the server.
import { z } from "zod";
import { isoDate, multiline, optionalId, versionField } from "@/lib/zod-helpers";
import { AUDIENCES, isTeamOnlySection, SECTION_IDS } from "./types";
import { DAY_MS } from "@/lib/dates";

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, "invalidChoice");

export const reportSchema = z
  .object({
    title: z.string({ message: "required" }).trim().min(1, "required").max(120, "tooLong"),
    message: multiline(1000).default(""),
    periodFrom: isoDate,
    // Inclusive in the form; stored as the day after (half-open period).
    periodTo: isoDate,
    departmentIds: z.array(id).max(30, "tooMany").default([]),
    sections: z
      .array(z.enum(SECTION_IDS, { message: "invalidChoice" }))
      .min(1, "chooseSection")
      .max(SECTION_IDS.length),
    audience: z.enum(AUDIENCES, { message: "invalidChoice" }).default("MANAGERS"),
  })
  .superRefine((v, c) => {
    if (v.audience === "MANAGERS" && v.sections.some(isTeamOnlySection))
      c.addIssue({ code: "custom", path: ["sections"], message: "teamOnlySection" });
    const from = Date.parse(`${v.periodFrom}T00:00:00Z`);
    const to = Date.parse(`${v.periodTo}T00:00:00Z`);
    if (to < from) c.addIssue({ code: "custom", path: ["periodTo"], message: "endBeforeStart" });
    else if (to - from > 5 * 366 * DAY_MS) c.addIssue({ code: "custom", path: ["periodTo"], message: "periodTooLong" });
  });

export const updateReportSchema = z.intersection(reportSchema, z.object({ id, version: versionField }));

export const reportIdSchema = z.object({ id });

/** Issuing names the draft it issues (its hash): what the nurse previewed is what goes out. */
export const issueSchema = z.object({ id, draft: z.string().trim().min(1).max(100) });

/** A link to an issued report or to an issued 保健師だより: exactly one of the two. */
export const shareLinkSchema = z
  .object({
    reportIssueId: optionalId,
    newsletterIssueId: optionalId,
    label: z.string({ message: "required" }).trim().min(1, "required").max(100, "tooLong"),
    days: z.coerce.number({ message: "notANumber" }).int("notAnInteger").min(1, "tooSmall").max(90, "tooLarge").default(30),
    passcode: z
      .string()
      .max(100, "tooLong")
      .default("")
      .refine((v) => v === "" || v.length >= 6, "passcodeTooShort"),
    allowDownload: z.coerce.boolean().default(false),
  })
  .refine((v) => !!v.reportIssueId !== !!v.newsletterIssueId, { path: ["reportIssueId"], message: "required" });

export const shareLinkIdSchema = z.object({ id });

export const unlockSchema = z.object({
  token: z.string().min(20).max(100),
  passcode: z.string().min(1, "required").max(100, "tooLong"),
});
