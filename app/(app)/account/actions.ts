"use server";
// The member's own account: password and signed-in devices. Every member may do these for herself.
import { z } from "zod";
import { changePassword } from "@/lib/auth/account";
import { getCurrentSession } from "@/lib/auth/context";
import { endOtherSessions, endSession } from "@/lib/auth/session";
import { authedAction } from "@/lib/auth/wrappers";
import { AppError } from "@/lib/errors";
import { passwordSchema } from "@/lib/team/schemas";

const changeSchema = z
  .object({ current: z.string().min(1, "required").max(200, "tooLong"), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });

async function currentSessionId() {
  const session = await getCurrentSession();
  if (!session) throw new AppError("unauthorized");
  return session.sessionId;
}

export const changeMyPassword = authedAction("home.read", changeSchema, async (ctx, input) => {
  await changePassword(ctx.db, { userId: ctx.userId, sessionId: await currentSessionId(), current: input.current, password: input.password });
  return null;
});

export const signOutDevice = authedAction("home.read", z.object({ sessionId: z.string().min(1).max(40) }), async (ctx, { sessionId }) => {
  if (sessionId === (await currentSessionId())) throw new AppError("validation");
  if (!(await endSession(ctx.db, ctx.userId, sessionId))) throw new AppError("notFound");
  return null;
});

export const signOutOtherDevices = authedAction("home.read", z.object({}), async (ctx) => {
  return { count: await endOtherSessions(ctx.db, ctx.userId, await currentSessionId()) };
});
