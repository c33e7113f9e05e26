"use server";
// Unlocking a share link with its passcode (signed out). Throttled per link and per trusted address.
import { cookies, headers } from "next/headers";
import { getAuthSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/net/client-address";
import { unlockSchema } from "@/lib/reports/schemas";
import { shareCookieName, signUnlock, UNLOCK_TTL_MS, unlockShareLink } from "@/lib/share/links";

export async function unlockShare(input: { token: string; passcode: string }): Promise<{ ok: boolean; reason?: string }> {
  const parsed = unlockSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "wrong" };
  const ip = clientAddress(await headers(), getEnv().TRUSTED_PROXY_HOPS);
  const res = await unlockShareLink(getDb(), parsed.data.token, parsed.data.passcode, ip);
  if (!res.ok) return { ok: false, reason: res.reason };
  const secure = (await headers()).get("x-forwarded-proto") === "https" || getEnv().NEXTAUTH_URL?.startsWith("https://") === true;
  (await cookies()).set(shareCookieName(res.linkId), signUnlock(getAuthSecret(), res.linkId), {
    httpOnly: true,
    sameSite: "strict",
    path: "/share",
    maxAge: UNLOCK_TTL_MS / 1000,
    secure,
  });
  return { ok: true };
}
