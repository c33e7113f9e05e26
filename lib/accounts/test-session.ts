// Browser tests sign in as a member of their own instead of sharing the demo accounts: the test
// asks for a new member of a team (the team of a given member, with a role) and gets her session
// cookie, made exactly as a password sign-in makes it (lib/auth/session-cookie.ts). Only on when
// E2E_SESSION_SECRET is set, which lib/env.ts allows on a loopback http:// origin alone.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { hashPassword } from "./password";
import { createUserSession } from "@/lib/auth/session";
import { sessionCookie } from "@/lib/auth/session-cookie";

export const testMemberInput = z.object({
  /** A member of the team the new member joins (the demo team's lead, say). */
  teamOf: z.email().optional(),
  role: z.enum(["ADMIN", "NURSE"]).default("NURSE"),
  name: z.string().trim().min(1).max(60).default("試験 保健師"),
  /** A new team of her own by this name instead of joining `teamOf`'s (which is then not needed). */
  newTeam: z.string().trim().min(1).max(60).optional(),
});

/** Whether the request presents the configured secret; false when the feature is off. */
export function testSessionsAllowed(authorization: string | null) {
  const secret = getEnv().E2E_SESSION_SECRET;
  if (!secret || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Creates the member and a session for her; undefined when `teamOf` is no active member. */
export async function createTestMember(db: Db, input: z.output<typeof testMemberInput>) {
  const anchor = input.newTeam
    ? { teamId: (await db.team.create({ data: { name: input.newTeam }, select: { id: true } })).id }
    : input.teamOf
      ? await db.membership.findFirst({
          where: { user: { email: input.teamOf.toLowerCase() }, status: "ACTIVE" },
          orderBy: { createdAt: "asc" },
          select: { teamId: true },
        })
      : null;
  if (!anchor) return undefined;
  const email = `e2e-${randomBytes(6).toString("hex")}@e2e.invalid`;
  // Only the test that asked knows the password: it may sign in through the form as well.
  const password = `e2e-${randomBytes(12).toString("base64url")}`;
  const passwordHash = await hashPassword(password);
  const user = await db.user.create({
    data: { email, name: input.name, passwordHash, memberships: { create: { teamId: anchor.teamId, role: input.role } } },
    select: { id: true, name: true, email: true, sessionVersion: true },
  });
  const sessionId = await createUserSession(db, user.id, { ip: null, userAgent: "browser test" });
  const cookie = await sessionCookie(user, sessionId);
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    teamId: anchor.teamId,
    password,
    cookie: { name: cookie.name, value: cookie.value },
  };
}
