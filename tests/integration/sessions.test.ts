import { describe, expect, it } from "vitest";
import { endAllSessions, sessionUserId, SESSION_VERSION_CLAIM } from "@/lib/auth/session";
import { setMemberActive } from "@/lib/team/members";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const HOUR = 3_600_000;

describe("sessions", () => {
  it("accepts a token for its user's current session version within the absolute lifetime", async () => {
    const { nurse } = await createTeamWithRoles(db());
    const now = new Date("2026-11-24T09:00:00Z");
    const token = { uid: nurse.user.id, [SESSION_VERSION_CLAIM]: 1, authAt: now.getTime() - HOUR };
    expect(await sessionUserId(db(), token, 12, now)).toBe(nurse.user.id);
    // Sliding renewal cannot extend past the absolute lifetime counted from sign-in.
    expect(await sessionUserId(db(), { ...token, authAt: now.getTime() - 13 * HOUR }, 12, now)).toBeUndefined();
    // A token from before this check (no version, no sign-in time) is not accepted.
    expect(await sessionUserId(db(), { uid: nurse.user.id }, 12, now)).toBeUndefined();
  });

  it("ends every session on sign-out everywhere and on deactivation", async () => {
    const { admin, nurse } = await createTeamWithRoles(db());
    const token = { uid: nurse.user.id, [SESSION_VERSION_CLAIM]: 1, authAt: Date.now() };
    await endAllSessions(db(), nurse.user.id);
    expect(await sessionUserId(db(), token, 12)).toBeUndefined();
    const fresh = { ...token, [SESSION_VERSION_CLAIM]: 2 };
    expect(await sessionUserId(db(), fresh, 12)).toBe(nurse.user.id);
    await setMemberActive(await ctxFor(db(), admin.user.id), nurse.membership.id, false);
    expect(await sessionUserId(db(), fresh, 12)).toBeUndefined();
  });
});
