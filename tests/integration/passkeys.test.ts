import { describe, expect, it } from "vitest";
import { authenticationOptions, registrationOptions, relyingParty, removePasskey, verifyPasskey } from "@/lib/accounts/passkeys";
import { signInStep } from "@/lib/accounts/sign-in";
import { hasSecondFactor } from "@/lib/accounts/two-factor";
import { setupTestDatabase } from "../support/db";
import { createMember, createTeam, ctxFor, TEST_PASSWORD } from "../support/factories";

// The browser test (e2e/passkeys.spec.ts) registers and uses a real passkey through Chromium's
// virtual authenticator; these check the rules around it.
const db = setupTestDatabase();
const rp = { origin: "https://crm.example", rpID: "crm.example" };
/** An answer naming a credential, with no valid signature. */
const forgedAnswer = (id: string) =>
  ({
    id,
    rawId: id,
    type: "public-key",
    response: { clientDataJSON: "", authenticatorData: "", signature: "" },
    clientExtensionResults: {},
  }) as never;

describe("passkeys", () => {
  it("answers with the app's origin as relying party, never a stranger's", () => {
    expect(relyingParty("https://evil.example", "http://localhost:3000")).toEqual({ origin: "http://localhost:3000", rpID: "localhost" });
    expect(relyingParty(null, "http://localhost:3000").rpID).toBe("localhost");
  });

  it("bad answers naming someone's passkey never lock her real one (sign-in without a password)", async () => {
    const team = await createTeam(db());
    const { user } = await createMember(db(), team.id, "NURSE", { email: "victim.pk@test.example" });
    await db().passkey.create({ data: { id: "victim-cred", userId: user.id, publicKey: "AAAA", transports: ["internal"], name: "PC" } });
    const forged = forgedAnswer("victim-cred");
    for (let i = 0; i < 8; i++) {
      const { challengeId } = await authenticationOptions(db(), null, rp);
      await expect(verifyPasskey(db(), { challengeId, response: forged, userId: null, ip: null }, rp)).rejects.toMatchObject({
        messageKey: "passkey.failed",
      });
    }
    expect(await db().loginAttempt.count({ where: { key: `passkey:${user.id}` } })).toBe(0);
    // The attacker's own address is what gets slowed down, when it is known.
    for (let i = 0; i < 20; i++) {
      const { challengeId } = await authenticationOptions(db(), null, rp);
      await verifyPasskey(db(), { challengeId, response: forged, userId: null, ip: "203.0.113.9" }, rp).catch(() => undefined);
    }
    const { challengeId } = await authenticationOptions(db(), null, rp);
    await expect(verifyPasskey(db(), { challengeId, response: forged, userId: null, ip: "203.0.113.9" }, rp)).rejects.toMatchObject({
      messageKey: "tooManyAttempts",
    });
  });

  it("a passkey counts as a second factor; challenges are single use and one user's", async () => {
    const team = await createTeam(db());
    const { user } = await createMember(db(), team.id, "NURSE", { email: "pk@test.example" });
    const { challengeId, options } = await registrationOptions(db(), user.id, rp);
    expect(options.rp).toEqual({ name: "つながりノート", id: "crm.example" });
    expect(options.authenticatorSelection?.residentKey).toBe("required");
    await db().passkey.create({ data: { id: "cred-1", userId: user.id, publicKey: "AAAA", transports: ["internal"], name: "PC" } });
    expect(await hasSecondFactor(db(), user.id)).toBe(true);
    expect(await signInStep(db(), { email: "pk@test.example", password: TEST_PASSWORD }, null)).toMatchObject({
      reason: "secondFactor",
      methods: ["passkey"],
    });
    // The second step's options list only her passkeys; a forged answer fails and uses the challenge up.
    const second = await authenticationOptions(db(), user.id, rp);
    expect(second.options.allowCredentials?.map((c) => c.id)).toEqual(["cred-1"]);
    const forged = forgedAnswer("cred-1");
    await expect(verifyPasskey(db(), { challengeId: second.challengeId, response: forged, userId: user.id }, rp)).rejects.toMatchObject({
      messageKey: "passkey.failed",
    });
    await expect(verifyPasskey(db(), { challengeId: second.challengeId, response: forged, userId: user.id }, rp)).rejects.toMatchObject({
      messageKey: "passkey.expired",
    });
    // A registration challenge cannot answer a sign-in.
    await expect(verifyPasskey(db(), { challengeId, response: forged, userId: null }, rp)).rejects.toMatchObject({
      messageKey: "passkey.failed",
    });
  });

  it("removing the last second factor needs the password and is refused while the team requires one", async () => {
    const team = await createTeam(db());
    const { user } = await createMember(db(), team.id, "NURSE");
    await db().passkey.create({ data: { id: "cred-2", userId: user.id, publicKey: "AAAA", transports: [], name: "Phone" } });
    await expect(removePasskey(db(), user.id, "cred-2", "wrong-password")).rejects.toMatchObject({
      fieldErrors: { password: ["wrongPassword"] },
    });
    await db().team.update({ where: { id: team.id }, data: { requireTwoFactor: true } });
    expect((await ctxFor(db(), user.id)).mustEnrollTwoFactor).toBe(false);
    await expect(removePasskey(db(), user.id, "cred-2", TEST_PASSWORD)).rejects.toMatchObject({ messageKey: "twoFactor.required" });
    await db().team.update({ where: { id: team.id }, data: { requireTwoFactor: false } });
    await removePasskey(db(), user.id, "cred-2", TEST_PASSWORD);
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "passkey.removed" } })).toBe(1);
  });
});
