// Server-side control over signed (JWT) sessions. Each token names its session row (UserSession),
// carries its user's session version and the time of sign-in:
// - ending the row (sign out, sign out one device, a password change for the others) refuses that
//   token on every app server;
// - bumping the version (sign out everywhere, deactivation) ends every session at once;
// - the sign-in time gives an absolute lifetime that sliding renewal cannot extend.
import type { Db } from "@/lib/db/client";

export const SESSION_VERSION_CLAIM = "sv";
/** Last-seen is written at most this often per session (it is shown, not enforced). */
const TOUCH_MS = 5 * 60_000;

export interface SessionClaims {
  uid?: unknown;
  sid?: unknown;
  sv?: unknown;
  authAt?: unknown;
}

type SessionDb = Pick<Db, "user" | "userSession">;

export interface SessionOrigin {
  ip: string | null;
  userAgent: string | null;
}

export async function createUserSession(db: Pick<Db, "userSession">, userId: string, origin: SessionOrigin, now = new Date()) {
  const row = await db.userSession.create({
    data: { userId, ip: origin.ip, userAgent: origin.userAgent?.slice(0, 300) ?? null, createdAt: now, lastSeenAt: now },
    select: { id: true },
  });
  return row.id;
}

/** The token's ids and version when it is well formed and within its absolute lifetime. */
export function claimsWithinLifetime(token: SessionClaims | null | undefined, maxAgeHours: number, now = new Date()) {
  if (!token || typeof token.uid !== "string" || typeof token.sid !== "string") return undefined;
  if (typeof token.sv !== "number" || typeof token.authAt !== "number") return undefined;
  if (now.getTime() - token.authAt > maxAgeHours * 3_600_000 || token.authAt > now.getTime() + 60_000) return undefined;
  return { uid: token.uid, sid: token.sid, sv: token.sv };
}

/** Moves the session's last-seen forward when it is older than TOUCH_MS. */
export async function touchSession(db: Pick<Db, "userSession">, sessionId: string, lastSeenAt: Date, now = new Date()) {
  if (now.getTime() - lastSeenAt.getTime() <= TOUCH_MS) return;
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: now } });
}

/** The user and session the token stands for, or undefined when it is expired, ended or malformed. */
export async function sessionOf(db: SessionDb, token: SessionClaims | null | undefined, maxAgeHours: number, now = new Date()) {
  const valid = claimsWithinLifetime(token, maxAgeHours, now);
  if (!valid) return undefined;
  const session = await db.userSession.findUnique({
    where: { id: valid.sid },
    select: { userId: true, endedAt: true, lastSeenAt: true, user: { select: { sessionVersion: true } } },
  });
  if (!session || session.userId !== valid.uid || session.endedAt || session.user.sessionVersion !== valid.sv) return undefined;
  await touchSession(db, valid.sid, session.lastSeenAt, now);
  return { userId: valid.uid, sessionId: valid.sid };
}

/** The user id the token stands for, or undefined. */
export async function sessionUserId(db: SessionDb, token: SessionClaims | null | undefined, maxAgeHours: number, now = new Date()) {
  return (await sessionOf(db, token, maxAgeHours, now))?.userId;
}

/** Ends every session of the user, on every device. */
export async function endAllSessions(db: Pick<Db, "user" | "userSession">, userId: string, now = new Date()) {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await db.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
}

/** Ends one session of the user (this device, or one chosen on the sessions page). */
export async function endSession(db: Pick<Db, "userSession">, userId: string, sessionId: string, now = new Date()) {
  const res = await db.userSession.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { endedAt: now } });
  return res.count === 1;
}

/** Ends the user's sessions except the one in use (after a password change). */
export async function endOtherSessions(db: Pick<Db, "userSession">, userId: string, keepSessionId: string | null, now = new Date()) {
  const res = await db.userSession.updateMany({
    where: { userId, endedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { endedAt: now },
  });
  return res.count;
}

/** Where the user is signed in, most recent first. Sessions past the absolute lifetime are left out. */
export async function listSessions(db: Pick<Db, "userSession">, userId: string, maxAgeHours: number, now = new Date()) {
  return db.userSession.findMany({
    where: { userId, endedAt: null, createdAt: { gt: new Date(now.getTime() - maxAgeHours * 3_600_000) } },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
}
