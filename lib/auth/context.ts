// Who is asking, in which team, with which role. Loaded once per request.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb, type Db } from "@/lib/db/client";
import type { Locale, Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { addressAllowed, allowlistAddress } from "@/lib/net/allowlist";
import { readSessionToken } from "./session-cookie";
import { claimsWithinLifetime, sessionOf, touchSession, type SessionClaims } from "./session";
import { can, type Permission } from "./permissions";

export const TEAM_COOKIE = "ally_team";

export interface TeamCtx {
  db: Db;
  userId: string;
  teamId: string;
  role: Role;
  user: { id: string; name: string; email: string; locale: Locale };
  team: {
    id: string;
    name: string;
    noContactDays: number;
    minGroupSize: number;
    caseNamesOn: boolean;
    requireTwoFactor: boolean;
    ipAllowlist: string[];
  };
  teams: { id: string; name: string; role: Role }[];
  /** Her unread notifications in this team when the request began (the shell's bell). */
  unreadNotifications: number;
  /** A team of hers requires a second factor and she has none yet: only her account page is open. */
  mustEnrollTwoFactor: boolean;
  /** The team allows only some addresses and this request comes from another: nothing is open. */
  addressRefused: boolean;
}

type ContextTeam = TeamCtx["team"] & { role: Role; unread: number };

interface ContextRow {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  sessionVersion: number;
  hasSecondFactor: boolean;
  /** The session row named by the token, when one was asked for and it is the user's. */
  sessionFound: boolean;
  sessionEndedAt: Date | null;
  sessionLastSeenAt: Date | null;
  /** Active memberships, oldest first. */
  memberships: ContextTeam[] | string;
}

/**
 * Everything a request needs to know about who is asking, in one statement: the user, whether she
 * has a second factor, her active memberships with their teams and, when `sessionId` is given, the
 * session the token names, and the unread notifications of each team (the bell). Every page and route
 * asks this, so it is one round trip, not six.
 */
async function contextRow(db: Db, userId: string, sessionId: string | null): Promise<ContextRow | undefined> {
  const rows = await db.$queryRaw<ContextRow[]>`
    SELECT u.id, u.name, u.email, u.locale::text AS locale, u."sessionVersion",
      (u."totpEnabledAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "Passkey" p WHERE p."userId" = u.id)) AS "hasSecondFactor",
      (s.id IS NOT NULL) AS "sessionFound", s."endedAt" AS "sessionEndedAt", s."lastSeenAt" AS "sessionLastSeenAt",
      COALESCE((
        SELECT json_agg(json_build_object(
          'role', m.role, 'id', t.id, 'name', t.name, 'noContactDays', t."noContactDays", 'minGroupSize', t."minGroupSize",
          'caseNamesOn', t."caseNamesOn", 'requireTwoFactor', t."requireTwoFactor", 'ipAllowlist', t."ipAllowlist",
          'unread', (SELECT count(*) FROM "Notification" n WHERE n."teamId" = t.id AND n."userId" = u.id AND n."readAt" IS NULL)
        ) ORDER BY m."createdAt", m.id)
        FROM "Membership" m JOIN "Team" t ON t.id = m."teamId"
        WHERE m."userId" = u.id AND m.status = 'ACTIVE'
      ), '[]'::json) AS memberships
    FROM "User" u
    LEFT JOIN "UserSession" s ON s.id = ${sessionId} AND s."userId" = u.id
    WHERE u.id = ${userId}`;
  return rows[0];
}

function contextFrom(db: Db, row: ContextRow, preferredTeamId?: string, address?: string | null): TeamCtx | null {
  const memberships = typeof row.memberships === "string" ? (JSON.parse(row.memberships) as ContextTeam[]) : row.memberships;
  if (memberships.length === 0) return null;
  const toTeam = ({ role: _role, unread: _unread, ...team }: ContextTeam) => team;
  const current = memberships.find((m) => m.id === preferredTeamId) ?? memberships[0];
  return {
    mustEnrollTwoFactor: !row.hasSecondFactor && memberships.some((m) => m.requireTwoFactor),
    addressRefused: address !== undefined && !addressAllowed(address, current.ipAllowlist),
    db,
    userId: row.id,
    teamId: current.id,
    role: current.role,
    user: { id: row.id, name: row.name, email: row.email, locale: row.locale },
    team: toTeam(current),
    teams: memberships.map((m) => ({ id: m.id, name: m.name, role: m.role })),
    unreadNotifications: Number(current.unread),
  };
}

/** Builds the context from a user id and the preferred team; null when not an active member anywhere. */
export async function loadTeamContext(
  db: Db,
  userId: string,
  preferredTeamId?: string,
  /** The client's address when it can be trusted (TRUSTED_PROXY_HOPS); undefined: not checked. */
  address?: string | null,
): Promise<TeamCtx | null> {
  const row = await contextRow(db, userId, null);
  return row ? contextFrom(db, row, preferredTeamId, address) : null;
}

/**
 * The context for a session token, checked against its session row in the same statement (see
 * sessionOf for the rules); null when the token is expired, ended or malformed, or she is no
 * active member anywhere.
 */
export async function loadSessionContext(
  db: Db,
  claims: SessionClaims,
  maxAgeHours: number,
  preferredTeamId?: string,
  address?: string | null,
  now = new Date(),
): Promise<TeamCtx | null> {
  const valid = claimsWithinLifetime(claims, maxAgeHours, now);
  if (!valid) return null;
  const row = await contextRow(db, valid.uid, valid.sid);
  if (!row?.sessionFound || row.sessionEndedAt || row.sessionVersion !== valid.sv) return null;
  if (row.sessionLastSeenAt) await touchSession(db, valid.sid, row.sessionLastSeenAt, now);
  return contextFrom(db, row, preferredTeamId, address);
}

/**
 * The claims the session cookie carries (checked against the database by the callers). Read once per
 * request; a request without the cookie (a public page, a prefetch signed out) costs no decryption.
 */
const currentClaims = cache(async (): Promise<SessionClaims | undefined> => {
  const token = await readSessionToken((await cookies()).getAll());
  if (!token) return undefined;
  return { uid: typeof token.uid === "string" ? token.uid : undefined, sid: token.sid, sv: token.sv, authAt: token.authAt };
});

/** The signed-in user, the session (device) in use and when it signed in, or undefined. */
export const getCurrentSession = cache(async (): Promise<{ userId: string; sessionId: string; authAt?: number } | undefined> => {
  const claims = await currentClaims();
  const session = claims && (await sessionOf(getDb(), claims, getEnv().SESSION_MAX_AGE_HOURS));
  return session && { ...session, authAt: typeof claims.authAt === "number" ? claims.authAt : undefined };
});

export const getSessionUserId = cache(async (): Promise<string | undefined> => (await getCurrentSession())?.userId);

/**
 * Whether this browser still carries the token of a session that was ended elsewhere (signed out
 * from another device, every device signed out, a password change): the sign-in page says so
 * instead of greeting her as if nothing happened.
 */
export async function sessionEndedElsewhere(): Promise<boolean> {
  const claims = await currentClaims();
  if (typeof claims?.sid !== "string" || typeof claims.uid !== "string") return false;
  const row = await getDb().userSession.findFirst({
    where: { id: claims.sid, userId: claims.uid },
    select: { endedAt: true, user: { select: { sessionVersion: true } } },
  });
  return !!row && (row.endedAt !== null || row.user.sessionVersion !== claims.sv);
}

/** The current request's context, or null when signed out (or no longer a member anywhere). */
export const getTeamContext = cache(async (): Promise<TeamCtx | null> => {
  const claims = await currentClaims();
  if (!claims) return null;
  const preferred = (await cookies()).get(TEAM_COOKIE)?.value;
  const address = allowlistAddress(await headers(), getEnv().TRUSTED_PROXY_HOPS);
  return loadSessionContext(getDb(), claims, getEnv().SESSION_MAX_AGE_HOURS, preferred, address);
});

export const TWO_FACTOR_SETUP_PATH = "/account/two-factor";

/**
 * For pages and the (app) layout: signed out → the sign-in page; a member who must first enrol a
 * second factor → the page where she does (under app/(enrol), which alone uses requireSignedIn).
 * Nothing a client sends (a path header, a prefetch flag) changes the answer, and every page under
 * (app) calls this itself, so a page rendered on its own (a segment prefetch) is gated as well as
 * one rendered in its layout.
 */
export async function requireUser(): Promise<TeamCtx> {
  const ctx = await requireSignedIn();
  if (ctx.mustEnrollTwoFactor) redirect(`${TWO_FACTOR_SETUP_PATH}?required=1`);
  return ctx;
}

/** For app/(enrol) alone: the member, even one who must still enrol a second factor. */
export async function requireSignedIn(): Promise<TeamCtx> {
  const ctx = await getTeamContext();
  if (!ctx) redirect("/sign-in");
  if (ctx.addressRefused) redirect("/address-refused");
  return ctx;
}

export function requirePermission(ctx: Pick<TeamCtx, "role">, permission: Permission) {
  if (!can(ctx.role, permission)) throw new AppError("forbidden");
}

/** For pages: a role without the permission gets the 403 page. */
export function requirePagePermission(ctx: Pick<TeamCtx, "role">, permission: Permission) {
  if (!can(ctx.role, permission)) forbidden();
}
