import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/sign-in";
import { acceptInvitationAsNewUser, acceptInvitationAsUser, createInvitation, findInvitation, listInvitations, revokeInvitation } from "@/lib/team/invitations";
import { setupTestDatabase } from "../support/db";
import { createMember, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const DAY = 86_400_000;

describe("invitations", () => {
  it("lets a new person join with the invited role before the link expires", async () => {
    const { team, admin } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const inv = await createInvitation(ctx, { role: "MENTOR", email: "new@test.example", days: 3 });
    expect(inv.path).toBe(`/invite/${inv.token}`);
    expect((await listInvitations(ctx)).map((i) => i.id)).toContain(inv.id);

    await acceptInvitationAsNewUser(db(), { token: inv.token, name: "新人 花子", email: "new@test.example", password: "long-enough-pw" });
    const user = await db().user.findUniqueOrThrow({ where: { email: "new@test.example" } });
    const m = await db().membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: team.id, userId: user.id } } });
    expect(m.role).toBe("MENTOR");
    expect((await checkCredentials(db(), { email: "new@test.example", password: "long-enough-pw" }, "10.9.0.1")).ok).toBe(true);
    expect((await findInvitation(db(), inv.token)).state).toBe("used");
    await expect(acceptInvitationAsUser(db(), inv.token, admin.user.id)).rejects.toMatchObject({ messageKey: "invitation.used" });
  });

  it("refuses an expired link and creates nothing", async () => {
    const { admin } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const created = new Date("2026-10-01T00:00:00Z");
    const inv = await createInvitation(ctx, { role: "NURSE", days: 1 }, created);
    expect((await findInvitation(db(), inv.token, new Date(created.getTime() + DAY - 1000))).state).toBe("valid");
    const later = new Date(created.getTime() + DAY + 1000);
    expect((await findInvitation(db(), inv.token, later)).state).toBe("expired");
    await expect(
      acceptInvitationAsNewUser(db(), { token: inv.token, name: "遅刻", email: "late@test.example", password: "long-enough-pw" }, later),
    ).rejects.toMatchObject({ messageKey: "invitation.expired" });
    expect(await db().user.count({ where: { email: "late@test.example" } })).toBe(0);
  });

  it("refuses a revoked link and an unknown one", async () => {
    const { admin } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const inv = await createInvitation(ctx, { role: "NURSE", days: 7 });
    await revokeInvitation(ctx, inv.id);
    expect((await findInvitation(db(), inv.token)).state).toBe("revoked");
    expect((await findInvitation(db(), "x".repeat(32))).state).toBe("unknown");
  });

  it("adds an existing user to a second team, who can then switch", async () => {
    const a = await createTeamWithRoles(db());
    const b = await createTeamWithRoles(db());
    const inv = await createInvitation(await ctxFor(db(), b.admin.user.id), { role: "NURSE", days: 7 });
    await acceptInvitationAsUser(db(), inv.token, a.nurse.user.id);
    const ctx = await ctxFor(db(), a.nurse.user.id, b.team.id);
    expect(ctx.teamId).toBe(b.team.id);
    expect(ctx.teams.map((t) => t.id).sort()).toEqual([a.team.id, b.team.id].sort());
  });

  it("asks an already registered email to sign in instead", async () => {
    const { team, admin } = await createTeamWithRoles(db());
    await createMember(db(), team.id, "NURSE", { email: "taken@test.example" });
    const inv = await createInvitation(await ctxFor(db(), admin.user.id), { role: "NURSE", days: 7 });
    await expect(
      acceptInvitationAsNewUser(db(), { token: inv.token, name: "x", email: "taken@test.example", password: "long-enough-pw" }),
    ).rejects.toMatchObject({ fieldErrors: { email: ["emailTakenSignIn"] } });
    expect((await findInvitation(db(), inv.token)).state).toBe("valid");
  });
});
