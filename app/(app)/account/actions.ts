"use server";
// The member's own account: password and signed-in devices. Every member may do these for herself.
import { z } from "zod";
import { changePassword } from "@/lib/accounts/account";
import { getCurrentSession, type TeamCtx } from "@/lib/auth/context";
import { endOtherSessions, endSession } from "@/lib/auth/session";
import { authedAction } from "@/lib/auth/wrappers";
import { AppError } from "@/lib/errors";
import { passwordSchema } from "@/lib/team/schemas";
import { headers } from "next/headers";
import { issueFeed, setFeedNames, stopFeed } from "@/lib/calendar/feed";
import { setDigestOptIn } from "@/lib/home/digest";
import { appOrigin } from "@/lib/net/app-origin";
import { registerPasskey, registrationOptions, relyingParty, removePasskey } from "@/lib/accounts/passkeys";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { confirmTotp, disableTotp, regenerateRecoveryCodes, startTotpEnrollment } from "@/lib/accounts/two-factor";
import { assertFreshProof, proveHolder } from "@/lib/accounts/step-up";

const changeSchema = z
  .object({ current: z.string().min(1, "required").max(200, "tooLong"), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });

async function currentSession() {
  const session = await getCurrentSession();
  if (!session) throw new AppError("unauthorized");
  return session;
}

async function currentSessionId() {
  return (await currentSession()).sessionId;
}

/** Adding a second factor needs a fresh proof of the holder (lib/accounts/step-up.ts). */
async function freshProof(ctx: TeamCtx) {
  await assertFreshProof(ctx.db, await currentSession());
}

export const confirmIdentity = authedAction(
  "account.self",
  z.object({ password: z.string().max(200, "tooLong").default(""), code: z.string().trim().max(20, "tooLong").default("") }),
  async (ctx, input) => {
    await proveHolder(ctx.db, await currentSession(), input);
    return null;
  },
);

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
  await freshProof(ctx);
  const { secret, qrSvg } = await startTotpEnrollment(ctx.db, ctx.userId);
  return { secret, qr: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString("base64")}` };
});

export const finishTotp = authedAction(
  "account.self",
  z.object({ code: z.string().trim().min(1, "required").max(20, "tooLong") }),
  async (ctx, { code }) => {
    await freshProof(ctx);
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

export const passkeyRegistrationOptions = authedAction("account.self", z.object({}), async (ctx) => {
  await freshProof(ctx);
  return registrationOptions(ctx.db, ctx.userId, await rp());
});

export const addPasskey = authedAction(
  "account.self",
  z.object({
    challengeId: z.string().min(1).max(40),
    name: z.string().trim().min(1, "required").max(60, "tooLong"),
    response: z.record(z.string(), z.unknown()),
  }),
  async (ctx, input) => {
    await freshProof(ctx);
    return registerPasskey(
      ctx.db,
      ctx.userId,
      { challengeId: input.challengeId, name: input.name, response: input.response as unknown as RegistrationResponseJSON },
      await rp(),
    );
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
  "account.feeds",
  z.object({ includeNames: z.coerce.boolean() }),
  async (ctx, { includeNames }) => {
    return { url: await issueFeed(ctx, includeNames, appOrigin(await headers())) };
  },
);

export const setCalendarNames = authedAction(
  "account.feeds",
  z.object({ includeNames: z.coerce.boolean() }),
  async (ctx, { includeNames }) => {
    await setFeedNames(ctx, includeNames);
    return null;
  },
);

export const stopCalendarFeed = authedAction("account.self", z.object({}), async (ctx) => {
  await stopFeed(ctx);
  return null;
});

export const setWeeklyDigest = authedAction("account.feeds", z.object({ on: z.coerce.boolean() }), async (ctx, { on }) => {
  await setDigestOptIn(ctx, on);
  return null;
});
