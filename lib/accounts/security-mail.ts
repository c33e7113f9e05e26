// Every change to how an account proves itself (a second factor added or removed, recovery codes
// renewed, an admin's reset) is mailed to the holder, so a stolen session that changes them is
// noticed by the one person who can tell.
import type { Db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/dates";
import { queueMail } from "@/lib/mail/outbox";

export const SECURITY_CHANGES = [
  "totpEnabled",
  "totpDisabled",
  "recoveryCodesRenewed",
  "passkeyAdded",
  "passkeyRemoved",
  "factorsResetByAdmin",
] as const;
export type SecurityChange = (typeof SECURITY_CHANGES)[number];

export async function mailSecurityChange(db: Pick<Db, "user" | "mailMessage">, userId: string, change: SecurityChange, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, locale: true } });
  // No link in it: it may sit in any outbox (no team's, to keep to one rule for account mail).
  await queueMail(db, {
    teamId: null,
    to: user.email,
    locale: user.locale,
    kind: "securityChanged",
    values: { name: user.name, at: formatDateTime(user.locale, now), change },
  });
}
