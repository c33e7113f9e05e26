// The weekly digest by mail (opt-in per team): on Monday morning, what is due this week (her
// promises too), whom she still owes thanks, and allies gone quiet — the home page, in her inbox.
// Case follow-ups appear as counts only. An hourly job sends each opted-in member's digest once per
// week (claimed with a conditional update, so several app servers never send it twice).
import { timingSafeEqual } from "node:crypto";
import { audit } from "@/lib/audit";
import { loadTeamContext, type TeamCtx } from "@/lib/auth/context";
import { keyedHash, keyedHashes } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/translator";
import { queueMail } from "@/lib/mail/outbox";
import type { MailSection } from "@/lib/mail/templates";
import { getMyDay } from "./queries";
import { DAY_MS } from "@/lib/dates";
import { dateTimeFormat } from "@/lib/i18n/intl";

const JST_MS = 9 * 3_600_000;

/** The latest Monday 08:00 in Japan at or before `now`, as an instant. */
export function digestMoment(now: Date): Date {
  const jst = new Date(now.getTime() + JST_MS);
  const sinceMonday = (jst.getUTCDay() + 6) % 7;
  const monday8 = Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate() - sinceMonday, 8) - JST_MS;
  return new Date(monday8 <= now.getTime() ? monday8 : monday8 - 7 * DAY_MS);
}

const md = (locale: "ja" | "en", d: Date) =>
  dateTimeFormat(locale === "ja" ? "ja-JP" : "en-US", {
    month: "numeric",
    day: "numeric",
    weekday: "short",
    timeZone: "UTC",
  }).format(d);

/**
 * Turns her digest on or off. Turned on, the first one goes at the next Monday 8:00, not at once:
 * the job counts "sent" from the moment she opts in.
 */
export async function setDigestOptIn(ctx: TeamCtx, on: boolean, now = new Date()) {
  const where = { teamId: ctx.teamId, userId: ctx.userId };
  if (on)
    await ctx.db.membership.updateMany({ where: { ...where, digestOptIn: false }, data: { digestOptIn: true, digestLastSentAt: now } });
  else await ctx.db.membership.updateMany({ where, data: { digestOptIn: false } });
}

const unsubscribeMac = (membershipId: string) => `digest-unsubscribe:${membershipId}`;

/** The address a mail client's one-click unsubscribe posts to (RFC 8058), for one membership's digest. */
export const unsubscribeUrl = (origin: string, membershipId: string) =>
  `${origin}/api/digest/unsubscribe/${membershipId}.${keyedHash(unsubscribeMac(membershipId))}`;

/** Turns a digest off from its unsubscribe address; false for an address this installation did not sign. */
export async function unsubscribeDigest(db: Db, token: string): Promise<boolean> {
  const [id, mac, ...rest] = token.split(".");
  if (!id || !mac || rest.length) return false;
  const given = Buffer.from(mac);
  const signed = keyedHashes(unsubscribeMac(id)).some((h) => h.length === mac.length && timingSafeEqual(Buffer.from(h), given));
  if (!signed) return false;
  const m = await db.membership.findUnique({ where: { id }, select: { teamId: true, userId: true, digestOptIn: true } });
  if (!m) return false;
  if (m.digestOptIn) {
    await db.membership.update({ where: { id }, data: { digestOptIn: false } });
    await audit(db, { teamId: m.teamId, actorId: m.userId, action: "digest.unsubscribed", entityType: "User", entityId: m.userId });
  }
  return true;
}

/** Sends the digests due now; returns how many were queued. */
export async function sendWeeklyDigests(db: Db, origin: string, now = new Date()): Promise<number> {
  const moment = digestMoment(now);
  const due = await db.membership.findMany({
    where: { digestOptIn: true, status: "ACTIVE", OR: [{ digestLastSentAt: null }, { digestLastSentAt: { lt: moment } }] },
    take: 200,
    select: { id: true, teamId: true, userId: true, user: { select: { email: true, locale: true } } },
  });
  let sent = 0;
  for (const m of due) {
    const claimed = await db.membership.updateMany({
      where: { id: m.id, OR: [{ digestLastSentAt: null }, { digestLastSentAt: { lt: moment } }] },
      data: { digestLastSentAt: now },
    });
    if (claimed.count !== 1) continue;
    const ctx = await loadTeamContext(db, m.userId, m.teamId);
    if (!ctx || ctx.teamId !== m.teamId) continue;
    const locale = m.user.locale;
    const t = translatorFor(locale);
    const day = await getMyDay(ctx, now);
    const sections: MailSection[] = [];
    const lines = {
      followUps: day.followUps.map(
        (f) => `${md(locale, f.followUpDueOn!)} ${f.people.map((p) => p.name).join("、")}${f.overdue ? t("digest.overdue") : ""}`,
      ),
      commitments: day.commitments.map(
        (c) => `${md(locale, c.dueOn)} ${c.keyPerson.name}: ${c.what}${c.overdue ? t("digest.overdue") : ""}`,
      ),
      actions: day.actions.map((a) => `${md(locale, a.dueOn)} ${a.title}${a.overdue ? t("digest.overdue") : ""}`),
      thanks: day.thanksOwed.map((r) => `${r.keyPerson.name}: ${r.what}`),
      quiet: [
        ...day.quiet.map((p) => `${p.name}${p.title ? ` ${p.title}` : ""}`),
        ...(day.quietCount > day.quiet.length ? [t("digest.more", { count: day.quietCount - day.quiet.length })] : []),
      ],
      cases: day.caseFollowUps.due > 0 ? [t("digest.casesLine", { due: day.caseFollowUps.due, overdue: day.caseFollowUps.overdue })] : [],
    };
    for (const key of ["followUps", "commitments", "actions", "thanks", "quiet", "cases"] as const) {
      if (lines[key].length) sections.push({ heading: t(`digest.${key}`), lines: lines[key] });
    }
    await queueMail(db, {
      teamId: m.teamId,
      to: m.user.email,
      locale,
      kind: "weeklyDigest",
      values: { name: ctx.user.name, team: ctx.team.name, summary: sections.length ? t("digest.summary") : t("digest.nothing") },
      link: `${origin}/`,
      sections,
      unsubscribeUrl: unsubscribeUrl(origin, m.id),
    });
    sent += 1;
  }
  return sent;
}
