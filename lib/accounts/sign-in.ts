// Checks credentials for next-auth. Never tells whether an email exists: an unknown email and a
// wrong password give the same answer, and locking counts attempts per email whether it exists or
// not. The failure that starts an account lock mails its holder a link that lifts it.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { announceLock } from "./account";
import { verifyPasskey, type RelyingParty } from "./passkeys";
import { burnVerifyTime, verifyPassword } from "./password";
import { clearFailures, emailKey, failureCounts, LOGIN_WINDOW_MS, lockedKeys, recordFailure, signInKeys } from "@/lib/auth/rate-limit";
import { issueTicket, readTicket, secondFactorMethods, verifySecondFactor, type SecondFactorMethod } from "./two-factor";
import { MAX_FAILURES_PER_DEVICE, trustedDevice } from "./device-cookie";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "locked" | "inactive" | "ssoOnly" };

export async function checkCredentials(
  db: Db,
  input: unknown,
  /** The client's address when it can be trusted (see lib/net/client-address.ts); null skips that limit. */
  ip: string | null,
  now = new Date(),
  /** Where the unlock link in a lock notice points. */
  origin = "",
  /** The browser's device cookie (lib/accounts/device-cookie.ts), when it has one. */
  deviceCookie: string | null = null,
): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  // A browser that signed in to this account before counts on its own: the account's lock (set by
  // failures from anywhere) does not reach it, only its own failures do.
  const device = trustedDevice(deviceCookie, email);
  const { keys, limit } = device ? { keys: [`device:${device}`], limit: () => MAX_FAILURES_PER_DEVICE } : signInKeys(email, ip);
  if ((await lockedKeys(db, keys, now, limit)).length > 0) return { ok: false, reason: "locked" };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
  if (!user || !valid) {
    await recordFailure(db, keys, now);
    const counts = await failureCounts(db, keys, now);
    const locked = keys.filter((k) => (counts.get(k) ?? 0) >= limit(k));
    // This failure is the one that locked the account (at this address or everywhere): tell its
    // holder, once per lock, and give her a way in.
    if (user && locked.some((k) => k.startsWith("email") && counts.get(k) === limit(k))) {
      await announceLock(db, email, ip, LOGIN_WINDOW_MS / 60_000, origin, now);
    }
    return { ok: false, reason: locked.length > 0 ? "locked" : "invalid" };
  }
  const refused = await membershipRefusal(db, user.id, ip);
  if (refused) return refused;
  // The holder's own slate is cleared (this device's, or this address's); an account-wide count from
  // other addresses is left to expire.
  await clearFailures(db, device || ip ? [keys[0]] : [emailKey(email)]);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } };
}

/**
 * Whether a sign-in without the company's identity provider (a password, or a passkey alone) may
 * go on: she must be an active member somewhere, and a team that signs in only through the company
 * refuses it, except for its admins (break glass: the way back in when the identity provider is
 * down), which is audit-logged.
 */
async function membershipRefusal(db: Db, userId: string, ip: string | null): Promise<SignInResult | null> {
  const active = await db.membership.count({ where: { userId, status: "ACTIVE" } });
  if (active === 0) return { ok: false, reason: "inactive" };
  const ssoOnly = await db.membership.findMany({
    where: { userId, status: "ACTIVE", team: { sso: { ssoOnly: true, enabled: true } } },
    select: { teamId: true, role: true },
  });
  // Only those who can repair the company sign-in (its settings) may pass it by password.
  if (ssoOnly.some((m) => !can(m.role, "settings.manage"))) return { ok: false, reason: "ssoOnly" };
  for (const m of ssoOnly) {
    await audit(db, {
      teamId: m.teamId,
      actorId: userId,
      action: "signIn.breakGlass",
      entityType: "User",
      entityId: userId,
      detail: ip ? { address: ip } : undefined,
    });
  }
  return null;
}

export type SignInStep =
  | SignInResult
  | { ok: false; reason: "secondFactor"; ticket: string; methods: SecondFactorMethod[] }
  | { ok: false; reason: "wrongCode" | "tooManyAttempts" | "ticketExpired" | "passkeyFailed" };

/** A passkey answer in the credentials (JSON from the browser) with its challenge, or null. */
function parsePasskey(input: Record<string, unknown> | undefined): { challengeId: string; response: AuthenticationResponseJSON } | null {
  if (!input || typeof input.passkey !== "string" || typeof input.challengeId !== "string" || input.passkey.length > 20_000) return null;
  try {
    const response = JSON.parse(input.passkey) as AuthenticationResponseJSON;
    return typeof response?.id === "string" ? { challengeId: input.challengeId, response } : null;
  } catch {
    return null;
  }
}

/**
 * One step of signing in. With email and password: the user, or (when she has a second factor) a
 * ticket for the code step. With a ticket and a code: the user once the code is right.
 */
export async function signInStep(
  db: Db,
  input: Record<string, unknown> | undefined,
  ip: string | null,
  now = new Date(),
  origin = "",
  rp?: RelyingParty,
  deviceCookie: string | null = null,
): Promise<SignInStep> {
  const passkey = parsePasskey(input);
  if (passkey && rp && !(typeof input?.ticket === "string" && input.ticket)) {
    // Without a password: the passkey (with its PIN or biometrics) is the whole sign-in.
    let userId: string;
    try {
      userId = await verifyPasskey(db, { ...passkey, userId: null, ip }, rp, now);
    } catch (e) {
      return { ok: false, reason: e instanceof AppError && e.code === "rateLimited" ? "tooManyAttempts" : "passkeyFailed" };
    }
    // A passkey alone is a sign-in without the company: "SSO only" holds for it as for a password.
    const refused = await membershipRefusal(db, userId, ip);
    if (refused) return refused;
    return {
      ok: true,
      user: await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, sessionVersion: true } }),
    };
  }
  if (input && typeof input.ticket === "string" && input.ticket) {
    const userId = await readTicket(db, input.ticket, now);
    if (!userId) return { ok: false, reason: "ticketExpired" };
    try {
      if (passkey && rp) await verifyPasskey(db, { ...passkey, userId }, rp, now);
      else await verifySecondFactor(db, userId, typeof input.code === "string" ? input.code.slice(0, 40) : "", now);
    } catch (e) {
      return {
        ok: false,
        reason: e instanceof AppError && e.code === "rateLimited" ? "tooManyAttempts" : passkey ? "passkeyFailed" : "wrongCode",
      };
    }
    // A ticket opens one session: claimed once its code is right (a second claim sees two rows).
    const used = `ticket:${createHash("sha256").update(input.ticket).digest("base64url")}`;
    await recordFailure(db, [used], now);
    if (((await failureCounts(db, [used], now)).get(used) ?? 0) > 1) return { ok: false, reason: "ticketExpired" };
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, email: true, sessionVersion: true },
    });
    return { ok: true, user };
  }
  const result = await checkCredentials(db, input, ip, now, origin, deviceCookie);
  if (!result.ok) return result;
  const methods = await secondFactorMethods(db, result.user.id);
  if (methods.length > 0) {
    // The code step offers only what she has: no code field for someone with passkeys alone.
    return { ok: false, reason: "secondFactor", ticket: issueTicket(result.user.id, result.user.sessionVersion, now), methods };
  }
  return result;
}
