// A session made outside next-auth's own sign-in (company sign-in): the same JWT, claims and cookie
// that next-auth's credentials sign-in produces, so every check downstream is the one already there.
import { decode, encode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { getAuthSecret } from "./secret";

export function sessionCookieName() {
  return getEnv().NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export async function sessionCookie(
  user: { id: string; name: string; email: string; sessionVersion: number },
  sessionId: string,
  now = new Date(),
) {
  const maxAge = getEnv().SESSION_MAX_AGE_HOURS * 3600;
  const value = await encode({
    secret: getAuthSecret(),
    maxAge,
    token: {
      name: user.name,
      email: user.email,
      sub: user.id,
      uid: user.id,
      sid: sessionId,
      sv: user.sessionVersion,
      authAt: now.getTime(),
    },
  });
  return {
    name: sessionCookieName(),
    value,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: sessionCookieName().startsWith("__Secure-"), maxAge },
  };
}

/**
 * The session token a request carries, decrypted, or null (none, tampered with, or expired). What
 * next-auth's getServerSession reads, without running its whole handler (CSRF token, callbacks) on
 * every request: the same cookie, joined from its chunks as next-auth writes a long one, and the same
 * decryption and clock tolerance. Only the cookie counts, never an Authorization header.
 */
export async function readSessionToken(cookies: { name: string; value: string }[]): Promise<Record<string, unknown> | null> {
  const name = sessionCookieName();
  const chunks = cookies
    .map((c) => ({ c, at: c.name === name ? 0 : c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : NaN }))
    .filter(({ at }) => Number.isInteger(at) && at >= 0)
    .sort((a, b) => a.at - b.at);
  const token = chunks.map(({ c }) => c.value).join("");
  if (!token) return null;
  try {
    return (await decode({ token, secret: getAuthSecret() })) as Record<string, unknown> | null;
  } catch {
    return null;
  }
}
