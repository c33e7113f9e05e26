// Second factor: TOTP (RFC 6238, authenticator apps) with ten single-use recovery codes. Signing in
// with a second factor is two steps: the password step ends in a short-lived signed ticket instead
// of a session, and the code step exchanges ticket + code for the session. Codes are throttled per
// account like passwords, a TOTP code is accepted once, and every change is audit-logged.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import QRCode from "qrcode";
import { Secret, TOTP } from "otpauth";
import { auditAccount } from "@/lib/audit";
import { keyedHash, keyedHashes, open, seal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { clearFailures, isLocked, recordFailure } from "@/lib/auth/rate-limit";
import { getAuthSecret } from "@/lib/auth/secret";
import { mailSecurityChange } from "./security-mail";

export const TOTP_ISSUER = "つながりノート";
export const RECOVERY_CODE_COUNT = 10;
export const CODE_ATTEMPTS = 5;
const TICKET_MS = 5 * 60_000;
const PERIOD = 30;

const totpFor = (secret: string, label: string) =>
  new TOTP({ issuer: TOTP_ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

export type SecondFactorMethod = "totp" | "passkey";

/** The second factors she has: an authenticator app (with its recovery codes), passkeys. */
export async function secondFactorMethods(db: Pick<Db, "user">, userId: string): Promise<SecondFactorMethod[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true, _count: { select: { passkeys: true } } } });
  return [...(user?.totpEnabledAt ? (["totp"] as const) : []), ...((user?._count.passkeys ?? 0) > 0 ? (["passkey"] as const) : [])];
}

/** True when the user signs in with a second factor. */
export async function hasSecondFactor(db: Pick<Db, "user">, userId: string) {
  return (await secondFactorMethods(db, userId)).length > 0;
}

// --- the ticket between the password step and the code step ---

function sign(payload: string) {
  return createHmac("sha256", getAuthSecret()).update(`2fa-ticket:${payload}`).digest("base64url");
}

export function issueTicket(userId: string, sessionVersion: number, now = new Date()): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, v: sessionVersion, e: now.getTime() + TICKET_MS })).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The user a ticket was issued for, or null when it is forged, expired or from before a password change. */
export async function readTicket(db: Pick<Db, "user">, ticket: unknown, now = new Date()): Promise<string | null> {
  if (typeof ticket !== "string" || ticket.length > 500) return null;
  const [payload, mac] = ticket.split(".");
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let data: { u?: unknown; v?: unknown; e?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof data.u !== "string" || typeof data.e !== "number" || data.e < now.getTime()) return null;
  const user = await db.user.findUnique({ where: { id: data.u }, select: { sessionVersion: true } });
  return user && user.sessionVersion === data.v ? data.u : null;
}

// --- enrolment ---

export async function startTotpEnrollment(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new AppError("conflict", "twoFactor.alreadyOn");
  const secret = new Secret({ size: 20 }).base32;
  await db.user.update({ where: { id: userId }, data: { totpSecret: seal(secret), totpLastStep: null } });
  const uri = totpFor(secret, user.email).toString();
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

function newRecoveryCode() {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const pick = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${pick()}-${pick()}`;
}
const normalizeCode = (code: string) => code.normalize("NFKC").toLowerCase().replace(/[\s-]/g, "");

export async function replaceRecoveryCodes(db: Db, userId: string) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: keyedHash(normalizeCode(c)) })) });
  return codes;
}

/** Confirms enrolment with a first code; returns the recovery codes, shown once. */
export async function confirmTotp(db: Db, userId: string, code: string, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new AppError("conflict", "twoFactor.alreadyOn");
  if (!user.totpSecret) throw new AppError("validation", "twoFactor.notStarted");
  await throttle(db, userId, now);
  const step = matchTotp(open(user.totpSecret), user.email, code, now);
  if (step === null) {
    await recordFailure(db, [codeKey(userId)], now);
    throw new AppError("validation", "validation", { code: ["wrongCode"] });
  }
  const codes = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: now, totpLastStep: step } });
    const codes = await replaceRecoveryCodes(tx as Db, userId);
    await auditAccount(tx, userId, "twoFactor.enabled");
    return codes;
  });
  await mailSecurityChange(db, userId, "totpEnabled", now);
  return codes;
}

// --- verification ---

const codeKey = (userId: string) => `2fa:${userId}`;

async function throttle(db: Db, userId: string, now: Date) {
  if (await isLocked(db, [codeKey(userId)], now, () => CODE_ATTEMPTS)) throw new AppError("rateLimited", "tooManyAttempts");
}

/** The time step a 6-digit code belongs to (this one or a neighbour), or null. */
function matchTotp(secret: string, label: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret, label).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/**
 * Checks a second-factor code for the user: a TOTP code not used before, or an unused recovery code
 * (used up by this). Throws a field error on `code`, or rateLimited after too many wrong codes.
 */
export async function verifySecondFactor(db: Db, userId: string, code: string, now = new Date()): Promise<"totp" | "recovery"> {
  await throttle(db, userId, now);
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (user.totpEnabledAt && user.totpSecret) {
    const step = matchTotp(open(user.totpSecret), user.email, code, now);
    if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
      // Accepted once: the same code (or an older one) cannot be replayed.
      const claimed = await db.user.updateMany({
        where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      if (claimed.count === 1) {
        await clearFailures(db, [codeKey(userId)]);
        return "totp";
      }
    }
  }
  const normalized = normalizeCode(code);
  if (/^[a-z0-9]{10}$/.test(normalized)) {
    const used = await db.recoveryCode.updateMany({
      where: { userId, codeHash: { in: keyedHashes(normalized) }, usedAt: null },
      data: { usedAt: now },
    });
    if (used.count === 1) {
      await clearFailures(db, [codeKey(userId)]);
      await auditAccount(db, userId, "twoFactor.recoveryCodeUsed");
      return "recovery";
    }
  }
  await recordFailure(db, [codeKey(userId)], now);
  throw new AppError("validation", "validation", { code: ["wrongCode"] });
}

/** The password again before a change to the second factor; wrong ones are throttled like codes. */
export async function reauthenticate(db: Db, userId: string, password: string, now = new Date()) {
  await throttle(db, userId, now);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailure(db, [codeKey(userId)], now);
    throw new AppError("validation", "validation", { password: ["wrongPassword"] });
  }
}

/** Turns TOTP off (password required). Refused while a team of hers requires a second factor. */
export async function disableTotp(db: Db, userId: string, password: string, now = new Date()) {
  await reauthenticate(db, userId, password, now);
  const passkeys = await db.passkey.count({ where: { userId } });
  if ((await teamRequiresTwoFactor(db, userId)) && passkeys === 0) throw new AppError("conflict", "twoFactor.required");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    // Recovery codes stand in for any second factor: kept while a passkey remains.
    if (passkeys === 0) await tx.recoveryCode.deleteMany({ where: { userId } });
    await auditAccount(tx, userId, "twoFactor.disabled");
  });
  await mailSecurityChange(db, userId, "totpDisabled", now);
}

/** New recovery codes (password required); the old ones stop working. */
export async function regenerateRecoveryCodes(db: Db, userId: string, password: string, now = new Date()) {
  await reauthenticate(db, userId, password, now);
  if (!(await hasSecondFactor(db, userId))) throw new AppError("validation", "twoFactor.notStarted");
  const codes = await db.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx as Db, userId);
    await auditAccount(tx, userId, "twoFactor.recoveryCodesRenewed");
    return codes;
  });
  await mailSecurityChange(db, userId, "recoveryCodesRenewed", now);
  return codes;
}

export async function recoveryCodesLeft(db: Pick<Db, "recoveryCode">, userId: string) {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/** Whether a team she is active in requires a second factor (then her last one cannot be removed). */
export async function teamRequiresTwoFactor(db: Pick<Db, "membership">, userId: string) {
  return (await db.membership.count({ where: { userId, status: "ACTIVE", team: { requireTwoFactor: true } } })) > 0;
}
