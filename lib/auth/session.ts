// Server-side control over signed (JWT) sessions: each token carries its user's session version and
// the time of sign-in. Bumping the version (sign-out, sign-out everywhere, deactivation) ends every
// session at once; the sign-in time gives an absolute lifetime that sliding renewal cannot extend.
import type { Db } from "@/lib/db/client";

export const SESSION_VERSION_CLAIM = "sv";

export interface SessionClaims {
  uid?: unknown;
  sv?: unknown;
  authAt?: unknown;
}

/** The user id the token stands for, or undefined when it is expired, revoked or malformed. */
export async function sessionUserId(db: Pick<Db, "user">, token: SessionClaims | null | undefined, maxAgeHours: number, now = new Date()) {
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number" || typeof token.authAt !== "number") return undefined;
  if (now.getTime() - token.authAt > maxAgeHours * 3_600_000 || token.authAt > now.getTime() + 60_000) return undefined;
  const user = await db.user.findUnique({ where: { id: token.uid }, select: { sessionVersion: true } });
  return user && user.sessionVersion === token.sv ? token.uid : undefined;
}

export async function endAllSessions(db: Pick<Db, "user">, userId: string) {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
