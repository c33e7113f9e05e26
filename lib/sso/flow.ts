// Company sign-in with OpenID Connect (authorization code flow with PKCE, state and nonce; the ID
// token is validated by openid-client). The flow's state lives in the database (SsoLogin) and is
// bound to the browser that started it by a cookie, so any app server can finish it and a state can
// be used once. Who may come in: a member of the team, someone with a pending invitation to it, or
// (when the team allows it) any user of its domains, who joins as NURSE. The identity model
// (decision 013): a company account is bound to (issuer, subject); only a domain the team proved
// (lib/sso/domains.ts) admits anyone; an email claim links to an existing account of ours only when
// the provider says the address is verified and the account belongs to no other team, so nothing a
// team's admin configures can open an account that another team's members hold.
import { createHash, randomBytes } from "node:crypto";
import * as oidc from "openid-client";
import { audit } from "@/lib/audit";
import { inAnotherTeam } from "@/lib/accounts/account";
import { hashPassword } from "@/lib/accounts/password";
import { createUserSession, type SessionOrigin } from "@/lib/auth/session";
import { seal, open } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { ssoForEmail, ssoForTeam } from "./settings";
import { DAY_MS } from "@/lib/dates";

export const SSO_LOGIN_MINUTES = 10;
export const SSO_BROWSER_COOKIE = "ally_sso";
export const callbackPath = "/api/sso/callback";

export type SsoFailure = "unknownDomain" | "failed" | "replayed" | "notInvited" | "inactive" | "emailMismatch" | "otherTeam";

export class SsoError extends Error {
  constructor(
    public reason: SsoFailure,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

const sha = (v: string) => createHash("sha256").update(v).digest("base64url");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The provider's configuration from its discovery document (https, or http on loopback for tests). */
export async function discover(issuer: string, clientId: string, clientSecret: string) {
  const url = new URL(issuer);
  const insecure = url.protocol === "http:" && LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !insecure) throw new Error("the issuer must use https");
  return oidc.discovery(url, clientId, clientSecret, oidc.ClientSecretPost(clientSecret), {
    ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    timeout: 10,
  });
}

/** Starts a sign-in: where to send the browser, and the value of the cookie that binds it. */
export async function beginSso(db: Db, input: { email: string; callbackUrl: string; origin: string }, now = new Date()) {
  const sso = await ssoForEmail(db, input.email);
  if (!sso) throw new SsoError("unknownDomain");
  const config = await discover(sso.issuer, sso.clientId, sso.clientSecret);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const browser = randomBytes(24).toString("base64url");
  await db.ssoLogin.create({
    data: {
      stateHash: sha(state),
      browserHash: sha(browser),
      teamId: sso.teamId,
      codeVerifier: seal(verifier),
      nonce,
      loginHint: input.email.trim().toLowerCase(),
      callbackUrl: input.callbackUrl,
      expiresAt: new Date(now.getTime() + SSO_LOGIN_MINUTES * 60_000),
      createdAt: now,
    },
  });
  // Old rows are useless; trimming here keeps the table small without a scheduler.
  if (Math.random() < 0.05) await db.ssoLogin.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - DAY_MS) } } });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${input.origin}${callbackPath}`,
    scope: "openid email profile",
    response_type: "code",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    login_hint: input.email.trim().toLowerCase(),
  });
  return { url: url.href, browser };
}

export interface SsoResult {
  user: { id: string; name: string; email: string; sessionVersion: number };
  teamId: string;
  sessionId: string;
  callbackUrl: string;
}

/** Finishes a sign-in from the provider's redirect: validates everything, then opens a session. */
export async function completeSso(
  db: Db,
  input: { query: URLSearchParams; browser: string | undefined; origin: string; session: SessionOrigin },
  now = new Date(),
): Promise<SsoResult> {
  const state = input.query.get("state");
  if (!state) throw new SsoError("failed", "no state");
  const login = await db.ssoLogin.findUnique({ where: { stateHash: sha(state) } });
  if (!login) throw new SsoError("failed", "unknown state");
  // Single use, in this browser, in time.
  const claimed = await db.ssoLogin.updateMany({ where: { id: login.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) throw new SsoError("replayed");
  if (!input.browser || sha(input.browser) !== login.browserHash) throw new SsoError("failed", "another browser");
  const sso = await ssoForTeam(db, login.teamId);
  if (!sso) throw new SsoError("unknownDomain");

  let claims: { sub: string; email?: unknown; email_verified?: unknown; name?: unknown };
  try {
    const config = await discover(sso.issuer, sso.clientId, sso.clientSecret);
    const currentUrl = new URL(`${input.origin}${callbackPath}?${input.query.toString()}`);
    const tokens = await oidc.authorizationCodeGrant(
      config,
      currentUrl,
      { pkceCodeVerifier: open(login.codeVerifier), expectedState: state, expectedNonce: login.nonce, idTokenExpected: true },
      { redirect_uri: `${input.origin}${callbackPath}` },
    );
    claims = tokens.claims()!;
    // Some providers put the email only in the userinfo answer (with the same subject, checked).
    if (typeof claims.email !== "string") {
      claims = { ...claims, ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), sub: claims.sub };
    }
  } catch (e) {
    // The log says which check failed (the cause names the claim: aud, exp, nonce…).
    const cause = (e as { cause?: { message?: unknown } }).cause;
    throw new SsoError("failed", `${(e as Error).message}${typeof cause?.message === "string" ? ` (${cause.message})` : ""}`);
  }

  // Only a verified email counts: a missing email_verified is not a yes, and a user name (Entra's
  // preferred_username, a UPN) is not a mailbox anyone proved.
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const domain = email.split("@")[1] ?? "";
  if (!email || claims.email_verified !== true || !sso.verifiedDomains.includes(domain)) throw new SsoError("emailMismatch");
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 100) : email.split("@")[0];

  const user = await resolveUser(
    db,
    { issuer: sso.issuer, subject: claims.sub, email, name, teamId: sso.teamId, jit: sso.jitEnabled },
    now,
  );
  const sessionId = await createUserSession(db, user.id, input.session, now);
  await audit(db, {
    teamId: sso.teamId,
    actorId: user.id,
    action: "signIn.sso",
    entityType: "User",
    entityId: user.id,
    detail: { issuer: sso.issuer },
  });
  return { user, teamId: sso.teamId, sessionId, callbackUrl: login.callbackUrl };
}

async function resolveUser(
  db: Db,
  who: { issuer: string; subject: string; email: string; name: string; teamId: string; jit: boolean },
  now: Date,
) {
  const select = { id: true, name: true, email: true, sessionVersion: true } as const;
  const identity = await db.userIdentity.findUnique({
    where: { issuer_subject: { issuer: who.issuer, subject: who.subject } },
    select: { id: true, user: { select } },
  });
  let user = identity?.user ?? (await db.user.findUnique({ where: { email: who.email }, select }));
  // An account of ours that no company account is bound to yet: the provider's word on the email is
  // enough only if the account is in no other team. Otherwise this team's provider (configured by
  // this team's admin) could open an account another team relies on; she signs in with her password.
  if (user && !identity && (await inAnotherTeam(db, user.id, who.teamId))) throw new SsoError("otherTeam");

  const membership = user
    ? await db.membership.findUnique({ where: { teamId_userId: { teamId: who.teamId, userId: user.id } }, select: { status: true } })
    : null;
  if (membership?.status === "DEACTIVATED") throw new SsoError("inactive");

  if (!membership) {
    const invitation = await db.invitation.findFirst({
      where: { teamId: who.teamId, email: who.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, role: true },
    });
    if (!invitation && !who.jit) throw new SsoError("notInvited");
    // Just-in-time members are nurses, never admins; an invitation brings its own role.
    const role = invitation?.role ?? "NURSE";
    user = await db.$transaction(async (tx) => {
      const joined =
        user ??
        (await tx.user.create({
          // No password: this person signs in through the company. A reset link can give her one.
          data: { email: who.email, name: who.name, passwordHash: await hashPassword(randomBytes(32).toString("base64url")) },
          select,
        }));
      if (invitation) {
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, acceptedAt: null },
          data: { acceptedAt: now, acceptedBy: joined.id },
        });
        if (claimed.count !== 1) throw new SsoError("notInvited");
      }
      const m = await tx.membership.create({ data: { teamId: who.teamId, userId: joined.id, role }, select: { id: true } });
      await audit(tx, {
        teamId: who.teamId,
        actorId: joined.id,
        action: "member.role",
        entityType: "Membership",
        entityId: m.id,
        detail: { from: null, to: role, via: invitation ? "invitation.sso" : "sso.jit" },
      });
      return joined;
    });
  }
  if (!user) throw new SsoError("notInvited");
  if (identity) await db.userIdentity.update({ where: { id: identity.id }, data: { lastUsedAt: now } });
  else
    await db.userIdentity.upsert({
      where: { issuer_subject: { issuer: who.issuer, subject: who.subject } },
      create: { userId: user.id, issuer: who.issuer, subject: who.subject, lastUsedAt: now },
      update: { lastUsedAt: now },
    });
  return user;
}
