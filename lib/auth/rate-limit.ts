// Sign-in throttling kept in the database, so every app server behind a load balancer agrees.
// Failures count per account at one address, per address, and per account across addresses. A lock
// on an account at one address leaves its holder free to sign in from her own; an account-wide lock
// (many addresses, or no trustworthy address at all) is announced to the holder by mail with a link
// that lifts it, so nobody can keep the only admin out.
import type { Db } from "@/lib/db/client";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AT_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Account-wide, when the address is known (a distributed attack); without an address, per account. */
export const MAX_FAILURES_PER_ACCOUNT = 30;
export const MAX_FAILURES_PER_ACCOUNT_NO_ADDRESS = 5;

export const emailKey = (email: string) => `email:${email}`;
export const addressKey = (ip: string) => `ip:${ip}`;
export const accountAtAddressKey = (email: string, ip: string) => `email-ip:${email}|${ip}`;

/** The keys a sign-in attempt counts against, and each key's limit. */
export function signInKeys(email: string, ip: string | null): { keys: string[]; limit: (key: string) => number } {
  if (!ip) return { keys: [emailKey(email)], limit: () => MAX_FAILURES_PER_ACCOUNT_NO_ADDRESS };
  return {
    keys: [accountAtAddressKey(email, ip), addressKey(ip), emailKey(email)],
    limit: (key) =>
      key.startsWith("email-ip:")
        ? MAX_FAILURES_PER_ACCOUNT_AT_ADDRESS
        : key.startsWith("ip:")
          ? MAX_FAILURES_PER_ADDRESS
          : MAX_FAILURES_PER_ACCOUNT,
  };
}

/** Failures per key in the current window. */
export async function failureCounts(db: Pick<Db, "loginAttempt">, keys: string[], now: Date): Promise<Map<string, number>> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const counts = await db.loginAttempt.groupBy({
    by: ["key"],
    where: { key: { in: keys }, createdAt: { gt: since } },
    _count: { _all: true },
  });
  return new Map(counts.map((c) => [c.key, c._count._all]));
}

/** The keys whose failures in the current window reached their limit. */
export async function lockedKeys(
  db: Pick<Db, "loginAttempt">,
  keys: string[],
  now: Date,
  limit: (key: string) => number,
): Promise<string[]> {
  return [...(await failureCounts(db, keys, now))].filter(([key, n]) => n >= limit(key)).map(([key]) => key);
}

export async function isLocked(db: Pick<Db, "loginAttempt">, keys: string[], now: Date, limit: (key: string) => number): Promise<boolean> {
  return (await lockedKeys(db, keys, now, limit)).length > 0;
}

export async function recordFailure(db: Pick<Db, "loginAttempt">, keys: string[], now = new Date()) {
  await db.loginAttempt.createMany({ data: keys.map((key) => ({ key, createdAt: now })) });
  // Old rows are useless; trimming here keeps the table small without a scheduler.
  if (Math.random() < 0.05) {
    await db.loginAttempt.deleteMany({
      where: { createdAt: { lt: new Date(now.getTime() - 2 * LOGIN_WINDOW_MS) } },
    });
  }
}

export async function clearFailures(db: Pick<Db, "loginAttempt">, keys: string[]) {
  await db.loginAttempt.deleteMany({ where: { key: { in: keys } } });
}

/** Forgets every failure counted against an account (its password was reset, or its holder lifted the lock). */
export async function clearAccountFailures(db: Pick<Db, "loginAttempt">, email: string) {
  await db.loginAttempt.deleteMany({ where: { OR: [{ key: emailKey(email) }, { key: { startsWith: `email-ip:${email}|` } }] } });
}
