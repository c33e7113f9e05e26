"use server";
// Session-wide actions: switch team, change language.
import { cookies } from "next/headers";
import { TEAM_COOKIE } from "@/lib/auth/context";
import { authedAction } from "@/lib/auth/wrappers";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { localeSchema, switchTeamSchema } from "@/lib/team/schemas";
import { assertCanSwitch, setUserLocale } from "@/lib/team/profile";

const YEAR = 60 * 60 * 24 * 365;

export const switchTeam = authedAction("account.self", switchTeamSchema, async (ctx, { teamId }) => {
  assertCanSwitch(ctx, teamId);
  (await cookies()).set(TEAM_COOKIE, teamId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: YEAR });
  return { teamId };
});

export const changeLocale = authedAction("account.self", localeSchema, async (ctx, { locale }) => {
  await setUserLocale(ctx, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, { sameSite: "lax", path: "/", maxAge: YEAR });
  return { locale };
});
