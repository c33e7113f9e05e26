import { describe, expect, it, vi } from "vitest";
import { signInStep } from "@/lib/accounts/sign-in";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles } from "../support/factories";

// The passkey's signature is checked by @simplewebauthn (tests/integration/passkeys.test.ts and the
// browser's virtual authenticator in e2e/passkeys.spec.ts); here it stands verified, so the test is
// about what comes after: whether a passkey alone may sign her in.
vi.mock("@/lib/accounts/passkeys", async (original) => ({
  ...(await original<typeof import("@/lib/accounts/passkeys")>()),
  verifyPasskey: vi.fn(async (_db: unknown, input: { userId: string | null }) => input.userId ?? verifiedUser),
}));
let verifiedUser = "";

const db = setupTestDatabase();
const rp = { rpID: "localhost", origin: "http://localhost:3000" };
const passkeyAnswer = { passkey: JSON.stringify({ id: "credential-id" }), challengeId: "challenge" };

async function ssoOnlyTeam() {
  const t = await createTeamWithRoles(db());
  await db().teamSso.create({
    data: {
      teamId: t.team.id,
      issuer: "https://idp.example",
      clientId: "x",
      clientSecret: "sealed",
      domains: ["corp.example"],
      ssoOnly: true,
    },
  });
  return t;
}

describe("a passkey alone under 'SSO only'", () => {
  it("is refused for a member, as a password is; an admin's is break glass, audit-logged", async () => {
    const { team, nurse, admin } = await ssoOnlyTeam();
    verifiedUser = nurse.user.id;
    expect(await signInStep(db(), passkeyAnswer, null, new Date(), "", rp)).toEqual({ ok: false, reason: "ssoOnly" });
    verifiedUser = admin.user.id;
    expect(await signInStep(db(), passkeyAnswer, null, new Date(), "", rp)).toMatchObject({ ok: true });
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "signIn.breakGlass", actorId: admin.user.id } })).toBe(1);
  });

  it("signs a member in when her team does not require the company's sign-in", async () => {
    const { nurse } = await createTeamWithRoles(db());
    verifiedUser = nurse.user.id;
    expect(await signInStep(db(), passkeyAnswer, null, new Date(), "", rp)).toMatchObject({ ok: true, user: { id: nurse.user.id } });
  });
});
