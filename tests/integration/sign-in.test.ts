import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/accounts/sign-in";
import { unlockAccount } from "@/lib/accounts/account";
import {
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_AT_ADDRESS,
  MAX_FAILURES_PER_ACCOUNT_NO_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
} from "@/lib/auth/rate-limit";
import { setupTestDatabase } from "../support/db";
import { createMember, createTeam, TEST_PASSWORD } from "../support/factories";
import { openMail } from "@/lib/mail/outbox";
import { MAX_FAILURES_PER_DEVICE, withDeviceToken } from "@/lib/accounts/device-cookie";

const db = setupTestDatabase();

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const team = await createTeam(db());
    const { user } = await createMember(db(), team.id, "NURSE", { email: "nurse.a@test.example" });
    const res = await checkCredentials(db(), { email: "  Nurse.A@Test.example ", password: TEST_PASSWORD }, "10.0.0.1");
    expect(res).toEqual({ ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: 1 } });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const team = await createTeam(db());
    await createMember(db(), team.id, "NURSE", { email: "nurse.b@test.example" });
    const wrong = await checkCredentials(db(), { email: "nurse.b@test.example", password: "nope-nope-nope" }, "10.0.0.2");
    const unknown = await checkCredentials(db(), { email: "ghost@test.example", password: "nope-nope-nope" }, "10.0.0.2");
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("rejects malformed input without touching the database", async () => {
    expect(await checkCredentials(db(), { email: "not-an-email", password: "x" }, "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(db(), null, "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks one address out of an account while the holder still signs in from her own", async () => {
    const team = await createTeam(db());
    await createMember(db(), team.id, "ADMIN", { email: "only.admin@test.example" });
    const now = new Date("2026-11-01T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AT_ADDRESS - 1; i++) {
      const r = await checkCredentials(db(), { email: "only.admin@test.example", password: "wrong-password" }, "198.51.100.7", now);
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const last = await checkCredentials(db(), { email: "only.admin@test.example", password: "wrong-password" }, "198.51.100.7", now);
    expect(last).toEqual({ ok: false, reason: "locked" });
    // The attacker's address is stopped, even with the right password…
    expect(await checkCredentials(db(), { email: "only.admin@test.example", password: TEST_PASSWORD }, "198.51.100.7", now)).toEqual({
      ok: false,
      reason: "locked",
    });
    // …but the only admin, from her own address, is not locked out.
    expect((await checkCredentials(db(), { email: "only.admin@test.example", password: TEST_PASSWORD }, "10.1.0.100", now)).ok).toBe(true);
    // The holder is told by mail, once.
    const mails = (await db().mailMessage.findMany({ where: { toEmail: "only.admin@test.example", kind: "signInLocked" } })).map(openMail);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("198.51.100.7");
    const later = new Date(now.getTime() + LOGIN_WINDOW_MS + 1000);
    expect((await checkCredentials(db(), { email: "only.admin@test.example", password: TEST_PASSWORD }, "198.51.100.7", later)).ok).toBe(
      true,
    );
  });

  it("an account-wide lock is lifted by the link mailed to its holder", async () => {
    const team = await createTeam(db());
    await createMember(db(), team.id, "NURSE", { email: "nurse.c@test.example" });
    const now = new Date("2026-11-01T11:00:00Z");
    // No trustworthy address (no proxy configured): failures count per account.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_NO_ADDRESS; i++) {
      await checkCredentials(db(), { email: "nurse.c@test.example", password: "wrong-password" }, null, now, "https://crm.example");
    }
    expect(await checkCredentials(db(), { email: "nurse.c@test.example", password: TEST_PASSWORD }, null, now)).toEqual({
      ok: false,
      reason: "locked",
    });
    const mail = openMail(await db().mailMessage.findFirstOrThrow({ where: { toEmail: "nurse.c@test.example", kind: "signInLocked" } }));
    const token = /https:\/\/crm\.example\/unlock\/([\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    // No address known: the mail says so in words, not "接続元: -".
    expect(mail.text).toContain("接続元のアドレスはサーバーで確認できませんでした");
    expect(mail.text).not.toContain("接続元: -");
    await unlockAccount(db(), token!, now);
    expect((await checkCredentials(db(), { email: "nurse.c@test.example", password: TEST_PASSWORD }, null, now)).ok).toBe(true);
    // The link works once.
    await expect(unlockAccount(db(), token!, now)).rejects.toMatchObject({ messageKey: "accountLink.used" });
  });

  // With TRUSTED_PROXY_HOPS=0 no address is known (null); with 1 the proxy's word is (an address).
  for (const [hops, attacker, holder] of [
    [0, null, null],
    [1, "203.0.113.50", "198.51.100.20"],
  ] as const) {
    it(`failures from elsewhere never lock out a browser the holder signed in on (hops = ${hops})`, async () => {
      const team = await createTeam(db());
      const email = `device.${hops}@test.example`;
      await createMember(db(), team.id, "NURSE", { email });
      const now = new Date("2026-11-01T13:00:00Z");
      // She signed in on this browser before: it carries a device cookie for her account.
      const cookie = withDeviceToken(null, email);
      // Someone else fails as often as it takes to lock the account (from one address, or none known).
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
        await checkCredentials(db(), { email, password: "wrong-password" }, attacker, now, "https://crm.example");
      expect(await checkCredentials(db(), { email, password: TEST_PASSWORD }, attacker, now)).toEqual({ ok: false, reason: "locked" });
      // Her browser still signs in, half a second later as a day later.
      const soon = new Date(now.getTime() + 500);
      expect((await checkCredentials(db(), { email, password: TEST_PASSWORD }, holder, soon, "", cookie)).ok).toBe(true);
      // A cookie made for another account, or tampered with, is no cookie.
      const other = withDeviceToken(null, "someone@test.example");
      expect(await checkCredentials(db(), { email, password: TEST_PASSWORD }, attacker, soon, "", other)).toEqual({
        ok: false,
        reason: "locked",
      });
      expect(await checkCredentials(db(), { email, password: TEST_PASSWORD }, attacker, soon, "", `${cookie}x`)).toEqual({
        ok: false,
        reason: "locked",
      });
      // Guessing from a stolen device cookie locks that device only, after its own few tries.
      for (let i = 0; i < MAX_FAILURES_PER_DEVICE; i++)
        await checkCredentials(db(), { email, password: "guess" }, attacker, soon, "", cookie);
      expect(await checkCredentials(db(), { email, password: TEST_PASSWORD }, attacker, soon, "", cookie)).toEqual({
        ok: false,
        reason: "locked",
      });
      expect((await checkCredentials(db(), { email, password: TEST_PASSWORD }, holder, soon, "", withDeviceToken(null, email))).ok).toBe(
        true,
      );
    });
  }

  it("locks an account attacked from many addresses, and says so to its holder", async () => {
    const team = await createTeam(db());
    await createMember(db(), team.id, "NURSE", { email: "spread@test.example" });
    const now = new Date("2026-11-01T12:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await checkCredentials(db(), { email: "spread@test.example", password: "wrong-password" }, `203.0.113.${i}`, now);
    }
    expect(await checkCredentials(db(), { email: "spread@test.example", password: TEST_PASSWORD }, "10.9.9.9", now)).toEqual({
      ok: false,
      reason: "locked",
    });
    expect(await db().mailMessage.count({ where: { toEmail: "spread@test.example", kind: "signInLocked" } })).toBeGreaterThanOrEqual(1);
  });

  it("locks an unknown email the same way, so locking reveals nothing", async () => {
    const now = new Date("2026-11-02T10:00:00Z");
    let r;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AT_ADDRESS; i++) {
      r = await checkCredentials(db(), { email: "nobody@test.example", password: "wrong-password" }, "10.2.0.1", now);
    }
    expect(r).toEqual({ ok: false, reason: "locked" });
    expect(await db().mailMessage.count({ where: { toEmail: "nobody@test.example" } })).toBe(0);
  });

  it("slows down one address trying many accounts", async () => {
    const now = new Date("2026-11-03T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await checkCredentials(db(), { email: `spray${i}@test.example`, password: "wrong-password" }, "192.0.2.50", now);
    }
    const team = await createTeam(db());
    await createMember(db(), team.id, "NURSE", { email: "victim@test.example" });
    expect(await checkCredentials(db(), { email: "victim@test.example", password: TEST_PASSWORD }, "192.0.2.50", now)).toEqual({
      ok: false,
      reason: "locked",
    });
    // Another address is not affected.
    expect((await checkCredentials(db(), { email: "victim@test.example", password: TEST_PASSWORD }, "192.0.2.51", now)).ok).toBe(true);
  });

  it("refuses a user whose memberships are all deactivated", async () => {
    const team = await createTeam(db());
    const { membership } = await createMember(db(), team.id, "NURSE", { email: "gone@test.example" });
    await db().membership.update({ where: { id: membership.id }, data: { status: "DEACTIVATED" } });
    expect(await checkCredentials(db(), { email: "gone@test.example", password: TEST_PASSWORD }, "10.3.0.1")).toEqual({
      ok: false,
      reason: "inactive",
    });
  });
});
