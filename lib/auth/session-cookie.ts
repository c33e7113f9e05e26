// A session made outside next-auth's own sign-in (company sign-in): the same JWT, claims and cookie
// that next-auth's credentials sign-in produces, so every check downstream is the one already there.
import { encode } from "next-auth/jwt";
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
