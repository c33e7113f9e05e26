import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { endAllSessions } from "@/lib/auth/session";
import { signInStep } from "@/lib/accounts/sign-in";
import { confirmTotp, disableTotp, issueTicket, regenerateRecoveryCodes, startTotpEnrollment } from "@/lib/accounts/two-factor";
import { runAction } from "@/lib/auth/wrappers";
import { openMail } from "@/lib/mail/outbox";
import { setupTestDatabase } from "../support/db";
import { createMember, createTeam, ctxFor, TEST_PASSWORD } from "../support/factories";

const db = setupTestDatabase();
const codeAt = (secret: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at.getTime() });

async function enrolled(email: string, now: Date) {
  const team = await createTeam(db());
  const { user, membership } = await createMember(db(), team.id, "NURSE", { email });
  const { secret } = await startTotpEnrollment(db(), user.id);
  const codes = await confirmTotp(db(), user.id, codeAt(secret, now), now);
  return { team, user, membership, secret, codes };
}

describe("two-factor authentication (TOTP)", () => {
  it("enrols with a confirming code, keeps the secret encrypted and gives ten recovery codes", async () => {
    const team = await createTeam(db());
    const { user } = await createMember(db(), team.id, "NURSE", { email: "totp.a@test.example" });
    const now = new Date("2026-11-30T01:00:00Z");
    const { secret, uri, qrSvg } = await startTotpEnrollment(db(), user.id);
    expect(uri).toContain("otpauth://totp/");
    expect(qrSvg).toContain("<svg");
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();
    await expect(confirmTotp(db(), user.id, "000000", now)).rejects.toMatchObject({ fieldErrors: { code: ["wrongCode"] } });
    const codes = await confirmTotp(db(), user.id, codeAt(secret, now), now);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db().recoveryCode.findMany({ where: { userId: user.id } });
    expect(JSON.stringify(stored)).not.toContain(codes[0]);
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "twoFactor.enabled" } })).toBe(1);
  });

  it("signs in in two steps; a code is accepted once; a recovery code once", async () => {
    const now = new Date("2026-11-30T02:00:00Z");
    const { user, secret, codes } = await enrolled("totp.b@test.example", now);
    const first = await signInStep(db(), { email: "totp.b@test.example", password: TEST_PASSWORD }, null, now);
    expect(first).toMatchObject({ ok: false, reason: "secondFactor", methods: ["totp"] });
    const ticket = (first as { ticket: string }).ticket;
    // The password alone never gives a session; a made-up ticket is refused.
    expect(await signInStep(db(), { ticket: `${ticket}x`, code: codeAt(secret, now) }, null, now)).toEqual({
      ok: false,
      reason: "ticketExpired",
    });
    const later = new Date(now.getTime() + 60_000);
    expect(await signInStep(db(), { ticket, code: codeAt(secret, later) }, null, later)).toMatchObject({ ok: true, user: { id: user.id } });
    // The ticket opened a session: it opens no second one, even with a fresh valid code.
    const next = new Date(later.getTime() + 30_000);
    expect(await signInStep(db(), { ticket, code: codeAt(secret, next) }, null, next)).toEqual({ ok: false, reason: "ticketExpired" });
    // The same code again (within its 30 seconds) is refused: a code seen over a shoulder is spent.
    const again = issueTicket(user.id, 1, later);
    expect(await signInStep(db(), { ticket: again, code: codeAt(secret, later) }, null, later)).toEqual({ ok: false, reason: "wrongCode" });
    // A recovery code works once, written with or without its hyphen.
    expect(await signInStep(db(), { ticket: again, code: codes[0].toUpperCase().replace("-", " ") }, null, later)).toMatchObject({
      ok: true,
    });
    expect(await signInStep(db(), { ticket: again, code: codes[0] }, null, later)).toEqual({ ok: false, reason: "wrongCode" });
    // A ticket expires after five minutes, and with the password changed or sessions ended.
    expect(await signInStep(db(), { ticket: again, code: codes[1] }, null, new Date(later.getTime() + 6 * 60_000))).toEqual({
      ok: false,
      reason: "ticketExpired",
    });
    await endAllSessions(db(), user.id);
    expect(await signInStep(db(), { ticket: again, code: codes[1] }, null, later)).toEqual({ ok: false, reason: "ticketExpired" });
  });

  it("throttles wrong codes like passwords", async () => {
    const now = new Date("2026-11-30T03:00:00Z");
    const { user, secret } = await enrolled("totp.c@test.example", now);
    const ticket = issueTicket(user.id, 1, now);
    for (let i = 0; i < 5; i++) expect(await signInStep(db(), { ticket, code: "123456" }, null, now)).toMatchObject({ ok: false });
    const right = new Date(now.getTime() + 90_000);
    expect(await signInStep(db(), { ticket: issueTicket(user.id, 1, right), code: codeAt(secret, right) }, null, right)).toEqual({
      ok: false,
      reason: "tooManyAttempts",
    });
  });

  it("turning it off or renewing codes needs the password; a team that requires it keeps it on", async () => {
    const now = new Date("2026-11-30T04:00:00Z");
    const { team, user, codes } = await enrolled("totp.d@test.example", now);
    await expect(regenerateRecoveryCodes(db(), user.id, "not-the-password", now)).rejects.toMatchObject({
      fieldErrors: { password: ["wrongPassword"] },
    });
    const fresh = await regenerateRecoveryCodes(db(), user.id, TEST_PASSWORD, now);
    expect(fresh).not.toContain(codes[0]);
    await db().team.update({ where: { id: team.id }, data: { requireTwoFactor: true } });
    await expect(disableTotp(db(), user.id, TEST_PASSWORD, now)).rejects.toMatchObject({ messageKey: "twoFactor.required" });
    await db().team.update({ where: { id: team.id }, data: { requireTwoFactor: false } });
    await disableTotp(db(), user.id, TEST_PASSWORD, now);
    expect(await signInStep(db(), { email: "totp.d@test.example", password: TEST_PASSWORD }, null, now)).toMatchObject({ ok: true });
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await db().auditLog.findMany({ where: { teamId: team.id, entityId: user.id } })).map((a) => a.action)).toEqual(
      expect.arrayContaining(["twoFactor.enabled", "twoFactor.recoveryCodesRenewed", "twoFactor.disabled"]),
    );
  });

  it("a member of a team that requires it can do nothing but enrol until she has", async () => {
    const team = await createTeam(db());
    await db().team.update({ where: { id: team.id }, data: { requireTwoFactor: true } });
    const { user } = await createMember(db(), team.id, "NURSE");
    const ctx = await ctxFor(db(), user.id);
    expect(ctx.mustEnrollTwoFactor).toBe(true);
    const work = await runAction(ctx, "keyPersons.write", z.object({}), {}, async () => "done");
    expect(work).toEqual({ ok: false, error: "twoFactor.required", fieldErrors: undefined, current: undefined });
    expect(await runAction(ctx, "account.self", z.object({}), {}, async () => "enrolled")).toEqual({ ok: true, data: "enrolled" });
    // Her own, but carrying the team's records out: no calendar feed or digest before she enrols.
    expect(await runAction(ctx, "account.feeds", z.object({}), {}, async () => "feed")).toMatchObject({
      ok: false,
      error: "twoFactor.required",
    });
    const now = new Date();
    const { secret } = await startTotpEnrollment(db(), user.id);
    await confirmTotp(db(), user.id, codeAt(secret, now), now);
    expect((await ctxFor(db(), user.id)).mustEnrollTwoFactor).toBe(false);
  });
});

describe("changes to how an account proves itself", () => {
  it("adding a factor needs a fresh proof: a sign-in minutes old, or the password (or a code) again", async () => {
    const { assertFreshProof, proveHolder, STEP_UP_MINUTES } = await import("@/lib/accounts/step-up");
    const { createUserSession } = await import("@/lib/auth/session");
    const team = await createTeam(db());
    const { user } = await createMember(db(), team.id, "NURSE", { email: "stepup@test.example" });
    const signedIn = new Date("2026-12-01T01:00:00Z");
    const sessionId = await createUserSession(db(), user.id, { ip: null, userAgent: null }, signedIn);
    const session = { userId: user.id, sessionId, authAt: signedIn.getTime() };
    await expect(assertFreshProof(db(), session, new Date(signedIn.getTime() + 5 * 60_000))).resolves.toBeUndefined();
    // A stolen cookie an hour later cannot add a factor...
    const later = new Date(signedIn.getTime() + 60 * 60_000);
    await expect(assertFreshProof(db(), session, later)).rejects.toMatchObject({ messageKey: "stepUp.required" });
    // ...without the password, whose wrong guesses are throttled.
    await expect(proveHolder(db(), session, { password: "not-the-password" }, later)).rejects.toMatchObject({
      fieldErrors: { password: ["wrongPassword"] },
    });
    await proveHolder(db(), session, { password: TEST_PASSWORD }, later);
    await expect(assertFreshProof(db(), session, new Date(later.getTime() + 60_000))).resolves.toBeUndefined();
    await expect(assertFreshProof(db(), session, new Date(later.getTime() + (STEP_UP_MINUTES + 1) * 60_000))).rejects.toMatchObject({
      messageKey: "stepUp.required",
    });
    // The proof belongs to this session: another device of hers is not proved by it.
    const other = await createUserSession(db(), user.id, { ip: null, userAgent: null }, signedIn);
    await expect(assertFreshProof(db(), { ...session, sessionId: other }, new Date(later.getTime() + 60_000))).rejects.toMatchObject({
      messageKey: "stepUp.required",
    });
  });

  it("every change is mailed to the holder; an admin resets a lost factor only for a member of her team alone", async () => {
    const { resetSecondFactors, resetPassword } = await import("@/lib/accounts/account");
    const now = new Date("2026-12-01T02:00:00Z");
    const { team, user, membership } = await enrolled("changes@test.example", now);
    const mails = async () =>
      (await db().mailMessage.findMany({ where: { toEmail: "changes@test.example", kind: "securityChanged" } })).map(
        (m) => openMail(m).text,
      );
    expect((await mails()).join()).toContain("認証アプリを2要素認証に登録");
    await regenerateRecoveryCodes(db(), user.id, TEST_PASSWORD, now);
    expect((await mails()).join()).toContain("リカバリーコードを作り直し");

    // A password reset says which factors remain.
    const { createLink } = await import("../support/links");
    expect((await resetPassword(db(), { token: await createLink(db(), user.id), password: "hoshi-no-furu-yoru-9" }, now)).factors).toEqual([
      "totp",
    ]);

    const admin = await createMember(db(), team.id, "ADMIN", { email: "changes.admin@test.example" });
    const adminCtx = await ctxFor(db(), admin.user.id);
    await resetSecondFactors(adminCtx, membership.id, now);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } })).toEqual({ totpEnabledAt: null });
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await mails()).join()).toContain("管理者が2要素認証");
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "twoFactor.resetByAdmin", actorId: admin.user.id } })).toBe(1);

    // Once she is also in another team, no admin of either resets her factors.
    const other = await createTeam(db());
    await db().membership.create({ data: { teamId: other.id, userId: user.id, role: "NURSE" } });
    await expect(resetSecondFactors(adminCtx, membership.id, now)).rejects.toMatchObject({ messageKey: "member.sharedAccount" });
  });
});
