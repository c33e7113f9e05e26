// One check for every share request (page and downloads): the link is live, and, if it has a
// passcode, this browser holds a valid unlock cookie for it.
import { cookies } from "next/headers";
import { getAuthSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { resolveShareLink, shareCookieName, verifyUnlock } from "./links";

export async function shareAccess(token: string) {
  const { state, link } = await resolveShareLink(getDb(), token);
  if (state !== "ok" || !link) return { state, link: null, unlocked: false };
  const unlocked = !link.passcodeHash || verifyUnlock(getAuthSecret(), link.id, (await cookies()).get(shareCookieName(link.id))?.value);
  return { state, link, unlocked };
}
