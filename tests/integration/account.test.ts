import { describe, expect, it } from "vitest";
import { changePassword, checkLink, issueResetLink, requestPasswordReset, resetPassword } from "@/lib/accounts/account";
import { passwordProblem } from "@/lib/accounts/password-policy";
import { checkCredentials } from "@/lib/accounts/sign-in";
import { createUserSession, sessionUserId, SESSION_VERSION_CLAIM } from "@/lib/auth/session";
import { setupTestDatabase } from "../support/db";
import { createMember, createTeam, createTeamWithRoles, ctxFor, TEST_PASSWORD } from "../support/factories";
import { openMail } from "@/lib/mail/outbox";

const db = setupTestDatabase();
const ORIGIN = "https://crm.example";
const NEW_PASSWORD = "ひだまりの窓辺で 2026 nurse";

const tokenIn = (text: string, path: string) => new RegExp(`${ORIGIN}/${path}/([\\w-]+)`).exec(text)?.[1];

describe("password rules (NIST SP 800-63B)", () => {
  it("asks for length, refuses common and personal passwords, and has no composition rules", () => {
    expect(passwordProblem("short-pass1")).toBe("passwordTooShort");
    expect(passwordProblem("password1234")).toBe("passwordTooCommon");
    expect(passwordProblem("qwertyuiop12")).toBe("passwordTooCommon");
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("passwordTooCommon");
    expect(passwordProblem("hanako.sato-2026-x", { email: "hanako.sato@corp.example" })).toBe("passwordPersonal");
    expect(passwordProblem("本社保健チームのパスワード", { teamNames: ["本社 保健チーム"] })).toBe("passwordPersonal");
    // All lower case, no digits or symbols: fine when long and unusual.
    expect(passwordProblem("lantern quietly folds paper")).toBeNull();
    expect(passwordProblem(NEW_PASSWORD)).toBeNull();
    expect(passwordProblem("x".repeat(129))).toBe("tooLong");
    // The demo's published password and the product's own name are the first guesses anyone makes.
    expect(passwordProblem("demo-pass-2026")).toBe("passwordTooCommon");
    expect(passwordProblem("つながりノートのパスワード")).toBe("passwordTooCommon");
    expect(passwordProblem("Tsunagari-Note-2026!")).toBe("passwordTooCommon");
  });
});

describe("forgotten password", () => {
  it("mails a single-use link that sets a new password, ends every session and expires after 30 minutes", async () => {
    const team = await createTeam(db());
    const { user } = await createMember(db(), team.id, "NURSE", { email: "forgot@test.example", name: "佐藤 花子" });
    const sid = await createUserSession(db(), user.id, { ip: null, userAgent: null });
    const now = new Date();
    await requestPasswordReset(db(), { email: " Forgot@Test.example ", ip: "10.0.0.5", origin: ORIGIN }, now);
    const mail = openMail(await db().mailMessage.findFirstOrThrow({ where: { toEmail: "forgot@test.example", kind: "passwordReset" } }));
    expect(mail.teamId).toBe(team.id);
    const token = tokenIn(mail.text, "reset-password")!;
    expect(token).toBeTruthy();
    // Only a hash is stored.
    expect(JSON.stringify(await db().passwordReset.findMany())).not.toContain(token);
    expect((await checkLink(db(), "reset", token, now)).state).toBe("valid");
    expect((await checkLink(db(), "reset", token, new Date(now.getTime() + 31 * 60_000))).state).toBe("expired");

    await expect(resetPassword(db(), { token, password: "password1234" }, now)).rejects.toMatchObject({
      fieldErrors: { password: ["passwordTooCommon"] },
    });
    await resetPassword(db(), { token, password: NEW_PASSWORD }, now);
    expect((await checkCredentials(db(), { email: "forgot@test.example", password: NEW_PASSWORD }, null)).ok).toBe(true);
    expect((await checkCredentials(db(), { email: "forgot@test.example", password: TEST_PASSWORD }, null)).ok).toBe(false);
    expect(await sessionUserId(db(), { uid: user.id, sid, [SESSION_VERSION_CLAIM]: 1, authAt: Date.now() }, 12)).toBeUndefined();
    await expect(resetPassword(db(), { token, password: "another long phrase here" }, now)).rejects.toMatchObject({
      messageKey: "accountLink.used",
    });
    // The holder is told the password changed; the audit log has it, with no secret in it.
    expect(await db().mailMessage.count({ where: { toEmail: "forgot@test.example", kind: "passwordChanged" } })).toBe(1);
    const entries = await db().auditLog.findMany({ where: { teamId: team.id, entityId: user.id } });
    expect(entries.map((e) => e.action).sort()).toEqual(["password.reset", "password.resetRequested"]);
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it("answers the same for an unknown address and sends nothing, and throttles repeated requests", async () => {
    const before = await db().mailMessage.count();
    await expect(requestPasswordReset(db(), { email: "nobody@test.example", ip: null, origin: ORIGIN })).resolves.toBeUndefined();
    expect(await db().mailMessage.count()).toBe(before);
    const team = await createTeam(db());
    await createMember(db(), team.id, "NURSE", { email: "spam@test.example" });
    for (let i = 0; i < 6; i++) await requestPasswordReset(db(), { email: "spam@test.example", ip: null, origin: ORIGIN });
    expect(await db().mailMessage.count({ where: { toEmail: "spam@test.example" } })).toBe(3);
    // Only the newest link works.
    const links = await db().passwordReset.findMany({ where: { user: { email: "spam@test.example" } } });
    expect(links.filter((l) => l.usedAt === null)).toHaveLength(1);
  });

  it("lets an admin issue a link for a member of her team only", async () => {
    const { team, admin, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const { link } = await issueResetLink(ctx, nurse.membership.id, ORIGIN);
    const token = tokenIn(link!, "reset-password")!;
    expect((await checkLink(db(), "reset", token)).state).toBe("valid");
    const mail = openMail(await db().mailMessage.findFirstOrThrow({ where: { toEmail: nurse.user.email, kind: "passwordResetByAdmin" } }));
    expect(mail.text).toContain(link!);
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "password.resetIssued", actorId: admin.user.id } })).toBe(1);
    const other = await createTeamWithRoles(db());
    await expect(issueResetLink(await ctxFor(db(), other.admin.user.id), nurse.membership.id, ORIGIN)).rejects.toMatchObject({
      code: "notFound",
    });
  });
});

describe("a member shared by two teams", () => {
  it("an admin of one team gets no reset link for her, and no outbox of either team holds one", async () => {
    // She is a nurse of team A who also joined team B.
    const a = await createTeamWithRoles(db());
    const b = await createTeamWithRoles(db());
    await db().membership.create({ data: { teamId: b.team.id, userId: a.nurse.user.id, role: "NURSE" } });
    const sharedInB = await db().membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: b.team.id, userId: a.nurse.user.id } } });
    const bAdmin = await ctxFor(db(), b.admin.user.id);
    const issued = await issueResetLink(bAdmin, sharedInB.id, ORIGIN);
    // B's admin is not shown the link; the holder has it by mail, in no team's outbox.
    expect(issued.link).toBeNull();
    const mail = openMail(
      await db().mailMessage.findFirstOrThrow({ where: { toEmail: a.nurse.user.email, kind: "passwordResetByAdmin" } }),
    );
    expect(mail.teamId).toBeNull();
    const { listMail } = await import("@/lib/mail/queries");
    expect((await listMail(bAdmin, 1)).rows.map((r) => r.toEmail)).not.toContain(a.nurse.user.email);
    // The reset she makes with the mailed link shows in A's log as coming from B's admin's link.
    const token = tokenIn(mail.text, "reset-password")!;
    await resetPassword(db(), { token, password: "mado-no-soto-ni-yuki-7" });
    const logged = await db().auditLog.findFirstOrThrow({
      where: { teamId: a.team.id, action: "password.reset", entityId: a.nurse.user.id },
    });
    expect(logged.detail).toEqual({ linkIssuedBy: b.admin.user.id });
    expect(
      await db().auditLog.count({
        where: { teamId: b.team.id, action: "password.resetIssued", detail: { equals: { shownToAdmin: false } } },
      }),
    ).toBe(1);
    // Her own forgotten-password and lock mails stay out of both outboxes too.
    await requestPasswordReset(db(), { email: a.nurse.user.email, ip: null, origin: ORIGIN });
    expect((await db().mailMessage.findFirstOrThrow({ where: { toEmail: a.nurse.user.email, kind: "passwordReset" } })).teamId).toBeNull();
  });
});

describe("changing the password", () => {
  it("needs the current password, keeps this session and ends the others", async () => {
    const team = await createTeam(db(), "あおぞら保健室");
    const { user } = await createMember(db(), team.id, "NURSE", { email: "change@test.example" });
    const here = await createUserSession(db(), user.id, { ip: null, userAgent: null });
    const there = await createUserSession(db(), user.id, { ip: null, userAgent: null });
    const tokenOf = (sid: string) => ({ uid: user.id, sid, [SESSION_VERSION_CLAIM]: 1, authAt: Date.now() });

    await expect(
      changePassword(db(), { userId: user.id, sessionId: here, current: "wrong-one-entirely", password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      fieldErrors: { current: ["wrongPassword"] },
    });
    await expect(
      changePassword(db(), { userId: user.id, sessionId: here, current: TEST_PASSWORD, password: "あおぞら保健室のぱすわーど" }),
    ).rejects.toMatchObject({
      fieldErrors: { password: ["passwordPersonal"] },
    });
    await changePassword(db(), { userId: user.id, sessionId: here, current: TEST_PASSWORD, password: NEW_PASSWORD });
    expect(await sessionUserId(db(), tokenOf(here), 12)).toBe(user.id);
    expect(await sessionUserId(db(), tokenOf(there), 12)).toBeUndefined();
    expect((await checkCredentials(db(), { email: "change@test.example", password: NEW_PASSWORD }, null)).ok).toBe(true);
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "password.changed" } })).toBe(1);
  });

  it("throttles guesses at the current password", async () => {
    const team = await createTeam(db());
    const { user } = await createMember(db(), team.id, "NURSE");
    for (let i = 0; i < 5; i++) {
      await expect(
        changePassword(db(), { userId: user.id, sessionId: null, current: `guess-number-${i}`, password: NEW_PASSWORD }),
      ).rejects.toBeTruthy();
    }
    await expect(
      changePassword(db(), { userId: user.id, sessionId: null, current: TEST_PASSWORD, password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      messageKey: "tooManyAttempts",
    });
  });
});
