import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionUserId } from "@/lib/auth/session";
import { signInStep } from "@/lib/accounts/sign-in";
import { beginSso, completeSso, SsoError } from "@/lib/sso/flow";
import { recordName, recordValue, verifySsoDomains } from "@/lib/sso/domains";
import { getSsoSettings, saveSsoSettings } from "@/lib/sso/settings";
import { reloadEnv } from "@/lib/env";
import type { TeamCtx } from "@/lib/auth/context";
import { setupTestDatabase } from "../support/db";
import { createMember, createTeamWithRoles, ctxFor, TEST_PASSWORD } from "../support/factories";
import { startOidcProvider, type TestOidc } from "../support/oidc";
import { startDnsServer, type TestDns } from "../support/dns";

const db = setupTestDatabase();
const ORIGIN = "http://127.0.0.1:3999";
let idp: TestOidc;
let dns: TestDns;
const session = { ip: null, userAgent: "test" };

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [`${ORIGIN}/api/sso/callback`] });
  // Domain proofs go through Node's resolver to a DNS server of the test's own.
  dns = await startDnsServer();
  vi.stubEnv("DNS_SERVERS", dns.server);
  reloadEnv();
});
afterAll(async () => {
  await idp.close();
  await dns.close();
  vi.unstubAllEnvs();
  reloadEnv();
});

/** Publishes the team's proof for a domain (as its admin would at her DNS host) and has it checked. */
async function proveDomain(ctx: TeamCtx, domain: string) {
  const settings = await getSsoSettings(ctx);
  dns.setTxt(recordName(domain), ["v=spf1 -all", recordValue(settings!.verifyToken)]);
  return verifySsoDomains(ctx);
}

/** Follows the provider's redirects (with its cookies) until it sends the browser back to the app. */
async function atProvider(url: string): Promise<URLSearchParams> {
  const jar = new Map<string, string>();
  let next = url;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(next, { redirect: "manual", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const location = res.headers.get("location");
    if (!location) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
    const target = new URL(location, next);
    if (target.href.startsWith(`${ORIGIN}/api/sso/callback`)) return target.searchParams;
    next = target.href;
  }
  throw new Error("too many redirects");
}

async function teamWithSso(domain: string, opts: { jit?: boolean; ssoOnly?: boolean; prove?: boolean } = {}) {
  const roles = await createTeamWithRoles(db());
  const ctx = await ctxFor(db(), roles.admin.user.id);
  await saveSsoSettings(
    ctx,
    {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      domains: [domain],
      jitEnabled: opts.jit ?? false,
      ssoOnly: opts.ssoOnly ?? false,
      enabled: true,
    },
    async () => undefined,
  );
  if (opts.prove ?? true) expect(await proveDomain(ctx, domain)).toEqual([{ domain, state: "verified" }]);
  return { ...roles, ctx };
}

async function signIn(email: string, loginHint = email) {
  const { url, browser } = await beginSso(db(), { email, callbackUrl: "/", origin: ORIGIN });
  const u = new URL(url);
  u.searchParams.set("login_hint", loginHint);
  const query = await atProvider(u.href);
  return { query, browser, result: () => completeSso(db(), { query, browser, origin: ORIGIN, session }) };
}

describe("company sign-in (OpenID Connect) against a real provider", () => {
  it("signs a member in with PKCE, state and nonce, and links her provider account", async () => {
    const { team } = await teamWithSso("corp-a.example");
    const { user } = await createMember(db(), team.id, "NURSE", { email: "nurse@corp-a.example" });
    const { url } = await beginSso(db(), { email: "Nurse@Corp-A.example", callbackUrl: "/", origin: ORIGIN });
    const auth = new URL(url);
    expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
    expect(auth.searchParams.get("nonce")).toBeTruthy();
    expect(auth.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/api/sso/callback`);

    const { result } = await signIn("nurse@corp-a.example");
    const done = await result();
    expect(done.user.id).toBe(user.id);
    expect(await sessionUserId(db(), { uid: user.id, sid: done.sessionId, sv: 1, authAt: Date.now() }, 12)).toBe(user.id);
    expect(await db().userIdentity.count({ where: { userId: user.id, issuer: idp.issuer } })).toBe(1);
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "signIn.sso" } })).toBe(1);
  });

  it("refuses a replayed state and a callback finished in another browser", async () => {
    const { team } = await teamWithSso("corp-b.example");
    await createMember(db(), team.id, "NURSE", { email: "nurse@corp-b.example" });
    const first = await signIn("nurse@corp-b.example");
    await first.result();
    await expect(first.result()).rejects.toMatchObject({ reason: "replayed" });
    const second = await signIn("nurse@corp-b.example");
    await expect(
      completeSso(db(), { query: second.query, browser: "someone-elses-cookie", origin: ORIGIN, session }),
    ).rejects.toMatchObject({ reason: "failed" });
  });

  it("refuses an ID token for another audience and an expired one", async () => {
    const { team } = await teamWithSso("corp-c.example");
    await createMember(db(), team.id, "NURSE", { email: "nurse@corp-c.example" });
    const wrongAudience = await signIn("nurse@corp-c.example", "aud.nurse@corp-c.example");
    await expect(wrongAudience.result()).rejects.toMatchObject({ reason: "failed", message: expect.stringMatching(/aud/) });
    const expired = await signIn("nurse@corp-c.example", "expired.nurse@corp-c.example");
    await expect(expired.result()).rejects.toMatchObject({ reason: "failed", message: expect.stringMatching(/exp|timestamp/) });
    expect(await db().userSession.count({ where: { user: { email: "nurse@corp-c.example" } } })).toBe(0);
  });

  it("an unknown domain has no company sign-in; a domain user needs an invitation unless the team admits its domain", async () => {
    await expect(beginSso(db(), { email: "someone@unknown.example", callbackUrl: "/", origin: ORIGIN })).rejects.toBeInstanceOf(SsoError);
    const { team, ctx } = await teamWithSso("corp-d.example");
    await expect((await signIn("stranger@corp-d.example")).result()).rejects.toMatchObject({ reason: "notInvited" });
    expect(await db().user.count({ where: { email: "stranger@corp-d.example" } })).toBe(0);

    // An invitation brings its role.
    const { createInvitation } = await import("@/lib/team/invitations");
    await createInvitation(ctx, { role: "MENTOR", email: "invited@corp-d.example", days: 3 });
    const invited = await (await signIn("invited@corp-d.example")).result();
    expect(
      await db().membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: team.id, userId: invited.user.id } } }),
    ).toMatchObject({ role: "MENTOR" });

    // Just in time: a nurse, never an admin.
    await saveSsoSettings(
      ctx,
      {
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: "",
        domains: ["corp-d.example"],
        jitEnabled: true,
        ssoOnly: false,
        enabled: true,
      },
      async () => undefined,
    );
    const jit = await (await signIn("newcomer@corp-d.example")).result();
    expect(await db().membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: team.id, userId: jit.user.id } } })).toMatchObject({
      role: "NURSE",
    });
    expect(jit.user.name).toBe("IdP newcomer");
  });

  it("SSO only: members cannot use a password, the admin can (break glass, audit-logged)", async () => {
    const { team, admin, nurse } = await teamWithSso("corp-e.example", { ssoOnly: true });
    const nurseEmail = (await db().user.findUniqueOrThrow({ where: { id: nurse.user.id } })).email;
    const adminEmail = (await db().user.findUniqueOrThrow({ where: { id: admin.user.id } })).email;
    expect(await signInStep(db(), { email: nurseEmail, password: TEST_PASSWORD }, null)).toEqual({ ok: false, reason: "ssoOnly" });
    expect(await signInStep(db(), { email: adminEmail, password: TEST_PASSWORD }, null)).toMatchObject({ ok: true });
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "signIn.breakGlass", actorId: admin.user.id } })).toBe(1);
  });

  it("keeps the client secret encrypted and a proved domain in one team only", async () => {
    const { ctx } = await teamWithSso("corp-f.example");
    const row = await db().teamSso.findUniqueOrThrow({ where: { teamId: ctx.teamId } });
    expect(row.clientSecret).not.toContain(idp.clientSecret);
    const other = await createTeamWithRoles(db());
    await expect(
      saveSsoSettings(
        await ctxFor(db(), other.admin.user.id),
        {
          issuer: idp.issuer,
          clientId: "x",
          clientSecret: "y",
          domains: ["corp-f.example"],
          jitEnabled: false,
          ssoOnly: false,
          enabled: true,
        },
        async () => undefined,
      ),
    ).rejects.toMatchObject({ fieldErrors: { domains: ["domainTaken"] } });
    expect(JSON.stringify(await db().auditLog.findMany({ where: { teamId: ctx.teamId, action: "sso.settings" } }))).not.toContain(
      idp.clientSecret,
    );
  });
});

describe("one team's settings never reach another team's members", () => {
  const settingsFor = (domains: string[], jitEnabled = true) => ({
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    domains,
    jitEnabled,
    ssoOnly: true,
    enabled: true,
  });

  it("a domain listed but not proved routes no sign-in, admits nobody and blocks no one", async () => {
    // Team A's lead signs in with a password; her company's domain is not claimed by anyone.
    const a = await createTeamWithRoles(db());
    await db().user.update({ where: { id: a.admin.user.id }, data: { email: "lead@victim.example" } });
    // Team B's admin lists A's domain, with just-in-time members and SSO only.
    const b = await teamWithSso("victim.example", { jit: true, ssoOnly: true, prove: false });
    await expect(beginSso(db(), { email: "lead@victim.example", callbackUrl: "/", origin: ORIGIN })).rejects.toMatchObject({
      reason: "unknownDomain",
    });
    // B cannot prove it: the record carries no token of B's.
    dns.setTxt(recordName("victim.example"), ["tsunagari-note-verification=someone-elses"]);
    expect(await verifySsoDomains(b.ctx)).toEqual([{ domain: "victim.example", state: "notFound" }]);
    // B's "SSO only" does not touch A's lead, and A can still list and prove its own domain.
    expect(await signInStep(db(), { email: "lead@victim.example", password: TEST_PASSWORD }, null)).toMatchObject({ ok: true });
    const aCtx = await ctxFor(db(), a.admin.user.id);
    await saveSsoSettings(aCtx, settingsFor(["victim.example"], false), async () => undefined);
    expect(await proveDomain(aCtx, "victim.example")).toEqual([{ domain: "victim.example", state: "verified" }]);
    // Once A has proved it, B's proof (even a record with B's token) comes too late.
    const bToken = (await getSsoSettings(b.ctx))!.verifyToken;
    dns.setTxt(recordName("victim.example"), [recordValue(bToken)]);
    expect(await verifySsoDomains(b.ctx)).toEqual([{ domain: "victim.example", state: "taken" }]);
    expect(await db().membership.count({ where: { teamId: b.team.id, userId: a.admin.user.id } })).toBe(0);
  });

  it("a team's provider cannot open an account of another team's member, even on a domain it proved", async () => {
    const a = await createTeamWithRoles(db());
    // The victim's address is on a domain team B really holds (a shared group domain, say).
    await db().user.update({ where: { id: a.admin.user.id }, data: { email: "lead@shared-group.example" } });
    const b = await teamWithSso("shared-group.example", { jit: true });
    const attempt = await signIn("lead@shared-group.example");
    await expect(attempt.result()).rejects.toMatchObject({ reason: "otherTeam" });
    expect(await db().membership.count({ where: { teamId: b.team.id, userId: a.admin.user.id } })).toBe(0);
    expect(await db().userSession.count({ where: { userId: a.admin.user.id } })).toBe(0);
    expect(await db().userIdentity.count({ where: { userId: a.admin.user.id } })).toBe(0);
    // An invitation from B to her address changes nothing: B's provider still cannot open her account.
    const { createInvitation } = await import("@/lib/team/invitations");
    await createInvitation(b.ctx, { role: "ADMIN", email: "lead@shared-group.example", days: 3 });
    await expect((await signIn("lead@shared-group.example")).result()).rejects.toMatchObject({ reason: "otherTeam" });
    expect(await db().membership.count({ where: { teamId: b.team.id, userId: a.admin.user.id } })).toBe(0);
    // A member of B alone is linked as before.
    const { user } = await createMember(db(), b.team.id, "NURSE", { email: "own@shared-group.example" });
    expect((await (await signIn("own@shared-group.example")).result()).user.id).toBe(user.id);
  });

  it("takes only an email the provider says is verified, never a user name", async () => {
    const { team } = await teamWithSso("claims.example", { jit: true });
    await expect((await signIn("noverify.nurse@claims.example")).result()).rejects.toMatchObject({ reason: "emailMismatch" });
    await expect((await signIn("upn.nurse@claims.example")).result()).rejects.toMatchObject({ reason: "emailMismatch" });
    expect(await db().membership.count({ where: { teamId: team.id } })).toBe(3);
  });

  it("a domain taken off the list loses its proof", async () => {
    const { ctx } = await teamWithSso("dropped.example");
    await saveSsoSettings(ctx, { ...settingsFor(["other-one.example"]), clientSecret: "" }, async () => undefined);
    expect(await db().ssoDomain.count({ where: { teamId: ctx.teamId } })).toBe(0);
    await expect(beginSso(db(), { email: "x@dropped.example", callbackUrl: "/", origin: ORIGIN })).rejects.toMatchObject({
      reason: "unknownDomain",
    });
  });
});
