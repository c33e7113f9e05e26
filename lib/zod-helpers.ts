// Small zod pieces shared by the domain schemas.
import { z } from "zod";

/** An optional id from a form: "" means none. */
export const optionalId = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate");
