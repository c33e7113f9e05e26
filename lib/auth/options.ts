// next-auth: email + password, JWT sessions that expire.
import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { appOrigin } from "@/lib/net/app-origin";
import { clientAddress, header } from "@/lib/net/client-address";
import { getAuthSecret } from "./secret";
import { relyingParty } from "./passkeys";
import { createUserSession, endSession } from "./session";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, withDeviceToken } from "./device-cookie";
import { signInStep } from "./sign-in";

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
        credentials: {
          email: { type: "email" },
          password: { type: "password" },
          ticket: { type: "text" },
          code: { type: "text" },
          passkey: { type: "text" },
          challengeId: { type: "text" },
        },
        async authorize(credentials, req) {
          const ip = clientAddress(req.headers, getEnv().TRUSTED_PROXY_HOPS);
          const origin = appOrigin(req.headers);
          const rp = relyingParty(header(req.headers, "origin") ?? null, origin);
          const jar = await cookies();
          const device = jar.get(DEVICE_COOKIE)?.value ?? null;
          const result = await signInStep(getDb(), credentials, ip, new Date(), origin, rp, device);
          // The error text becomes the `error` the sign-in page shows (a catalog key); the second
          // factor's step gets the methods she has and its ticket the same way.
          if (!result.ok)
            throw new Error(result.reason === "secondFactor" ? `secondFactor:${result.methods.join("+")}:${result.ticket}` : result.reason);
          // This browser is now one the account's holder uses (lib/auth/device-cookie.ts).
          jar.set(DEVICE_COOKIE, withDeviceToken(device, result.user.email), {
            httpOnly: true,
            sameSite: "lax",
            path: "/api/auth",
            secure: getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false,
            maxAge: DEVICE_COOKIE_DAYS * 86_400,
          });
          const userAgent = header(req.headers, "user-agent") ?? null;
          return { ...result.user, sessionId: await createUserSession(getDb(), result.user.id, { ip, userAgent }) };
        },
      }),
    ],
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
