import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/accounts/sign-in";
import {
  acceptInvitationAsNewUser,
  acceptInvitationAsUser,
  createInvitation,
  findInvitation,
  listInvitations,
  revokeInvitation,
} from "@/lib/team/invitations";
import { acceptNewUserSchema, createInvitationSchema } from "@/lib/team/schemas";
import { setupTestDatabase } from "../support/db";
import { createMember, createTeamWithRoles, ctxFor } from "../support/factories";
import { openMail } from "@/lib/mail/outbox";

const db = setupTestDatabase();
const DAY = 86_400_000;

describe("invitations", () => {
  it("lets a new person join with the invited role before the link expires", async () => {
    const { team, admin } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const inv = await createInvitation(ctx, { role: "MENTOR", email: "new@test.example", days: 3 }, new Date(), "https://crm.example");
    expect(inv.path).toBe(`/invite/${inv.token}`);
    // The invitation is mailed to the invited address, with the link, the team and the role.
    const mail = openMail(await db().mailMessage.findFirstOrThrow({ where: { toEmail: "new@test.example", kind: "invitation" } }));
    expect(mail.text).toContain(`https://crm.example/invite/${inv.token}`);
    expect(mail.text).toContain(team.name);
    expect(mail.text).toContain("教育担当");
    expect((await listInvitations(ctx)).map((i) => i.id)).toContain(inv.id);

    await acceptInvitationAsNewUser(db(), {
      token: inv.token,
      name: "新人 花子",
      email: "new@test.example",
      password: "sunlit harbour notebook",
    });
    const user = await db().user.findUniqueOrThrow({ where: { email: "new@test.example" } });
    const m = await db().membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: team.id, userId: user.id } } });
    expect(m.role).toBe("MENTOR");
    expect((await checkCredentials(db(), { email: "new@test.example", password: "sunlit harbour notebook" }, "10.9.0.1")).ok).toBe(true);
    expect((await findInvitation(db(), inv.token)).state).toBe("used");
    await expect(acceptInvitationAsUser(db(), inv.token, admin.user.id)).rejects.toMatchObject({ messageKey: "invitation.used" });
  });

  it("refuses a common password or one with the email in it when joining", async () => {
    const { admin } = await createTeamWithRoles(db());
    const inv = await createInvitation(await ctxFor(db(), admin.user.id), { role: "NURSE", email: "kana.ito@test.example", days: 3 });
    await expect(
      acceptInvitationAsNewUser(db(), { token: inv.token, name: "伊藤", email: "kana.ito@test.example", password: "password1234" }),
    ).rejects.toMatchObject({ fieldErrors: { password: ["passwordTooCommon"] } });
    await expect(
      acceptInvitationAsNewUser(db(), { token: inv.token, name: "伊藤", email: "kana.ito@test.example", password: "kana.ito-is-my-name" }),
    ).rejects.toMatchObject({ fieldErrors: { password: ["passwordPersonal"] } });
    expect(await db().user.count({ where: { email: "kana.ito@test.example" } })).toBe(0);
  });

  it("refuses an expired link and creates nothing", async () => {
    const { admin } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const created = new Date("2026-10-01T00:00:00Z");
    const inv = await createInvitation(ctx, { role: "NURSE", email: "late@test.example", days: 1 }, created);
    expect((await findInvitation(db(), inv.token, new Date(created.getTime() + DAY - 1000))).state).toBe("valid");
    const later = new Date(created.getTime() + DAY + 1000);
    expect((await findInvitation(db(), inv.token, later)).state).toBe("expired");
    await expect(
      acceptInvitationAsNewUser(
        db(),
        { token: inv.token, name: "遅刻", email: "late@test.example", password: "sunlit harbour notebook" },
        later,
      ),
    ).rejects.toMatchObject({ messageKey: "invitation.expired" });
    expect(await db().user.count({ where: { email: "late@test.example" } })).toBe(0);
  });

  it("refuses a revoked link and an unknown one", async () => {
    const { admin } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const inv = await createInvitation(ctx, { role: "NURSE", email: "r@test.example", days: 7 });
    await revokeInvitation(ctx, inv.id);
    expect((await findInvitation(db(), inv.token)).state).toBe("revoked");
    expect((await findInvitation(db(), "x".repeat(32))).state).toBe("unknown");
  });

  it("adds an existing user to a second team, who can then switch", async () => {
    const a = await createTeamWithRoles(db());
    const b = await createTeamWithRoles(db());
    const nurseEmail = (await db().user.findUniqueOrThrow({ where: { id: a.nurse.user.id } })).email;
    const inv = await createInvitation(await ctxFor(db(), b.admin.user.id), { role: "NURSE", email: nurseEmail, days: 7 });
    await acceptInvitationAsUser(db(), inv.token, a.nurse.user.id);
    const ctx = await ctxFor(db(), a.nurse.user.id, b.team.id);
    expect(ctx.teamId).toBe(b.team.id);
    expect(ctx.teams.map((t) => t.id).sort()).toEqual([a.team.id, b.team.id].sort());
  });

  it("asks an already registered email to sign in instead", async () => {
    const { team, admin } = await createTeamWithRoles(db());
    await createMember(db(), team.id, "NURSE", { email: "taken@test.example" });
    const inv = await createInvitation(await ctxFor(db(), admin.user.id), { role: "NURSE", email: "taken@test.example", days: 7 });
    await expect(
      acceptInvitationAsNewUser(db(), { token: inv.token, name: "x", email: "taken@test.example", password: "sunlit harbour notebook" }),
    ).rejects.toMatchObject({ fieldErrors: { email: ["emailTakenSignIn"] } });
    expect((await findInvitation(db(), inv.token)).state).toBe("valid");
  });

  it("requires an address: an invitation without one cannot be made", async () => {
    const { admin } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    expect(createInvitationSchema.safeParse({ role: "NURSE", email: "", days: 7 }).error?.issues[0]?.message).toBe("required");
    expect(createInvitationSchema.safeParse({ role: "NURSE", days: 7 }).success).toBe(false);
    expect(await listInvitations(ctx)).toEqual([]);
  });

  it("is for its address only: another signed-in user or another sign-up email is refused", async () => {
    const { team, admin, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const inv = await createInvitation(ctx, { role: "ADMIN", email: "boss@test.example", days: 7 });
    // An existing NURSE of the same team opens an ADMIN link addressed to someone else.
    await expect(acceptInvitationAsUser(db(), inv.token, nurse.user.id)).rejects.toMatchObject({ messageKey: "invitation.wrongEmail" });
    expect((await db().membership.findUniqueOrThrow({ where: { id: nurse.membership.id } })).role).toBe("NURSE");
    await expect(
      acceptInvitationAsNewUser(db(), {
        token: inv.token,
        name: "x",
        email: "someone-else@test.example",
        password: "sunlit harbour notebook",
      }),
    ).rejects.toMatchObject({ fieldErrors: { email: ["invitationEmailMismatch"] } });
    expect(await db().user.count({ where: { email: "someone-else@test.example" } })).toBe(0);
    expect((await findInvitation(db(), inv.token)).state).toBe("valid");
    // The addressee (case-insensitively) can.
    await acceptInvitationAsNewUser(
      db(),
      acceptNewUserSchema.parse({ token: inv.token, name: "部長", email: " Boss@Test.example", password: "sunlit harbour notebook" }),
    );
    const boss = await db().user.findUniqueOrThrow({ where: { email: "boss@test.example" } });
    expect((await db().membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: team.id, userId: boss.id } } })).role).toBe(
      "ADMIN",
    );
  });

  it("never changes an existing member's role, reactivates a deactivated member, or removes the last admin", async () => {
    const { team, admin, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const emailOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).email;
    // A NURSE invited again as ADMIN stays NURSE.
    const promote = await createInvitation(ctx, { role: "ADMIN", email: await emailOf(nurse.user.id), days: 7 });
    await expect(acceptInvitationAsUser(db(), promote.token, nurse.user.id)).rejects.toMatchObject({
      messageKey: "invitation.alreadyMember",
    });
    expect((await db().membership.findUniqueOrThrow({ where: { id: nurse.membership.id } })).role).toBe("NURSE");
    // The last admin accepting a NURSE link stays ADMIN.
    const demote = await createInvitation(ctx, { role: "NURSE", email: await emailOf(admin.user.id), days: 7 });
    await expect(acceptInvitationAsUser(db(), demote.token, admin.user.id)).rejects.toMatchObject({
      messageKey: "invitation.alreadyMember",
    });
    expect((await db().membership.findUniqueOrThrow({ where: { id: admin.membership.id } })).role).toBe("ADMIN");
    // A deactivated member does not come back through a fresh link.
    await db().membership.update({ where: { id: nurse.membership.id }, data: { status: "DEACTIVATED", deactivatedAt: new Date() } });
    const back = await createInvitation(ctx, { role: "NURSE", email: await emailOf(nurse.user.id), days: 7 });
    await expect(acceptInvitationAsUser(db(), back.token, nurse.user.id)).rejects.toMatchObject({ messageKey: "invitation.deactivated" });
    expect((await db().membership.findUniqueOrThrow({ where: { id: nurse.membership.id } })).status).toBe("DEACTIVATED");
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "member.role" } })).toBe(0);
  });

  it("writes member.role to the audit log when an accepted invitation gives a role", async () => {
    const { team, admin } = await createTeamWithRoles(db());
    const inv = await createInvitation(await ctxFor(db(), admin.user.id), { role: "MENTOR", email: "m2@test.example", days: 7 });
    await acceptInvitationAsNewUser(db(), {
      token: inv.token,
      name: "新人",
      email: "m2@test.example",
      password: "sunlit harbour notebook",
    });
    const user = await db().user.findUniqueOrThrow({ where: { email: "m2@test.example" } });
    expect(await db().auditLog.findFirst({ where: { teamId: team.id, action: "member.role", actorId: user.id } })).toMatchObject({
      detail: { from: null, to: "MENTOR" },
    });
  });
});
