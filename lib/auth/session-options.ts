// next-auth: JWT sessions that expire, read on every request.
import type { NextAuthOptions } from "next-auth";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { getAuthSecret } from "./secret";
import { endSession } from "./session";

/**
 * What reading a session needs: the secret, the cookie, the JWT and session callbacks. Every request
 * reads the session through these; only the sign-in route adds the providers (lib/accounts/options.ts),
 * so the request context does not load the sign-in stack.
 */
export function sessionOptions(): NextAuthOptions {
  const maxAge = getEnv().SESSION_MAX_AGE_HOURS * 3600;
  return {
    secret: getAuthSecret(),
    // Behind HTTPS the session cookie is Secure and __Secure- prefixed; plain http (the local demo)
    // cannot set such cookies.
    useSecureCookies: getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false,
    providers: [],
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/sign-in" },
    // The origin is taken from the request when NEXTAUTH_URL is not set; that is intended here.
    logger: {
      warn: (code) => code !== "NEXTAUTH_URL" && console.warn(`[next-auth] ${code}`),
      error: (code, metadata) => console.error(`[next-auth] ${code}`, metadata),
      debug: () => undefined,
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sid = (user as { sessionId?: string }).sessionId;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
          token.authAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        // The claims go to getSessionUserId, which checks them against the database.
        return {
          ...session,
          userId: typeof token.uid === "string" ? token.uid : undefined,
          sid: token.sid,
          sv: token.sv,
          authAt: token.authAt,
        };
      },
    },
    events: {
      // Signing out ends this session on the server too (a copied cookie stops working); the
      // sessions page ends the others.
      async signOut({ token }) {
        if (typeof token?.uid === "string" && typeof token.sid === "string") await endSession(getDb(), token.uid, token.sid);
      },
    },
  };
}
