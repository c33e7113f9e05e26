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

/**
 * Text from a textarea: browsers post line breaks as CRLF, which PDFs and spreadsheets draw as two
 * breaks; stored with LF only.
 */
export const multiline = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(/\r\n?/g, "\n"))
    .pipe(z.string().trim().max(max, "tooLong"));

/** A record version for optimistic locking: a positive 32-bit integer (the column's range). */
export const versionField = z.coerce
  .number({ message: "notANumber" })
  .int("notAnInteger")
  .min(1, "tooSmall")
  .max(2_147_483_647, "tooLarge");

// NUL and other control characters (tab and line breaks aside) and unpaired UTF-16 surrogates
// cannot be stored as text, or mean nothing in it: input carrying them is refused at the boundary.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isUnsafeText = (s: string) => UNSAFE.test(s);

/** Paths of strings with unsafe characters anywhere in an input (objects, arrays, FormData-like). */
export function unsafeTextPaths(value: unknown, path = "", depth = 0, out: string[] = []): string[] {
  if (out.length >= 20 || depth > 8) return out;
  if (typeof value === "string") {
    if (isUnsafeText(value)) out.push(path || "_");
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unsafeTextPaths(v, path ? `${path}.${i}` : String(i), depth + 1, out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (isUnsafeText(k)) out.push(path || "_");
      unsafeTextPaths(v, path ? `${path}.${k}` : k, depth + 1, out);
    }
  }
  return out;
}

/** Field errors for every unsafe string in an input, or null when there is none. */
export function unsafeTextErrors(value: unknown): Record<string, string[]> | null {
  const paths = unsafeTextPaths(value);
  return paths.length ? Object.fromEntries(paths.map((p) => [p, ["invalidCharacters"]])) : null;
}

/** The `{ id }` of one record, for actions that take nothing else (remove, restore, retire…). */
export const recordIdSchema = z.object({ id: z.string().min(1).max(64) });
