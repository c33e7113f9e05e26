// Shared by the forms and the server. Messages are keys under "validation" in messages/*.json.
import { z } from "zod";
import { parseRanges } from "@/lib/net/allowlist";
import { MIN_GROUP_FLOOR } from "@/lib/statistics/suppression";
import { isoDate, versionField } from "@/lib/zod-helpers";

export const roleSchema = z.enum(["ADMIN", "MENTOR", "NURSE"], { message: "invalidChoice" });

// Length only here (the forms use it too); common and personal passwords are refused on the server
// (lib/accounts/password-policy.ts).
export const passwordSchema = z.string({ message: "required" }).min(12, "passwordTooShort").max(128, "tooLong");

export const createInvitationSchema = z.object({
  role: roleSchema,
  // An invitation is for one address: only that person can accept it.
  email: z
    .string({ message: "required" })
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(254, "tooLong")
    .refine((v) => z.email().safeParse(v).success, "invalidEmail"),
  days: z.coerce.number({ message: "notANumber" }).int("notAnInteger").min(1, "tooSmall").max(30, "tooLarge").default(7),
});

export const acceptNewUserSchema = z.object({
  token: z.string().min(10, "invalidLink"),
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  email: z.string().trim().toLowerCase().min(1, "required").max(254, "tooLong").email("invalidEmail"),
  password: passwordSchema,
});

export const acceptExistingSchema = z.object({ token: z.string().min(10, "invalidLink") });

export const changeRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: roleSchema,
  version: versionField,
});

export const membershipIdSchema = z.object({ membershipId: z.string().min(1) });

export const assignMentorSchema = z.object({
  menteeId: z.string().min(1),
  mentorId: z.string().nullable(),
});

export const teamSettingsSchema = z.object({
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  noContactDays: z.coerce.number({ message: "notANumber" }).int("notAnInteger").min(7, "tooSmall").max(365, "tooLarge"),
  minGroupSize: z.coerce.number({ message: "notANumber" }).int("notAnInteger").min(MIN_GROUP_FLOOR, "tooSmall").max(100, "tooLarge"),
  // Lowering the minimum group size below 10 records the 衛生委員会 decision that allowed it.
  committeeOn: z
    .union([isoDate, z.literal("")])
    .optional()
    .transform((v) => v || null),
  committeeMinuteRef: z
    .string()
    .trim()
    .max(200, "tooLong")
    .optional()
    .transform((v) => v || null),
  caseNamesOn: z.coerce.boolean(),
  requireTwoFactor: z.coerce.boolean().default(false),
  // CIDR ranges, one per line (or comma separated); empty: any address.
  ipAllowlist: z
    .string()
    .max(4000, "tooLong")
    .default("")
    .transform((v, issue) => {
      const parsed = parseRanges(v.split(/[\s,、]+/).filter(Boolean));
      if (!parsed.ok) {
        issue.addIssue({ code: "custom", message: "invalidCidr" });
        return z.NEVER;
      }
      return parsed.ranges;
    }),
});

export const localeSchema = z.object({ locale: z.enum(["ja", "en"], { message: "invalidChoice" }) });

export const switchTeamSchema = z.object({ teamId: z.string().min(1) });
