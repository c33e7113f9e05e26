// Sign-in throttling kept in the database, so every app server behind a load balancer agrees.
import type { Db } from "@/lib/db/client";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export const emailKey = (email: string) => `email:${email}`;
export const addressKey = (ip: string) => `ip:${ip}`;

function limitFor(key: string) {
  return key.startsWith("email:") ? MAX_FAILURES_PER_EMAIL : MAX_FAILURES_PER_ADDRESS;
}

/** True when any key has used up its failures in the current window. */
export async function isLocked(db: Db, keys: string[], now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const counts = await db.loginAttempt.groupBy({
    by: ["key"],
    where: { key: { in: keys }, createdAt: { gt: since } },
    _count: { _all: true },
  });
  return counts.some((c) => c._count._all >= limitFor(c.key));
}

export async function recordFailure(db: Db, keys: string[], now = new Date()) {
  await db.loginAttempt.createMany({ data: keys.map((key) => ({ key, createdAt: now })) });
  // Old rows are useless; trimming here keeps the table small without a scheduler.
  if (Math.random() < 0.05) {
    await db.loginAttempt.deleteMany({
      where: { createdAt: { lt: new Date(now.getTime() - 2 * LOGIN_WINDOW_MS) } },
    });
  }
}

export async function clearFailures(db: Db, key: string) {
  await db.loginAttempt.deleteMany({ where: { key } });
}
