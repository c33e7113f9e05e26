import { describe, expect, it } from "vitest";
import { digestMoment, sendWeeklyDigests } from "@/lib/home/digest";
import { setupTestDatabase } from "../support/db";
import { createMember, createPerson, createTeamWithRoles } from "../support/factories";
import { openMail } from "@/lib/mail/outbox";

const db = setupTestDatabase();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("weekly digest by mail", () => {
  it("is due from Monday 8:00 in Japan", () => {
    // Monday 2026-11-30 08:00 JST is Sunday 23:00 UTC.
    expect(digestMoment(new Date("2026-11-29T23:30:00Z")).toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(digestMoment(new Date("2026-11-29T22:59:00Z")).toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(digestMoment(new Date("2026-12-03T05:00:00Z")).toISOString()).toBe("2026-11-29T23:00:00.000Z");
  });

  it("sends an opted-in nurse what is due, thanks owed and allies gone quiet, once a week, with cases as counts", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const other = await createMember(db(), team.id, "NURSE", { email: "no-digest@test.example" });
    await db().membership.update({ where: { id: nurse.membership.id }, data: { digestOptIn: true } });
    const boss = await createPerson(db(), team.id, { name: "渡辺 明美", ownerId: nurse.user.id });
    await db().keyPerson.update({ where: { id: boss.id }, data: { lastContactAt: day("2026-11-25") } });
    await createPerson(db(), team.id, { name: "佐々木 健", ownerId: nurse.user.id });
    await db().touchpoint.create({
      data: {
        teamId: team.id,
        type: "ASK",
        occurredAt: day("2026-11-20"),
        nurseId: nurse.user.id,
        followUpDueOn: day("2026-12-02"),
        participants: { create: { keyPersonId: boss.id, teamId: team.id, type: "ASK", occurredAt: day("2026-11-20") } },
      },
    });
    await db().request.create({
      data: {
        teamId: team.id,
        keyPersonId: boss.id,
        nurseId: nurse.user.id,
        what: "面談に同席していただく",
        status: "ACCEPTED",
        sentAt: day("2026-11-20"),
        respondedAt: day("2026-11-24"),
      },
    });
    await db().case.create({
      data: {
        teamId: team.id,
        employeeCode: "E-77",
        kind: "RETURN_TO_WORK",
        openedOn: day("2026-10-01"),
        nextFollowUpOn: day("2026-12-01"),
        nurses: { create: { userId: nurse.user.id, teamId: team.id } },
      },
    });

    const monday = new Date("2026-11-29T23:10:00Z");
    expect(await sendWeeklyDigests(db(), "https://crm.example", new Date("2026-11-29T22:00:00Z"))).toBe(1);
    // Already sent for that week (the previous Monday): nothing more until this Monday 8:00.
    expect(await sendWeeklyDigests(db(), "https://crm.example", new Date("2026-11-29T22:30:00Z"))).toBe(0);
    expect(await sendWeeklyDigests(db(), "https://crm.example", monday)).toBe(1);
    expect(await sendWeeklyDigests(db(), "https://crm.example", new Date(monday.getTime() + 3_600_000))).toBe(0);

    const mails = (await db().mailMessage.findMany({ where: { kind: "weeklyDigest" }, orderBy: { createdAt: "desc" } })).map(openMail);
    expect(mails.every((m) => m.toEmail !== "no-digest@test.example")).toBe(true);
    const text = mails[0].text;
    expect(mails[0].subject).toContain("今週のまとめ");
    expect(text).toContain("■ 今週のフォローアップ");
    expect(text).toContain("渡辺 明美");
    expect(text).toContain("■ お礼がまだの依頼");
    expect(text).toContain("面談に同席していただく");
    expect(text).toContain("■ しばらく接点のない人");
    expect(text).toContain("佐々木 健");
    expect(text).toContain("今週まで 1件");
    expect(text).not.toContain("E-77");
    expect(text).toContain("https://crm.example/");
    expect(other.user.id).toBeTruthy();
  });
});
