import { describe, expect, it, vi } from "vitest";
import { openMail } from "@/lib/mail/outbox";
import { setupTestDatabase } from "../support/db";
import { createMember, createTeam } from "../support/factories";

// "Forgot password" must not tell a registered address from an unknown one by how long it takes:
// the reply is made before anything about the address is looked up; the work runs after it.
const deferred: (() => Promise<unknown>)[] = [];
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  after: (task: () => Promise<unknown>) => void deferred.push(task),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "crm.example", "x-forwarded-proto": "https" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const db = setupTestDatabase();

describe("the forgotten-password reply", () => {
  it("is made before the address is looked up, for a registered and an unknown address alike", async () => {
    const { requestReset } = await import("@/app/(auth)/actions");
    const team = await createTeam(db());
    await createMember(db(), team.id, "NURSE", { email: "known@test.example" });
    const spy = vi.spyOn(db().user, "findUnique");
    for (const email of ["known@test.example", "unknown@test.example"]) {
      expect(await requestReset({ email })).toEqual({ ok: true, data: null });
    }
    // Nothing about either address was read, and nothing written, before both replies.
    expect(spy).not.toHaveBeenCalled();
    expect(await db().mailMessage.count()).toBe(0);
    expect(await db().loginAttempt.count()).toBe(0);
    // Then the work: a link for the registered address only.
    for (const task of deferred.splice(0)) await task();
    const mails = await db().mailMessage.findMany({ where: { kind: "passwordReset" } });
    expect(mails.map((m) => m.toEmail)).toEqual(["known@test.example"]);
    expect(openMail(mails[0]).text).toContain("/reset-password/");
  });
});
