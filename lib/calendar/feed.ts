// A nurse's private calendar feed (RFC 5545 ICS, written by the `ics` package) for Outlook or Google
// Calendar to subscribe to: her follow-ups and check-ins, her promises, her review actions, and her
// case follow-ups.
// What leaves for the calendar provider is kept small: case follow-ups are a count per day with no
// identifier, and people's names and action titles go out only when she turned that on.
import { createEvents, type EventAttributes } from "ics";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import type { Db } from "@/lib/db/client";
import { DAY_MS, tokyoToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translator";

/** The feed covers this much of the past (overdue items) and of the future. */
const PAST_DAYS = 30;
const FUTURE_DAYS = 180;

export async function feedStatus(ctx: TeamCtx) {
  return ctx.db.calendarFeed.findUnique({
    where: { teamId_userId: { teamId: ctx.teamId, userId: ctx.userId } },
    select: { includeNames: true, createdAt: true, lastFetchedAt: true },
  });
}

/** Issues the feed's address (again): the old one stops working. Shown once. */
export async function issueFeed(ctx: TeamCtx, includeNames: boolean, origin: string) {
  const token = newToken(24);
  await ctx.db.calendarFeed.upsert({
    where: { teamId_userId: { teamId: ctx.teamId, userId: ctx.userId } },
    create: { teamId: ctx.teamId, userId: ctx.userId, tokenHash: hashToken(token), includeNames },
    update: { tokenHash: hashToken(token), includeNames, createdAt: new Date(), lastFetchedAt: null },
  });
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "calendar.issued",
    entityType: "User",
    entityId: ctx.userId,
    detail: { includeNames },
  });
  return `${origin}/api/calendar/${token}.ics`;
}

export async function stopFeed(ctx: TeamCtx) {
  await ctx.db.calendarFeed.deleteMany({ where: { teamId: ctx.teamId, userId: ctx.userId } });
  await audit(ctx.db, { teamId: ctx.teamId, actorId: ctx.userId, action: "calendar.stopped", entityType: "User", entityId: ctx.userId });
}

const dateArray = (d: Date): [number, number, number] => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];

/** The ICS text for a feed token, or null when the token is unknown or its owner left the team. */
export async function feedFor(db: Db, token: string, origin: string, now = new Date()): Promise<string | null> {
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, teamId: true, userId: true, includeNames: true, user: { select: { locale: true } } },
  });
  if (!feed) return null;
  const member = await db.membership.findUnique({
    where: { teamId_userId: { teamId: feed.teamId, userId: feed.userId } },
    select: { status: true },
  });
  if (member?.status !== "ACTIVE") return null;
  const { teamId, userId, includeNames } = feed;
  const t = translatorFor(feed.user.locale);
  const today = tokyoToday(now);
  const window = { gte: new Date(today.getTime() - PAST_DAYS * DAY_MS), lte: new Date(today.getTime() + FUTURE_DAYS * DAY_MS) };

  const [followUps, actions, cases, commitments] = await Promise.all([
    db.touchpoint.findMany({
      where: { teamId, nurseId: userId, deletedAt: null, followUpDoneAt: null, followUpDueOn: window },
      orderBy: { followUpDueOn: "asc" },
      take: 500,
      select: { id: true, followUpDueOn: true, participants: { select: { keyPerson: { select: { id: true, name: true } } } } },
    }),
    db.reviewAction.findMany({
      where: { teamId, menteeId: userId, doneAt: null, dueOn: window },
      orderBy: { dueOn: "asc" },
      take: 200,
      select: { id: true, title: true, dueOn: true, reviewId: true },
    }),
    db.case.groupBy({
      by: ["nextFollowUpOn"],
      where: {
        teamId,
        deletedAt: null,
        withdrawnAt: null,
        status: { not: "CLOSED" },
        nextFollowUpOn: window,
        nurses: { some: { userId } },
      },
      _count: { _all: true },
    }),
    db.commitment.findMany({
      where: { teamId, nurseId: userId, doneAt: null, dueOn: window },
      orderBy: { dueOn: "asc" },
      take: 200,
      select: { id: true, what: true, dueOn: true, keyPerson: { select: { id: true, name: true } } },
    }),
  ]);

  // Each event opens the page it is about; its description says the same in words (Google Calendar
  // shows no URL property) and links there too.
  const allDay = (uid: string, day: Date, title: string, path: string): EventAttributes => {
    const url = `${origin}${path}`;
    return {
      uid: `${uid}@tsunagari-note`,
      start: dateArray(day),
      end: dateArray(new Date(day.getTime() + DAY_MS)),
      title,
      description: `${title}\n${t("calendar.open", { url })}`,
      url,
      transp: "TRANSPARENT",
      classification: "PRIVATE",
      productId: "tsunagari-note/calendar",
    };
  };
  const events: EventAttributes[] = [
    ...followUps.map((f) => {
      const people = f.participants.map((p) => p.keyPerson);
      const who = includeNames ? people.map((p) => p.name).join("、") : t("calendar.people", { count: people.length });
      return allDay(
        `followup-${f.id}`,
        f.followUpDueOn!,
        t("calendar.followUp", { who }),
        people.length ? `/key-persons/${people[0].id}` : "/",
      );
    }),
    ...actions.map((a) =>
      allDay(
        `action-${a.id}`,
        a.dueOn,
        includeNames ? t("calendar.actionNamed", { title: a.title }) : t("calendar.action"),
        `/reviews/${a.reviewId}`,
      ),
    ),
    ...commitments.map((c) =>
      allDay(
        `commitment-${c.id}`,
        c.dueOn,
        includeNames ? t("calendar.commitmentNamed", { what: c.what, who: c.keyPerson.name }) : t("calendar.commitment"),
        `/key-persons/${c.keyPerson.id}`,
      ),
    ),
    ...cases
      .filter((c) => c.nextFollowUpOn)
      .map((c) =>
        allDay(
          `cases-${feed.id}-${c.nextFollowUpOn!.toISOString().slice(0, 10)}`,
          c.nextFollowUpOn!,
          t("calendar.cases", { count: c._count._all }),
          "/cases",
        ),
      ),
  ];
  const { error, value } = createEvents(events, { productId: "tsunagari-note/calendar", calName: t("calendar.name"), method: "PUBLISH" });
  if (error || value === null) throw error ?? new Error("calendar could not be written");
  await db.calendarFeed.update({ where: { id: feed.id }, data: { lastFetchedAt: now } });
  return foldOctets(value);
}

/** Turns names in the feed on or off for the address she already subscribed to (no new address). */
export async function setFeedNames(ctx: TeamCtx, includeNames: boolean) {
  const { count } = await ctx.db.calendarFeed.updateMany({ where: { teamId: ctx.teamId, userId: ctx.userId }, data: { includeNames } });
  if (count === 0) throw new AppError("notFound");
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "calendar.names",
    entityType: "User",
    entityId: ctx.userId,
    detail: { includeNames },
  });
}

const MAX_OCTETS = 75;

/**
 * RFC 5545 §3.1: content lines are folded at 75 octets, not characters (the ics package counts
 * characters, so a Japanese line reached 181 octets). Unfolds, then folds again between characters:
 * a continuation line starts with one space, which counts toward its 75.
 */
export function foldOctets(ics: string): string {
  const encoder = new TextEncoder();
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = "";
      let octets = 0;
      for (const ch of line) {
        const size = encoder.encode(ch).length;
        const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
        if (octets + size > limit) {
          parts.push(current);
          current = "";
          octets = 0;
        }
        current += ch;
        octets += size;
      }
      parts.push(current);
      return parts.join("\r\n ");
    })
    .join("\r\n");
}
