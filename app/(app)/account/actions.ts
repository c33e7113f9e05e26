"use server";
// The member's own account: password and signed-in devices. Every member may do these for herself.
import { z } from "zod";
import { changePassword } from "@/lib/auth/account";
import { getCurrentSession } from "@/lib/auth/context";
import { endOtherSessions, endSession } from "@/lib/auth/session";
import { authedAction } from "@/lib/auth/wrappers";
import { AppError } from "@/lib/errors";
import { passwordSchema } from "@/lib/team/schemas";
import { headers } from "next/headers";
import { issueFeed, stopFeed } from "@/lib/calendar/feed";
import { appOrigin } from "@/lib/net/app-origin";
import { registerPasskey, registrationOptions, relyingParty, removePasskey } from "@/lib/auth/passkeys";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { confirmTotp, disableTotp, regenerateRecoveryCodes, startTotpEnrollment } from "@/lib/auth/two-factor";

const changeSchema = z
  .object({ current: z.string().min(1, "required").max(200, "tooLong"), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });

async function currentSessionId() {
  const session = await getCurrentSession();
  if (!session) throw new AppError("unauthorized");
  return session.sessionId;
}

export const changeMyPassword = authedAction("account.self", changeSchema, async (ctx, input) => {
  await changePassword(ctx.db, {
    userId: ctx.userId,
    sessionId: await currentSessionId(),
    current: input.current,
    password: input.password,
  });
  return null;
});

export const signOutDevice = authedAction(
  "account.self",
  z.object({ sessionId: z.string().min(1).max(40) }),
  async (ctx, { sessionId }) => {
    if (sessionId === (await currentSessionId())) throw new AppError("validation");
    if (!(await endSession(ctx.db, ctx.userId, sessionId))) throw new AppError("notFound");
    return null;
  },
);

export const signOutOtherDevices = authedAction("account.self", z.object({}), async (ctx) => {
  return { count: await endOtherSessions(ctx.db, ctx.userId, await currentSessionId()) };
});

export const beginTotp = authedAction("account.self", z.object({}), async (ctx) => {
  const { secret, qrSvg } = await startTotpEnrollment(ctx.db, ctx.userId);
  return { secret, qr: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString("base64")}` };
});

export const finishTotp = authedAction(
  "account.self",
  z.object({ code: z.string().trim().min(1, "required").max(20, "tooLong") }),
  async (ctx, { code }) => {
    return { codes: await confirmTotp(ctx.db, ctx.userId, code) };
  },
);

const passwordOnly = z.object({ password: z.string().min(1, "required").max(200, "tooLong") });

export const turnOffTotp = authedAction("account.self", passwordOnly, async (ctx, { password }) => {
  await disableTotp(ctx.db, ctx.userId, password);
  return null;
});

export const renewRecoveryCodes = authedAction("account.self", passwordOnly, async (ctx, { password }) => {
  return { codes: await regenerateRecoveryCodes(ctx.db, ctx.userId, password) };
});

async function rp() {
  const h = await headers();
  return relyingParty(h.get("origin"), appOrigin(h));
}

export const passkeyRegistrationOptions = authedAction("account.self", z.object({}), async (ctx) =>
  registrationOptions(ctx.db, ctx.userId, await rp()),
);

export const addPasskey = authedAction(
  "account.self",
  z.object({
    challengeId: z.string().min(1).max(40),
    name: z.string().trim().min(1, "required").max(60, "tooLong"),
    response: z.record(z.string(), z.unknown()),
  }),
  async (ctx, input) => {
    await registerPasskey(
      ctx.db,
      ctx.userId,
      { challengeId: input.challengeId, name: input.name, response: input.response as unknown as RegistrationResponseJSON },
      await rp(),
    );
    return null;
  },
);

export const deletePasskey = authedAction(
  "account.self",
  z.object({ id: z.string().min(1).max(500), password: z.string().min(1, "required").max(200) }),
  async (ctx, input) => {
    await removePasskey(ctx.db, ctx.userId, input.id, input.password);
    return null;
  },
);

export const createCalendarFeed = authedAction(
  "account.self",
  z.object({ includeNames: z.coerce.boolean() }),
  async (ctx, { includeNames }) => {
    return { url: await issueFeed(ctx, includeNames, appOrigin(await headers())) };
  },
);

export const stopCalendarFeed = authedAction("account.self", z.object({}), async (ctx) => {
  await stopFeed(ctx);
  return null;
});

export const setWeeklyDigest = authedAction("account.self", z.object({ on: z.coerce.boolean() }), async (ctx, { on }) => {
  await ctx.db.membership.updateMany({ where: { teamId: ctx.teamId, userId: ctx.userId }, data: { digestOptIn: on } });
  return null;
});
