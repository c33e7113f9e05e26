import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { feedFor, issueFeed, setFeedNames, stopFeed } from "@/lib/calendar/feed";
import { createRequest, transitionRequest } from "@/lib/requests/mutations";
import { createRequestSchema } from "@/lib/requests/schemas";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const ORIGIN = "https://crm.example";
const tokenOf = (url: string) => url.split("/api/calendar/")[1].replace(/\.ics$/, "");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents("vevent").map((e) => ({
    uid: String(e.getFirstPropertyValue("uid")),
    summary: String(e.getFirstPropertyValue("summary")),
    description: String(e.getFirstPropertyValue("description")),
    url: String(e.getFirstPropertyValue("url")),
    start: String(e.getFirstPropertyValue("dtstart")),
  }));
}

describe("calendar feed (ICS)", () => {
  it("lists her follow-ups, review actions and case follow-ups as a calendar app reads them, with no case identifier", async () => {
    const { team, mentor, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const person = await createPerson(db(), team.id, { name: "渡辺 明美", ownerId: nurse.user.id });
    const tp = await db().touchpoint.create({
      data: {
        teamId: team.id,
        type: "ASK",
        occurredAt: day("2026-11-20"),
        nurseId: nurse.user.id,
        followUpDueOn: day("2026-12-03"),
        participants: { create: { keyPersonId: person.id, teamId: team.id, type: "ASK", occurredAt: day("2026-11-20") } },
      },
    });
    const review = await db().mentorReview.create({
      data: { teamId: team.id, mentorId: mentor.user.id, menteeId: nurse.user.id, title: "11月のレビュー" },
    });
    await db().reviewAction.create({
      data: { teamId: team.id, reviewId: review.id, menteeId: nurse.user.id, title: "渡辺さんに資料を届ける", dueOn: day("2026-12-05") },
    });
    for (const code of ["E-1001", "E-1002"]) {
      await db().case.create({
        data: {
          teamId: team.id,
          employeeCode: code,
          employeeName: "山田 太郎",
          kind: "MENTAL_HEALTH",
          openedOn: day("2026-10-01"),
          nextFollowUpOn: day("2026-12-04"),
          nurses: { create: { userId: nurse.user.id, teamId: team.id } },
        },
      });
    }
    const now = new Date("2026-11-30T00:00:00Z");

    const url = await issueFeed(ctx, false, ORIGIN);
    expect(url).toMatch(/^https:\/\/crm\.example\/api\/calendar\/[\w-]+\.ics$/);
    const ics = (await feedFor(db(), tokenOf(url), ORIGIN, now))!;
    const list = events(ics);
    expect(list.map((e) => [e.summary, e.start]).sort()).toEqual(
      [
        ["フォローアップ（1人）", "2026-12-03"],
        ["メンターレビューのアクション", "2026-12-05"],
        ["対象者ケースのフォロー 2件", "2026-12-04"],
      ].sort(),
    );
    expect(list.find((e) => e.summary.startsWith("フォローアップ"))?.uid).toBe(`followup-${tp.id}@tsunagari-note`);
    for (const secret of ["E-1001", "E-1002", "山田", "渡辺"]) expect(ics).not.toContain(secret);

    // Names only when she asks; a new address replaces the old one.
    const named = await issueFeed(ctx, true, ORIGIN);
    expect(await feedFor(db(), tokenOf(url), ORIGIN, now)).toBeNull();
    const withNames = events((await feedFor(db(), tokenOf(named), ORIGIN, now))!).map((e) => e.summary);
    expect(withNames).toContain("フォローアップ（渡辺 明美）");
    expect(withNames).toContain("レビューのアクション: 渡辺さんに資料を届ける");
    expect(withNames.join()).not.toContain("E-1001");

    await stopFeed(ctx);
    expect(await feedFor(db(), tokenOf(named), ORIGIN, now)).toBeNull();
    expect(await db().auditLog.count({ where: { teamId: team.id, action: { startsWith: "calendar." } } })).toBe(3);
  });

  it("folds lines at 75 octets, describes each event and links it to its page; names turn on and off on the same address", async () => {
    const { team, mentor, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const person = await createPerson(db(), team.id, { name: "長谷川 祐一郎", ownerId: nurse.user.id });
    const { id } = await createRequest(
      ctx,
      createRequestSchema.parse({
        what: "朝礼で5分いただく",
        keyPersonId: person.id,
        nurseSupport: "復職支援の流れを一枚にまとめた資料と、来月の衛生委員会で使う説明のたたき台を課長にお届けする",
        dueOn: "2026-12-08",
      }),
    );
    await transitionRequest(ctx, { id, version: 1, to: "SENT" });
    await transitionRequest(ctx, { id, version: 2, to: "ACCEPTED" });
    const review = await db().mentorReview.create({
      data: { teamId: team.id, mentorId: mentor.user.id, menteeId: nurse.user.id, title: "12月" },
    });
    await db().reviewAction.create({
      data: {
        teamId: team.id,
        reviewId: review.id,
        menteeId: nurse.user.id,
        title: "人事課の全員に先出し協力の内容をひとことずつ伝えてまわる",
        dueOn: day("2026-12-09"),
      },
    });
    const now = new Date("2026-11-30T00:00:00Z");
    const url = await issueFeed(ctx, false, ORIGIN);
    const read = async () => (await feedFor(db(), tokenOf(url), ORIGIN, now))!;

    // Names turned on apply to the address in use: no new address, the old one keeps working.
    await setFeedNames(ctx, true);
    const ics = await read();
    const octets = ics.split("\r\n").map((line) => new TextEncoder().encode(line).length);
    expect(Math.max(...octets)).toBeLessThanOrEqual(75);
    expect(ics).not.toMatch(/\r\n(?! )[^\r]*\r\n {2}/); // a continuation line starts with exactly one space
    const list = events(ics);
    const promise = list.find((e) => e.summary.startsWith("約束"))!;
    expect(promise.summary).toBe(
      `約束: 復職支援の流れを一枚にまとめた資料と、来月の衛生委員会で使う説明のたたき台を課長にお届けする（長谷川 祐一郎）`,
    );
    expect(promise.url).toBe(`${ORIGIN}/key-persons/${person.id}`);
    expect(promise.description).toContain(`つながりノートで開く: ${ORIGIN}/key-persons/${person.id}`);
    const action = list.find((e) => e.summary.startsWith("レビューのアクション"))!;
    expect(action.url).toBe(`${ORIGIN}/reviews/${review.id}`);
    expect(action.description).toContain("人事課の全員に先出し協力");

    await setFeedNames(ctx, false);
    const plain = await read();
    expect(plain).not.toContain("長谷川");
    expect(
      events(plain)
        .map((e) => e.description)
        .join(),
    ).not.toContain("人事課の全員");
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "calendar.names" } })).toBe(2);
  });

  it("stops answering when the nurse leaves the team", async () => {
    const { team, admin, nurse } = await createTeamWithRoles(db());
    const url = await issueFeed(await ctxFor(db(), nurse.user.id), false, ORIGIN);
    expect(await feedFor(db(), tokenOf(url), ORIGIN)).toContain("BEGIN:VCALENDAR");
    const { setMemberActive } = await import("@/lib/team/members");
    await setMemberActive(await ctxFor(db(), admin.user.id), nurse.membership.id, false);
    expect(await feedFor(db(), tokenOf(url), ORIGIN)).toBeNull();
    expect(team.id).toBeTruthy();
  });
});
