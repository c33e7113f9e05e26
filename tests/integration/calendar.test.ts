import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { feedFor, issueFeed, stopFeed } from "@/lib/calendar/feed";
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
