import { afterEach, describe, expect, it, vi } from "vitest";
import { decode } from "next-auth/jwt";
import { loadTeamContext } from "@/lib/auth/context";
import { getAuthSecret } from "@/lib/auth/secret";
import { sessionOf } from "@/lib/auth/session";
import { createTestMember, testMemberInput, testSessionsAllowed } from "@/lib/accounts/test-session";
import { reloadEnv } from "@/lib/env";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles } from "../support/factories";

const db = setupTestDatabase();
const SECRET = "e2e-".padEnd(40, "x");

afterEach(() => {
  vi.unstubAllEnvs();
  reloadEnv();
});

describe("browser-test sessions", () => {
  it("are off unless the secret is configured, and need it presented exactly", () => {
    vi.stubEnv("E2E_SESSION_SECRET", "");
    reloadEnv();
    expect(testSessionsAllowed(`Bearer ${SECRET}`)).toBe(false);
    vi.stubEnv("E2E_SESSION_SECRET", SECRET);
    vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3210");
    reloadEnv();
    expect(testSessionsAllowed(`Bearer ${SECRET}`)).toBe(true);
    expect(testSessionsAllowed(`Bearer ${SECRET}y`)).toBe(false);
    expect(testSessionsAllowed(SECRET)).toBe(false);
    expect(testSessionsAllowed(null)).toBe(false);
  });

  it("create a member of the named member's team whose cookie is a real session", async () => {
    const { admin, team } = await createTeamWithRoles(db());
    const member = await createTestMember(db(), testMemberInput.parse({ teamOf: admin.user.email, role: "ADMIN" }));
    expect(member?.teamId).toBe(team.id);
    const token = await decode({ token: member!.cookie.value, secret: getAuthSecret() });
    expect(await sessionOf(db(), token, 12)).toEqual({ userId: member!.userId, sessionId: expect.any(String) });
    const ctx = await loadTeamContext(db(), member!.userId);
    expect([ctx?.teamId, ctx?.role, ctx?.user.name]).toEqual([team.id, "ADMIN", "試験 保健師"]);
    // Each call is a member of her own.
    const second = await createTestMember(db(), testMemberInput.parse({ teamOf: admin.user.email }));
    expect(second?.email).not.toBe(member?.email);
    expect((await loadTeamContext(db(), second!.userId))?.role).toBe("NURSE");
  });

  it("refuse a team anchor that is not an active member", async () => {
    expect(await createTestMember(db(), testMemberInput.parse({ teamOf: "nobody@example.com" }))).toBeUndefined();
  });
});
