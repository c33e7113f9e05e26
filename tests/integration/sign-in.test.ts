import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/sign-in";
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL } from "@/lib/auth/rate-limit";
import { setupTestDatabase } from "../support/db";
import { createMember, createTeam, TEST_PASSWORD } from "../support/factories";

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

  it("locks an account after repeated failures, even for the right password, until the window passes", async () => {
    const team = await createTeam(db());
    await createMember(db(), team.id, "NURSE", { email: "nurse.c@test.example" });
    const now = new Date("2026-11-01T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) {
      const r = await checkCredentials(db(), { email: "nurse.c@test.example", password: "wrong-password" }, `10.1.0.${i}`, now);
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const last = await checkCredentials(db(), { email: "nurse.c@test.example", password: "wrong-password" }, "10.1.0.99", now);
    expect(last).toEqual({ ok: false, reason: "locked" });
    const right = await checkCredentials(db(), { email: "nurse.c@test.example", password: TEST_PASSWORD }, "10.1.0.100", now);
    expect(right).toEqual({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + LOGIN_WINDOW_MS + 1000);
    const after = await checkCredentials(db(), { email: "nurse.c@test.example", password: TEST_PASSWORD }, "10.1.0.100", later);
    expect(after.ok).toBe(true);
  });

  it("locks an unknown email the same way, so locking reveals nothing", async () => {
    const now = new Date("2026-11-02T10:00:00Z");
    let r;
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      r = await checkCredentials(db(), { email: "nobody@test.example", password: "wrong-password" }, `10.2.0.${i}`, now);
    }
    expect(r).toEqual({ ok: false, reason: "locked" });
  });

  it("slows down one address trying many accounts", async () => {
    const now = new Date("2026-11-03T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await checkCredentials(db(), { email: `spray${i}@test.example`, password: "wrong-password" }, "192.0.2.50", now);
    }
    const team = await createTeam(db());
    await createMember(db(), team.id, "NURSE", { email: "victim@test.example" });
    expect(await checkCredentials(db(), { email: "victim@test.example", password: TEST_PASSWORD }, "192.0.2.50", now)).toEqual({ ok: false, reason: "locked" });
    // Another address is not affected.
    expect((await checkCredentials(db(), { email: "victim@test.example", password: TEST_PASSWORD }, "192.0.2.51", now)).ok).toBe(true);
  });

  it("refuses a user whose memberships are all deactivated", async () => {
    const team = await createTeam(db());
    const { membership } = await createMember(db(), team.id, "NURSE", { email: "gone@test.example" });
    await db().membership.update({ where: { id: membership.id }, data: { status: "DEACTIVATED" } });
    expect(await checkCredentials(db(), { email: "gone@test.example", password: TEST_PASSWORD }, "10.3.0.1")).toEqual({ ok: false, reason: "inactive" });
  });
});
