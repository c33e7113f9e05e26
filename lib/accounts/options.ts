import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { appOrigin } from "@/lib/net/app-origin";
import { clientAddress, header } from "@/lib/net/client-address";
import { sessionOptions } from "@/lib/auth/session-options";
import { createUserSession } from "@/lib/auth/session";
import { relyingParty } from "./passkeys";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, withDeviceToken } from "./device-cookie";
import { signInStep } from "./sign-in";

/** The sign-in route's options: reading sessions (lib/auth/session-options.ts) plus the credentials provider. */
export function authOptions(): NextAuthOptions {
  return {
    ...sessionOptions(),
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
          // This browser is now one the account's holder uses (lib/accounts/device-cookie.ts).
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
  };
}
