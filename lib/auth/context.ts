// Who is asking, in which team, with which role. Loaded once per request.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb, type Db } from "@/lib/db/client";
import type { Locale, Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { addressAllowed, allowlistAddress } from "@/lib/net/allowlist";
import { authOptions } from "./options";
import { sessionOf } from "./session";
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
  /** A team of hers requires a second factor and she has none yet: only her account page is open. */
  mustEnrollTwoFactor: boolean;
  /** The team allows only some addresses and this request comes from another: nothing is open. */
  addressRefused: boolean;
}

/** Builds the context from a user id and the preferred team; null when not an active member anywhere. */
export async function loadTeamContext(
  db: Db,
  userId: string,
  preferredTeamId?: string,
  /** The client's address when it can be trusted (TRUSTED_PROXY_HOPS); undefined: not checked. */
  address?: string | null,
): Promise<TeamCtx | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      totpEnabledAt: true,
      _count: { select: { passkeys: true } },
      memberships: {
        where: { status: "ACTIVE" },
        orderBy: { createdAt: "asc" },
        select: {
          role: true,
          team: {
            select: {
              id: true,
              name: true,
              noContactDays: true,
              minGroupSize: true,
              caseNamesOn: true,
              requireTwoFactor: true,
              ipAllowlist: true,
            },
          },
        },
      },
    },
  });
  if (!user || user.memberships.length === 0) return null;
  const current = user.memberships.find((m) => m.team.id === preferredTeamId) ?? user.memberships[0];
  const { memberships, totpEnabledAt, _count, ...profile } = user;
  return {
    mustEnrollTwoFactor: !totpEnabledAt && _count.passkeys === 0 && memberships.some((m) => m.team.requireTwoFactor),
    addressRefused: address !== undefined && !addressAllowed(address, current.team.ipAllowlist),
    db,
    userId: user.id,
    teamId: current.team.id,
    role: current.role,
    user: profile,
    team: current.team,
    teams: memberships.map((m) => ({ id: m.team.id, name: m.team.name, role: m.role })),
  };
}

/** The signed-in user and the session (device) in use, or undefined. */
export const getCurrentSession = cache(async (): Promise<{ userId: string; sessionId: string } | undefined> => {
  const session = await getServerSession(authOptions());
  if (!session) return undefined;
  const claims = { uid: session.userId, sid: session.sid, sv: session.sv, authAt: session.authAt };
  return sessionOf(getDb(), claims, getEnv().SESSION_MAX_AGE_HOURS);
});

export const getSessionUserId = cache(async (): Promise<string | undefined> => (await getCurrentSession())?.userId);

/** The current request's context, or null when signed out (or no longer a member anywhere). */
export const getTeamContext = cache(async (): Promise<TeamCtx | null> => {
  const userId = await getSessionUserId();
  if (!userId) return null;
  const preferred = (await cookies()).get(TEAM_COOKIE)?.value;
  return loadTeamContext(getDb(), userId, preferred, allowlistAddress(await headers(), getEnv().TRUSTED_PROXY_HOPS));
});

export const TWO_FACTOR_SETUP_PATH = "/account/two-factor";

/**
 * For pages and layouts: signed out → the sign-in page; a member who must first enrol a second
 * factor → the page where she does.
 */
export async function requireUser(): Promise<TeamCtx> {
  const ctx = await getTeamContext();
  if (!ctx) redirect("/sign-in");
  if (ctx.addressRefused) redirect("/address-refused");
  if (ctx.mustEnrollTwoFactor) {
    const path = (await headers()).get("x-request-path") ?? "";
    if (!path.startsWith(TWO_FACTOR_SETUP_PATH)) redirect(`${TWO_FACTOR_SETUP_PATH}?required=1`);
  }
  return ctx;
}

export function requirePermission(ctx: Pick<TeamCtx, "role">, permission: Permission) {
  if (!can(ctx.role, permission)) throw new AppError("forbidden");
}

/** For pages: a role without the permission gets the 403 page. */
export function requirePagePermission(ctx: Pick<TeamCtx, "role">, permission: Permission) {
  if (!can(ctx.role, permission)) forbidden();
}
