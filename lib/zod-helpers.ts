// Small zod pieces shared by the domain schemas.
import { z } from "zod";

/** An optional id from a form: "" means none. */
export const optionalId = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

/** A real calendar day as "YYYY-MM-DD" (2026-02-31 is refused, not rolled into March); years 1900–2199. */
export const isoDate = z
  .string()
  .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, "invalidDate")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "invalidDate");
