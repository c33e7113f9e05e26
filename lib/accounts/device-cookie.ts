// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
// signed in to an account before carries a signed token naming that account. Its failed attempts
// count against that device alone, and a lock that failures from anywhere else set on the account
// does not reach it, so a stranger guessing (or deliberately failing) cannot keep the holder out,
// whatever TRUSTED_PROXY_HOPS says about addresses.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";

export const DEVICE_COOKIE = "ally_device";
export const DEVICE_COOKIE_DAYS = 180;
/** Wrong passwords from one trusted device before it is locked too (for the usual window). */
export const MAX_FAILURES_PER_DEVICE = 5;

const mac = (email: string, nonce: string) =>
  createHmac("sha256", getAuthSecret()).update(`device-cookie/v1|${email.trim().toLowerCase()}|${nonce}`).digest("base64url");

/** A new token for the account just signed in to on this browser. */
export function deviceToken(email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${nonce}.${mac(email, nonce)}`;
}

/** The device's id when the cookie's token was issued for this account; null otherwise. */
export function trustedDevice(cookieValue: string | null | undefined, email: string): string | null {
  if (!cookieValue || cookieValue.length > 200) return null;
  // One cookie may carry tokens for several accounts used on the same browser.
  for (const token of cookieValue.split("~")) {
    const [nonce, given] = token.split(".");
    if (!nonce || !given) continue;
    const expected = Buffer.from(mac(email, nonce));
    const actual = Buffer.from(given);
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) return nonce;
  }
  return null;
}

/** The cookie's new value after a sign-in to `email`: its token added (at most three accounts kept). */
export function withDeviceToken(cookieValue: string | null | undefined, email: string): string {
  const others = (cookieValue ?? "")
    .split("~")
    .filter((t) => t && /^[\w-]+\.[\w-]+$/.test(t) && trustedDevice(t, email) === null)
    .slice(-2);
  return [...others, deviceToken(email)].join("~");
}
