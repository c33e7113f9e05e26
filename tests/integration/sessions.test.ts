import { describe, expect, it } from "vitest";
import {
  createUserSession,
  endAllSessions,
  endOtherSessions,
  endSession,
  listSessions,
  sessionUserId,
  SESSION_VERSION_CLAIM,
} from "@/lib/auth/session";
import { loadSessionContext } from "@/lib/auth/context";
import { setMemberActive } from "@/lib/team/members";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const HOUR = 3_600_000;
const origin = { ip: "10.0.0.1", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)" };

describe("sessions", () => {
  it("accepts a token for its session and user version within the absolute lifetime", async () => {
    const { nurse } = await createTeamWithRoles(db());
    const now = new Date("2026-11-24T09:00:00Z");
    const sid = await createUserSession(db(), nurse.user.id, origin, new Date(now.getTime() - HOUR));
    const token = { uid: nurse.user.id, sid, [SESSION_VERSION_CLAIM]: 1, authAt: now.getTime() - HOUR };
    expect(await sessionUserId(db(), token, 12, now)).toBe(nurse.user.id);
    // Sliding renewal cannot extend past the absolute lifetime counted from sign-in.
    expect(await sessionUserId(db(), { ...token, authAt: now.getTime() - 13 * HOUR }, 12, now)).toBeUndefined();
    // A token without a session (from before sessions were kept) or for someone else's session is refused.
    expect(await sessionUserId(db(), { ...token, sid: undefined }, 12, now)).toBeUndefined();
    expect(await sessionUserId(db(), { uid: nurse.user.id }, 12, now)).toBeUndefined();
    const { admin } = await createTeamWithRoles(db());
    expect(await sessionUserId(db(), { ...token, uid: admin.user.id }, 12, now)).toBeUndefined();
    // Last seen moves forward when the session is used (at most every few minutes).
    const row = await db().userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.lastSeenAt.getTime()).toBe(now.getTime());
  });

  it("ends one device, the others, or every session", async () => {
    const { admin, nurse } = await createTeamWithRoles(db());
    const uid = nurse.user.id;
    const [a, b, c] = [
      await createUserSession(db(), uid, origin),
      await createUserSession(db(), uid, { ip: null, userAgent: null }),
      await createUserSession(db(), uid, origin),
    ];
    const tokenOf = (sid: string, sv = 1) => ({ uid, sid, [SESSION_VERSION_CLAIM]: sv, authAt: Date.now() });
    expect((await listSessions(db(), uid, 12)).map((s) => s.id).sort()).toEqual([a, b, c].sort());
    // One device.
    expect(await endSession(db(), uid, b)).toBe(true);
    expect(await sessionUserId(db(), tokenOf(b), 12)).toBeUndefined();
    expect(await sessionUserId(db(), tokenOf(a), 12)).toBe(uid);
    // Someone else cannot end it.
    expect(await endSession(db(), admin.user.id, a)).toBe(false);
    // All but this one.
    expect(await endOtherSessions(db(), uid, a)).toBe(1);
    expect(await sessionUserId(db(), tokenOf(c), 12)).toBeUndefined();
    expect(await sessionUserId(db(), tokenOf(a), 12)).toBe(uid);
    // Everywhere: the version moves on, so even a new session row with the old version is refused.
    await endAllSessions(db(), uid);
    expect(await sessionUserId(db(), tokenOf(a), 12)).toBeUndefined();
    const d = await createUserSession(db(), uid, origin);
    expect(await sessionUserId(db(), tokenOf(d, 1), 12)).toBeUndefined();
    expect(await sessionUserId(db(), tokenOf(d, 2), 12)).toBe(uid);
    // Deactivation ends them too.
    await setMemberActive(await ctxFor(db(), admin.user.id), nurse.membership.id, false);
    expect(await sessionUserId(db(), tokenOf(d, 3), 12)).toBeUndefined();
    expect(await listSessions(db(), uid, 12)).toEqual([]);
  });

  it("gives the team context for a token in one go, under the same rules as the session check", async () => {
    const { admin, nurse, team } = await createTeamWithRoles(db());
    const uid = nurse.user.id;
    const now = new Date("2026-11-24T09:00:00Z");
    const sid = await createUserSession(db(), uid, origin, new Date(now.getTime() - HOUR));
    const token = { uid, sid, [SESSION_VERSION_CLAIM]: 1, authAt: now.getTime() - HOUR };
    const ctx = await loadSessionContext(db(), token, 12, undefined, undefined, now);
    expect([ctx?.userId, ctx?.teamId, ctx?.role, ctx?.team.name, ctx?.teams.length]).toEqual([uid, team.id, "NURSE", team.name, 1]);
    expect(ctx?.mustEnrollTwoFactor).toBe(false);
    // Last seen moved forward, as with sessionOf.
    expect((await db().userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime()).toBe(now.getTime());
    // Past the lifetime, someone else's session, a stale version, an ended session: no context.
    expect(await loadSessionContext(db(), { ...token, authAt: now.getTime() - 13 * HOUR }, 12, undefined, undefined, now)).toBeNull();
    expect(await loadSessionContext(db(), { ...token, uid: admin.user.id }, 12, undefined, undefined, now)).toBeNull();
    expect(await loadSessionContext(db(), { ...token, [SESSION_VERSION_CLAIM]: 2 }, 12, undefined, undefined, now)).toBeNull();
    expect(await loadSessionContext(db(), { ...token, sid: undefined }, 12, undefined, undefined, now)).toBeNull();
    // A second team she joins later: the preferred one is chosen, the first stays the default.
    const other = await db().team.create({ data: { name: "第二チーム", requireTwoFactor: true, ipAllowlist: ["203.0.113.0/24"] } });
    await db().membership.create({ data: { teamId: other.id, userId: uid, role: "ADMIN" } });
    const both = await loadSessionContext(db(), token, 12, other.id, "198.51.100.9", now);
    expect([both?.teamId, both?.role, both?.teams.map((t) => t.name)]).toEqual([other.id, "ADMIN", [team.name, "第二チーム"]]);
    expect(both?.team.ipAllowlist).toEqual(["203.0.113.0/24"]);
    expect([both?.mustEnrollTwoFactor, both?.addressRefused]).toEqual([true, true]);
    expect((await loadSessionContext(db(), token, 12, "unknown", undefined, now))?.teamId).toBe(team.id);
    await endSession(db(), uid, sid);
    expect(await loadSessionContext(db(), token, 12, undefined, undefined, now)).toBeNull();
  });
});
