// Checks credentials for next-auth. Never tells whether an email exists: an unknown email and a
// wrong password give the same answer, and locking counts attempts per email whether it exists or not.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { burnVerifyTime, verifyPassword } from "./password";
import { addressKey, clearFailures, emailKey, isLocked, recordFailure } from "./rate-limit";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type SignInResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "locked" | "inactive" };

export async function checkCredentials(
  db: Db,
  input: unknown,
  /** The client's address when it can be trusted (see lib/net/client-address.ts); null skips that limit. */
  ip: string | null,
  now = new Date(),
): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = ip ? [emailKey(email), addressKey(ip)] : [emailKey(email)];
  if (await isLocked(db, keys, now)) return { ok: false, reason: "locked" };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
  if (!user || !valid) {
    await recordFailure(db, keys, now);
    return { ok: false, reason: (await isLocked(db, keys, now)) ? "locked" : "invalid" };
  }
  const active = await db.membership.count({ where: { userId: user.id, status: "ACTIVE" } });
  if (active === 0) return { ok: false, reason: "inactive" };
  await clearFailures(db, emailKey(email));
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } };
}
