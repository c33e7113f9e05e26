import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestMoment, sendWeeklyDigests, setDigestOptIn, unsubscribeDigest } from "@/lib/home/digest";
import { deliverMail, openMail } from "@/lib/mail/outbox";
import { smtpTransport } from "@/lib/mail/transport";
import { setupTestDatabase } from "../support/db";
import { createMember, createPerson, createTeamWithRoles, ctxFor } from "../support/factories";
import { startSmtpServer, type TestSmtp } from "../support/smtp";

const db = setupTestDatabase();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

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

  it("starts at the next Monday 8:00 after she opts in, says it is automatic, and stops with one click from the mail client", async () => {
    const { nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    // Other tests' members are opted in too: count only hers.
    const send = async (at: string) => {
      const before = await db().mailMessage.count({ where: { kind: "weeklyDigest", toEmail: nurse.user.email } });
      await sendWeeklyDigests(db(), "https://crm.example", new Date(at));
      return (await db().mailMessage.count({ where: { kind: "weeklyDigest", toEmail: nurse.user.email } })) - before;
    };
    // Sunday 12:22 in Japan: nothing goes out until Monday 8:00.
    const sunday = new Date("2026-12-06T03:22:00Z");
    await setDigestOptIn(ctx, true, sunday);
    expect(await send(sunday.toISOString())).toBe(0);
    expect(await send("2026-12-06T22:59:00Z")).toBe(0);
    expect(await send("2026-12-06T23:00:00Z")).toBe(1);
    // Ticking it again while on does not push the next one back.
    await setDigestOptIn(ctx, true, new Date("2026-12-07T01:00:00Z"));
    expect(await send("2026-12-13T23:00:00Z")).toBe(1);

    const mail = await db().mailMessage.findFirstOrThrow({ where: { kind: "weeklyDigest", toEmail: nurse.user.email } });
    await deliverMail(db(), mail.id, smtpTransport(smtp.url, "x <x@crm.example>"), new Date(), () => undefined);
    const got = await smtp.waitFor((m) => m.envelopeTo.includes(nurse.user.email.toLowerCase()));
    expect(got.headers.get("auto-submitted")).toBe("auto-generated");
    // The raw lines, as a mail client reads them (mailparser folds List-* headers into one object).
    const raw = (key: string) => (got.headerLines.find((h) => h.key === key)?.line ?? "").replace(/\r\n(?=[ \t])/g, "");
    expect(raw("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const address = raw("list-unsubscribe");
    expect(address).toMatch(/^List-Unsubscribe: <https:\/\/crm\.example\/api\/digest\/unsubscribe\/[^>]+>$/);
    const token = /\/api\/digest\/unsubscribe\/([^>\s]+)/.exec(address)?.[1];
    expect(token).toBeTruthy();

    // A forged or altered address does nothing; the signed one turns the digest off.
    expect(await unsubscribeDigest(db(), `${nurse.membership.id}.forged`)).toBe(false);
    expect(await unsubscribeDigest(db(), `${token}x`)).toBe(false);
    expect(await unsubscribeDigest(db(), token!)).toBe(true);
    expect((await db().membership.findUniqueOrThrow({ where: { id: nurse.membership.id } })).digestOptIn).toBe(false);
    expect(await send("2026-12-20T23:00:00Z")).toBe(0);
  });
});
