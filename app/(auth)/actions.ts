"use server";
// Actions that work signed out: the language of the sign-in pages, and joining by invitation.
import { cookies } from "next/headers";
import { getSessionUserId, TEAM_COOKIE } from "@/lib/auth/context";
import type { ActionResult } from "@/lib/auth/wrappers";
import { getDb } from "@/lib/db/client";
import { AppError, fieldErrorsOf, toAppError } from "@/lib/errors";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/lib/team/invitations";
import { acceptExistingSchema, acceptNewUserSchema, localeSchema } from "@/lib/team/schemas";

export async function setGuestLocale(input: { locale: string }): Promise<ActionResult<null>> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "validation", fieldErrors: fieldErrorsOf(parsed.error) };
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { sameSite: "lax", path: "/", maxAge: 31_536_000 });
  return { ok: true, data: null };
}

async function run<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    const err = toAppError(e);
    if (err.code === "internal") console.error(e);
    return { ok: false, error: err.messageKey, fieldErrors: err.fieldErrors };
  }
}

async function selectTeam(teamId: string) {
  (await cookies()).set(TEAM_COOKIE, teamId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 31_536_000 });
}

export async function joinWithAccount(input: { token: string }) {
  return run(async () => {
    const { token } = acceptExistingSchema.parse(input);
    const userId = await getSessionUserId();
    if (!userId) throw new AppError("unauthorized");
    const res = await acceptInvitationAsUser(getDb(), token, userId);
    await selectTeam(res.teamId);
    return res;
  });
}

export async function joinAsNewUser(input: { token: string; name: string; email: string; password: string }) {
  return run(async () => {
    const res = await acceptInvitationAsNewUser(getDb(), acceptNewUserSchema.parse(input));
    await selectTeam(res.teamId);
    return res;
  });
}
