import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/dates";
import { checkCredentials } from "@/lib/accounts/sign-in";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/seed-data";
import { isSeeded, seedDemo } from "@/lib/demo/seed-demo";
import { BALANCE_DAYS, getMyDay } from "@/lib/home/queries";
import { listMembers } from "@/lib/team/members";
import { renderReportPdf } from "@/lib/reports/pdf";
import { pendingLate } from "@/lib/reports/late";
import { isSuppressed, type ReportData } from "@/lib/reports/types";
import { setupTestDatabase } from "../support/db";
import { pdfText } from "../support/pdf";
import { ctxFor } from "../support/factories";
import { loadMap } from "@/lib/map/queries";
import { listReviews, reviewDetail } from "@/lib/reviews/queries";

const db = setupTestDatabase();
// 06:30 in Tokyo, still the day before in UTC: dates must be Tokyo's.
const now = new Date("2026-11-22T21:30:00Z");

describe("demo data", () => {
  it("seeds a believable team whose later dashboards have something true to show", async () => {
    expect(await isSeeded(db())).toBe(false);
    const { teamId, otherTeamId } = await seedDemo(db(), now);
    expect(await isSeeded(db())).toBe(true);

    const t = { teamId };
    expect(await db().membership.count({ where: t })).toBe(5);
    expect(await db().department.count({ where: { ...t, kind: "SITE" } })).toBe(3);
    expect(await db().department.count({ where: { ...t, kind: "DEPARTMENT" } })).toBe(15);
    expect(await db().keyPerson.count({ where: t })).toBeGreaterThanOrEqual(60);
    const stances = await db().keyPerson.groupBy({ by: ["stance"], where: t, _count: { _all: true } });
    expect(stances).toHaveLength(5);
    expect(await db().keyPerson.count({ where: { ...t, reportsToId: { not: null } } })).toBeGreaterThan(40);
    const oldest = await db().touchpoint.findFirstOrThrow({ where: t, orderBy: { occurredAt: "asc" } });
    expect((now.getTime() - oldest.occurredAt.getTime()) / 86_400_000).toBeGreaterThan(500);
    // Good examples read as stories of their own, not one sentence behind each title.
    const examples = (await db().initiative.findMany({ where: { ...t, goodExample: { not: "" } }, select: { goodExample: true } })).map(
      (i) => i.goodExample,
    );
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(new Set(examples.map((e) => e.replace(/^[^：]*：/, ""))).size).toBe(examples.length);
    expect(await db().request.count({ where: t })).toBeGreaterThan(80);
    // Nothing in the demo happened after today: stance moves, touchpoints and request histories.
    expect(await db().stanceChange.count({ where: { ...t, changedAt: { gt: now } } })).toBe(0);
    expect(await db().touchpoint.count({ where: { ...t, occurredAt: { gt: now } } })).toBe(0);
    expect(await db().requestEvent.count({ where: { ...t, at: { gt: now } } })).toBe(0);
    // Every sent request has its history, and one ask touchpoint at most.
    const sent = await db().request.findMany({
      where: { ...t, status: { not: "DRAFT" } },
      select: { _count: { select: { events: true, touchpoints: { where: { type: "ASK" } } } } },
    });
    expect(sent.every((r) => r._count.events >= 2 && r._count.touchpoints <= 1)).toBe(true);
    const stages = await db().initiative.groupBy({ by: ["stage"], where: t, _count: { _all: true } });
    expect(stages.map((s) => s.stage).sort()).toEqual(["ADOPTED", "EVALUATED", "EXPANDED", "IDEA", "PILOT", "PROPOSED", "STOPPED"]);
    expect(await db().initiative.count({ where: t })).toBe(12);
    expect(await db().initiativeResult.count({ where: t })).toBeGreaterThan(8);
    expect(await db().case.count({ where: t })).toBeGreaterThanOrEqual(30);
    expect(await db().case.count({ where: { ...t, status: "CLOSED" } })).toBeGreaterThan(0);
    expect(await db().caseAssessment.count({ where: t })).toBeGreaterThan(30);
    // One return recorded after the demo reports froze its quarter, waiting for the next quarter.
    expect(await pendingLate({ db: db(), teamId })).toBe(1);
    // Every demo person is someone else: no name appears twice.
    const names = (await db().keyPerson.findMany({ where: t, select: { name: true } })).map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    // Every team-owned row belongs to one of the two teams.
    expect(await db().keyPerson.count({ where: { teamId: { notIn: [teamId, otherTeamId] } } })).toBe(0);

    for (const u of [DEMO_USERS.lead, DEMO_USERS.mentor, DEMO_USERS.junior, DEMO_USERS.other]) {
      expect((await checkCredentials(db(), { email: u.email, password: DEMO_PASSWORD }, "127.0.0.1")).ok).toBe(true);
    }
    const other = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS.other.email } });
    const otherCtx = await ctxFor(db(), other.id);
    expect(otherCtx.teams.map((x) => x.id)).toEqual([otherTeamId]);
    expect((await listMembers(otherCtx)).map((m) => m.user.email)).toEqual([DEMO_USERS.other.email]);

    const mentor = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS.mentor.email } });
    const junior = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS.junior.email } });
    expect(await db().mentorAssignment.findFirst({ where: { teamId, mentorId: mentor.id, menteeId: junior.id } })).not.toBeNull();
  });

  it("gives each nurse one slipped case follow-up and the rest ahead, by Tokyo's calendar", async () => {
    for (const u of Object.values(DEMO_USERS)) {
      const user = await db().user.findUniqueOrThrow({ where: { email: u.email } });
      const ctx = await ctxFor(db(), user.id);
      const day = await getMyDay(ctx, now);
      if (!(await db().caseNurse.count({ where: { userId: user.id, case: { status: { not: "CLOSED" } } } }))) continue;
      expect(day.caseFollowUps.overdue, u.email).toBe(1);
      expect(day.caseFollowUps.due, u.email).toBeGreaterThan(1);
    }
  });

  it("gives each nurse a real day on the home page", async () => {
    const junior = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS.junior.email } });
    const day = await getMyDay(await ctxFor(db(), junior.id), now);
    // The junior asks more than she gives: the home page coaches her.
    expect(day.balance.asksMore).toBe(true);
    expect(day.recent.length).toBe(5);
    expect(day.openCases).toBeGreaterThan(0);
    const lead = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS.lead.email } });
    const leadDay = await getMyDay(await ctxFor(db(), lead.id), now);
    expect(leadDay.balance.gives).toBeGreaterThan(leadDay.balance.asks);
    const all = await Promise.all(
      (await db().membership.findMany({ where: { team: { name: { startsWith: "北辰" } } } })).map(async (m) =>
        getMyDay(await ctxFor(db(), m.userId), now),
      ),
    );
    expect(all.some((d) => d.thanksOwed.length > 0)).toBe(true);
    expect(all.some((d) => d.quietCount > 0)).toBe(true);
    expect(all.some((d) => d.followUps.length > 0)).toBe(true);
  });

  it("counts the home page's figures as the records say, for every member", async () => {
    const members = await db().membership.findMany({ where: { status: "ACTIVE" }, select: { userId: true, teamId: true } });
    for (const m of members) {
      const ctx = await ctxFor(db(), m.userId, m.teamId);
      const day = await getMyDay(ctx, now);
      const mine = { teamId: m.teamId, nurseId: m.userId, deletedAt: null };
      const since = new Date(now.getTime() - BALANCE_DAYS * DAY_MS);
      const quietSince = new Date(now.getTime() - ctx.team.noContactDays * DAY_MS);
      const open = { teamId: m.teamId, userId: m.userId, case: { status: { not: "CLOSED" as const }, deletedAt: null, withdrawnAt: null } };
      expect([day.balance.gives, day.balance.asks, day.quietCount, day.openCases]).toEqual([
        await db().touchpoint.count({ where: { ...mine, type: "GIVE", occurredAt: { gte: since } } }),
        await db().touchpoint.count({ where: { ...mine, type: "ASK", occurredAt: { gte: since } } }),
        await db().keyPerson.count({
          where: {
            teamId: m.teamId,
            ownerId: m.userId,
            archivedAt: null,
            OR: [{ lastContactAt: null }, { lastContactAt: { lt: quietSince } }],
          },
        }),
        await db().caseNurse.count({ where: open }),
      ]);
    }
  });

  it("gives the junior a map with links and an open review that shows what moved since the last one", async () => {
    const mentor = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS.mentor.email } });
    const junior = await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS.junior.email } });
    const mentorCtx = await ctxFor(db(), mentor.id);
    const map = await loadMap(mentorCtx, { kind: "mentee", userId: junior.id }, now);
    expect(map.links.length).toBeGreaterThanOrEqual(5);
    expect(map.people.some((p) => p.band !== "none")).toBe(true);
    expect(map.gaps.length).toBeGreaterThan(0);
    const [open] = await listReviews(mentorCtx);
    expect(open.status).toBe("OPEN");
    const d = await reviewDetail(mentorCtx, open.id, now);
    expect(d.since?.diff?.up.length).toBe(2);
    expect(d.since?.diff?.added.length).toBe(1);
    expect(d.since?.diff?.linksAdded.length).toBe(1);
    expect(d.since?.actionsDone.length).toBe(1);
    expect(d.since?.actionsOverdue.length).toBe(1);
    expect(d.threads.length).toBeGreaterThan(0);
    // The open review's action and the last review's overdue one wait on her home page.
    expect((await getMyDay(await ctxFor(db(), junior.id), now)).actions.map((a) => a.overdue)).toEqual([true, false]);
  });
});

describe("the demo's managers' edition", () => {
  it("is readable: returns to work and improvement are published, grouped where small, with no team-internal figure in the PDF", async () => {
    // Seeded by the first test of this file.
    const { teamId } = await db().membership.findFirstOrThrow({ where: { user: { email: DEMO_USERS.lead.email } } });
    const issue = await db().reportIssue.findFirstOrThrow({
      where: { teamId, report: { audience: "MANAGERS" } },
      orderBy: { number: "desc" },
    });
    const data = issue.snapshot as unknown as ReportData;
    for (const id of ["improvement", "returnToWork"] as const) {
      const section = data.sections.find((s) => s.id === id)!;
      // Not a wall of "*": most of what the section shows is published.
      expect(section.withheld!.hidden, id).toBeLessThan(section.withheld!.figures);
      const shown = section.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c) => c.t !== "text");
      expect(shown.filter((c) => !isSuppressed(c)).length, id).toBeGreaterThan(shown.filter(isSuppressed).length);
    }
    const text = await pdfText(await renderReportPdf(data, issue.issuedAt, issue.number));
    expect(text).toContain("復職と就業継続");
    expect(text).toMatch(/全体\s*\d+/);
    for (const internal of ["ギブ", "アスク", "非協力", "無関心", "応援者", "協力者のいる部署", "先出し", "承諾率"])
      expect(text, internal).not.toContain(internal);
    expect(text).not.toContain("非表示");
  });
});
