"use server";
// Actions that work signed out: the language of the sign-in pages, and joining by invitation.
import { cookies, headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { requestPasswordReset, resetPassword, unlockAccount } from "@/lib/accounts/account";
import { authenticationOptions, relyingParty } from "@/lib/accounts/passkeys";
import { readTicket } from "@/lib/accounts/two-factor";
import { getSessionUserId, TEAM_COOKIE } from "@/lib/auth/context";
import type { ActionResult } from "@/lib/auth/wrappers";
import { getDb } from "@/lib/db/client";
import { AppError, fieldErrorsOf, toAppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { appOrigin } from "@/lib/net/app-origin";
import { clientAddress } from "@/lib/net/client-address";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/lib/team/invitations";
import { acceptExistingSchema, acceptNewUserSchema, localeSchema, passwordSchema } from "@/lib/team/schemas";

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

const forgotSchema = z.object({
  email: z.string({ message: "required" }).trim().toLowerCase().min(1, "required").max(254, "tooLong").email("invalidEmail"),
});

/**
 * A forgotten password: the same answer whether or not the address is registered, and in the same
 * time: the work (looking the address up, the link, the mail) runs after the reply is sent (Next's
 * `after`), so how long the reply takes tells nothing about the address.
 */
export async function requestReset(input: { email: string }): Promise<ActionResult<null>> {
  const parsed = forgotSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "validation", fieldErrors: fieldErrorsOf(parsed.error) };
  const h = await headers();
  const request = { email: parsed.data.email, ip: clientAddress(h, getEnv().TRUSTED_PROXY_HOPS), origin: appOrigin(h) };
  after(() => requestPasswordReset(getDb(), request).catch((e) => console.error("[password reset]", e)));
  return { ok: true, data: null };
}

const newPasswordSchema = z
  .object({ token: z.string().min(10, "invalidLink").max(200), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });

export async function setNewPassword(input: {
  token: string;
  password: string;
  confirm: string;
}): Promise<ActionResult<{ factors: string[] }>> {
  const parsed = newPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "validation", fieldErrors: fieldErrorsOf(parsed.error) };
  return run(async () => ({ factors: (await resetPassword(getDb(), parsed.data)).factors }));
}

export async function liftLock(input: { token: string }): Promise<ActionResult<null>> {
  const parsed = acceptExistingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "accountLink.unknown" };
  return run(async () => {
    await unlockAccount(getDb(), parsed.data.token);
    return null;
  });
}

/** A passkey challenge: for the second step after a password (with its ticket), or to sign in without one. */
export async function passkeySignInOptions(input: { ticket?: string }) {
  return run(async () => {
    const h = await headers();
    const rp = relyingParty(h.get("origin"), appOrigin(h));
    const userId = input.ticket ? await readTicket(getDb(), input.ticket) : null;
    if (input.ticket && !userId) throw new AppError("validation", "passkey.expired");
    return authenticationOptions(getDb(), userId, rp);
  });
}
