// A fresh proof of the holder ("sudo mode", as GitHub calls it) before a change that would let
// whoever holds the session keep the account: adding a second factor (an authenticator app, a
// passkey). Signing in counts as proof for STEP_UP_MINUTES; after that the holder proves herself
// again with her password or a second-factor code, recorded on this session's row so every app
// server agrees. Removing a factor or renewing recovery codes asks the password in the same form.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reauthenticate, verifySecondFactor } from "./two-factor";

export const STEP_UP_MINUTES = 10;

export interface SessionProof {
  userId: string;
  sessionId: string;
  /** When this session signed in (ms since the epoch), from its token. */
  authAt?: number;
}

/** Throws `stepUp.required` unless the holder proved herself on this session in the last minutes. */
export async function assertFreshProof(db: Pick<Db, "userSession">, session: SessionProof, now = new Date()) {
  const row = await db.userSession.findFirst({
    where: { id: session.sessionId, userId: session.userId, endedAt: null },
    select: { stepUpAt: true },
  });
  const last = Math.max(session.authAt ?? 0, row?.stepUpAt?.getTime() ?? 0);
  if (!row || now.getTime() - last > STEP_UP_MINUTES * 60_000) throw new AppError("forbidden", "stepUp.required");
}

/** Proves the holder with her password or a second-factor code (both throttled) for this session. */
export async function proveHolder(db: Db, session: SessionProof, input: { password?: string; code?: string }, now = new Date()) {
  if (input.password) await reauthenticate(db, session.userId, input.password, now);
  else if (input.code) await verifySecondFactor(db, session.userId, input.code, now);
  else throw new AppError("validation", "validation", { password: ["required"] });
  await db.userSession.updateMany({ where: { id: session.sessionId, userId: session.userId, endedAt: null }, data: { stepUpAt: now } });
}
