// One set of zod schemas for the review forms, actions and tests.
import { z } from "zod";
import { isoDate, versionField } from "@/lib/zod-helpers";

const id = z.string().min(1);

export const startReviewSchema = z.object({
  menteeId: z.string().min(1, "required"),
  title: z.string().trim().max(100, "tooLong").default(""),
});

export const selfReflectionSchema = z.object({
  reviewId: id,
  wentWell: z.string().trim().max(2000, "tooLong"),
  stuck: z.string().trim().max(2000, "tooLong"),
  version: versionField,
});

export const commentSchema = z.object({
  reviewId: id,
  body: z.string().trim().min(1, "required").max(2000, "tooLong"),
  keyPersonId: z
    .string()
    .optional()
    .transform((v) => v || null),
  linkId: z
    .string()
    .optional()
    .transform((v) => v || null),
  parentId: z
    .string()
    .optional()
    .transform((v) => v || null),
});

export const editCommentSchema = z.object({ id, body: z.string().trim().min(1, "required").max(2000, "tooLong") });

export { MAX_ACTIONS } from "./limits";

export const actionSchema = z.object({
  reviewId: id,
  title: z.string().trim().min(1, "required").max(120, "tooLong"),
  dueOn: isoDate,
  keyPersonId: z
    .string()
    .optional()
    .transform((v) => v || null),
});

export const idSchema = z.object({ id });
