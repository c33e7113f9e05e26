// Passkeys (WebAuthn, @simplewebauthn/server): registered from the account page, used as the second
// step after a password or to sign in without one. Challenges live in the database (any app server
// may answer), are single use and expire; the relying party is the app's own origin.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { auditAccount } from "@/lib/audit";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clearFailures, isLocked, recordFailure } from "@/lib/auth/rate-limit";
import { reauthenticate, replaceRecoveryCodes, teamRequiresTwoFactor, TOTP_ISSUER } from "./two-factor";
import { mailSecurityChange } from "./security-mail";
import { DAY_MS } from "@/lib/dates";

const CHALLENGE_MS = 5 * 60_000;
const ATTEMPTS = 5;

export interface RelyingParty {
  origin: string;
  rpID: string;
}

/**
 * The relying party for a request: its Origin when that is one the app is served at (NEXTAUTH_URL,
 * WEBAUTHN_ORIGINS), or on the embedded demo without NEXTAUTH_URL the request's own origin.
 */
export function relyingParty(requestOrigin: string | null, fallbackOrigin: string): RelyingParty {
  const env = getEnv();
  const allowed = new Set([...(env.NEXTAUTH_URL ? [new URL(env.NEXTAUTH_URL).origin] : []), ...(env.WEBAUTHN_ORIGINS ?? [])]);
  if (allowed.size === 0) allowed.add(fallbackOrigin);
  const origin = requestOrigin && allowed.has(requestOrigin) ? requestOrigin : [...allowed][0];
  return { origin, rpID: new URL(origin).hostname };
}

async function storeChallenge(db: Db, challenge: string, purpose: string, userId: string | null, now: Date) {
  if (Math.random() < 0.05) await db.webAuthnChallenge.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - DAY_MS) } } });
  const row = await db.webAuthnChallenge.create({
    data: { challenge, purpose, userId, expiresAt: new Date(now.getTime() + CHALLENGE_MS), createdAt: now },
    select: { id: true },
  });
  return row.id;
}

async function takeChallenge(db: Db, id: string, purpose: string, now: Date) {
  const row = await db.webAuthnChallenge.findUnique({ where: { id } });
  if (!row || row.purpose !== purpose) throw new AppError("validation", "passkey.failed");
  const claimed = await db.webAuthnChallenge.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) throw new AppError("validation", "passkey.expired");
  return row;
}

export async function registrationOptions(db: Db, userId: string, rp: RelyingParty, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, passkeys: { select: { id: true, transports: true } } },
  });
  const options = await generateRegistrationOptions({
    rpName: TOTP_ISSUER,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(userId),
    attestationType: "none",
    excludeCredentials: user.passkeys.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  return { options, challengeId: await storeChallenge(db, options.challenge, "register", userId, now) };
}

export async function registerPasskey(
  db: Db,
  userId: string,
  input: { challengeId: string; response: RegistrationResponseJSON; name: string },
  rp: RelyingParty,
  now = new Date(),
) {
  const challenge = await takeChallenge(db, input.challengeId, "register", now);
  if (challenge.userId !== userId) throw new AppError("validation", "passkey.failed");
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
    });
  } catch {
    throw new AppError("validation", "passkey.failed");
  }
  if (!verification.verified || !verification.registrationInfo) throw new AppError("validation", "passkey.failed");
  const { credential } = verification.registrationInfo;
  await db.passkey.create({
    data: {
      id: credential.id,
      userId,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name: input.name,
      createdAt: now,
    },
  });
  await auditAccount(db, userId, "passkey.added");
  await mailSecurityChange(db, userId, "passkeyAdded", now);
  // Her first second factor: recovery codes come with it, as with an authenticator app, for the day
  // the device with the passkey is lost. Shown once.
  const unused = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  return { codes: unused === 0 ? await replaceRecoveryCodes(db, userId) : null };
}

/** Options for signing in with a passkey: the user's own (second step) or any on this device. */
export async function authenticationOptions(db: Db, userId: string | null, rp: RelyingParty, now = new Date()) {
  const passkeys = userId ? await db.passkey.findMany({ where: { userId }, select: { id: true, transports: true } }) : [];
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: userId ? "preferred" : "required",
    allowCredentials: passkeys.map((p) => ({ id: p.id, transports: p.transports as never })),
  });
  return { options, challengeId: await storeChallenge(db, options.challenge, userId ? "second" : "passwordless", userId, now) };
}

/**
 * Checks a passkey answer; returns the user it belongs to. For the second step the passkey must be
 * that user's; without a password the passkey must have verified its user (PIN or biometrics).
 */
export async function verifyPasskey(
  db: Db,
  /** `ip`: the client's address when trusted; a sign-in without a password is throttled by it. */
  input: { challengeId: string; response: AuthenticationResponseJSON; userId: string | null; ip?: string | null },
  rp: RelyingParty,
  now = new Date(),
): Promise<string> {
  const challenge = await takeChallenge(db, input.challengeId, input.userId ? "second" : "passwordless", now);
  const passkey = await db.passkey.findUnique({ where: { id: input.response.id } });
  if (!passkey || (input.userId && (passkey.userId !== input.userId || challenge.userId !== input.userId)))
    throw new AppError("validation", "passkey.failed");
  // After her password (the second step) failures count against her; without one they count against
  // the address asking, never the account: a signature over a fresh challenge cannot be guessed, and
  // bad answers naming her credential must not lock her real passkey.
  const keys = input.userId ? [`passkey:${passkey.userId}`] : input.ip ? [`passkey-ip:${input.ip}`] : [];
  if (await isLocked(db, keys, now, () => (input.userId ? ATTEMPTS : ATTEMPTS * 4))) throw new AppError("rateLimited", "tooManyAttempts");
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, "base64url")),
        counter: passkey.counter,
        transports: passkey.transports as never,
      },
      requireUserVerification: !input.userId,
    });
  } catch {
    verification = { verified: false as const, authenticationInfo: undefined };
  }
  if (!verification.verified || !verification.authenticationInfo) {
    if (keys.length) await recordFailure(db, keys, now);
    throw new AppError("validation", "passkey.failed");
  }
  await db.passkey.update({ where: { id: passkey.id }, data: { counter: verification.authenticationInfo.newCounter, lastUsedAt: now } });
  if (keys.length) await clearFailures(db, keys);
  return passkey.userId;
}

export async function listPasskeys(db: Pick<Db, "passkey">, userId: string) {
  return db.passkey.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}

/** Removes a passkey (password required); the last second factor stays while a team requires one. */
export async function removePasskey(db: Db, userId: string, passkeyId: string, password: string) {
  await reauthenticate(db, userId, password);
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true, _count: { select: { passkeys: true } } },
  });
  if ((await teamRequiresTwoFactor(db, userId)) && !user.totpEnabledAt && user._count.passkeys <= 1)
    throw new AppError("conflict", "twoFactor.required");
  const res = await db.passkey.deleteMany({ where: { id: passkeyId, userId } });
  if (res.count !== 1) throw new AppError("notFound");
  // Her last second factor gone: the recovery codes that stood in for it go too.
  if (!user.totpEnabledAt && user._count.passkeys <= 1) await db.recoveryCode.deleteMany({ where: { userId } });
  await auditAccount(db, userId, "passkey.removed");
  await mailSecurityChange(db, userId, "passkeyRemoved");
}
