// next-auth: email + password, JWT sessions that expire.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/net/client-address";
import { getAuthSecret } from "./secret";
import { endAllSessions } from "./session";
import { checkCredentials } from "./sign-in";

export function authOptions(): NextAuthOptions {
  const maxAge = getEnv().SESSION_MAX_AGE_HOURS * 3600;
  return {
    secret: getAuthSecret(),
    // Behind HTTPS the session cookie is Secure and __Secure- prefixed; plain http (the local demo)
    // cannot set such cookies.
    useSecureCookies: getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false,
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/sign-in" },
    // The origin is taken from the request when NEXTAUTH_URL is not set; that is intended here.
    logger: {
      warn: (code) => code !== "NEXTAUTH_URL" && console.warn(`[next-auth] ${code}`),
      error: (code, metadata) => console.error(`[next-auth] ${code}`, metadata),
      debug: () => undefined,
    },
    providers: [
      CredentialsProvider({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const result = await checkCredentials(getDb(), credentials, clientAddress(req.headers, getEnv().TRUSTED_PROXY_HOPS));
          // The error text becomes the `error` the sign-in page shows (a catalog key).
          if (!result.ok) throw new Error(result.reason);
          return result.user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
          token.authAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        // The claims go to getSessionUserId, which checks them against the database.
        return { ...session, userId: typeof token.uid === "string" ? token.uid : undefined, sv: token.sv, authAt: token.authAt };
      },
    },
    events: {
      // Signing out ends this user's sessions on every device (a stolen cookie stops working).
      async signOut({ token }) {
        if (typeof token?.uid === "string") await endAllSessions(getDb(), token.uid);
      },
    },
  };
}
