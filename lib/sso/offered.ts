// Whether the sign-in page offers company sign-in at all: some team has it on. Asked by every view of
// the public sign-in page, so the answer is kept for a short while instead of costing a query each
// time. It is a hint for what to show, not a decision: company sign-in itself checks the team's
// settings on every attempt. Saving settings on this server forgets it at once; another server
// behind the same proxy shows the change within OFFERED_TTL_MS.
import type { Db } from "@/lib/db/client";

export const OFFERED_TTL_MS = 30_000;

let memo: { at: number; offered: boolean } | undefined;

export async function ssoOffered(db: Pick<Db, "teamSso">, now = Date.now()): Promise<boolean> {
  if (memo && now - memo.at >= 0 && now - memo.at < OFFERED_TTL_MS) return memo.offered;
  const offered = (await db.teamSso.count({ where: { enabled: true } })) > 0;
  memo = { at: now, offered };
  return offered;
}

/** After a team's settings change on this server. */
export function forgetSsoOffered() {
  memo = undefined;
}
