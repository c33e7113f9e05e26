// Health data at rest: a case's identifiers and free text, assessment notes and the summaries of
// touchpoints logged on a case are stored sealed (lib/crypto/secret-box.ts) and opened where they
// are read. Rows written before sealing was introduced are sealed at start-up (sealPending in
// lib/crypto/rotate.ts); until then their plain text reads as it is.
import { keyedHash, keyedHashes, open, seal } from "./secret-box";

const SEALED = /^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/;

export const isSealed = (v: unknown): v is string => typeof v === "string" && SEALED.test(v);

/** Seals a text; empty stays empty (there is nothing to hide in it). */
export function sealText(v: string): string;
export function sealText(v: string | null): string | null;
export function sealText(v: string | null): string | null {
  return v === null || v === "" ? v : seal(v);
}

export function openText(v: string): string;
export function openText(v: string | null): string | null;
export function openText(v: string | null): string | null {
  return isSealed(v) ? open(v) : v;
}

/** Opens every sealed string in a query result (objects and arrays, any depth). */
export function openSealed<T>(value: T): T {
  if (isSealed(value)) return open(value) as T;
  if (Array.isArray(value)) return value.map(openSealed) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openSealed(v)])) as T;
  }
  return value;
}

const normalizeCode = (code: string) => code.normalize("NFKC").trim().toUpperCase();

/** An employee code's keyed hash: the code stays findable (and unique per opening day) unread. */
export const employeeCodeHash = (teamId: string, code: string) => keyedHash(`employee-code:${teamId}:${normalizeCode(code)}`);
export const employeeCodeHashes = (teamId: string, code: string) => keyedHashes(`employee-code:${teamId}:${normalizeCode(code)}`);

/** The case columns that are sealed. */
export const SEALED_CASE_FIELDS = ["employeeCode", "employeeName", "consentScope", "consentMethod", "followUpPlan"] as const;
