import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getHandle } from "@/lib/db/client";
import { startJobs, stopJobs } from "@/lib/jobs/runner";
import { deliverMail, MAIL_BODY_DAYS, MAX_ATTEMPTS, openMail, queueMail, retryMail, sweepMail } from "@/lib/mail/outbox";
import { announceLock, requestPasswordReset } from "@/lib/accounts/account";
import { createInvitation } from "@/lib/team/invitations";
import { smtpTransport } from "@/lib/mail/transport";
import { setupTestDatabase } from "../support/db";
import { createTeam, createTeamWithRoles, ctxFor } from "../support/factories";
import { startSmtpServer, type TestSmtp } from "../support/smtp";

const db = setupTestDatabase();
let smtp: TestSmtp;
const quiet = () => undefined;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});
// A test that stops early must not leave the server refusing the next test's mail.
afterEach(() => smtp.failNext(0));

describe("mail", () => {
  it("delivers a queued mail through SMTP as Japanese text and HTML, and drops the body afterwards", async () => {
    const team = await createTeam(db());
    const id = await queueMail(db(), {
      teamId: team.id,
      to: "nurse@test.example",
      locale: "ja",
      kind: "passwordReset",
      values: { name: "佐藤 花子", minutes: 30 },
      link: "https://crm.example/reset-password/abc<script>",
    });
    expect(await deliverMail(db(), id, smtpTransport(smtp.url, "つながりノート <no-reply@crm.example>"), new Date(), quiet)).toBe("sent");
    const mail = await smtp.waitFor((m) => m.subject?.includes("パスワードの再設定") ?? false);
    expect(mail.text).toContain("佐藤 花子 さん");
    expect(mail.text).toContain("30分間");
    expect(mail.text).toContain("https://crm.example/reset-password/abc<script>");
    expect(mail.html).toContain("https://crm.example/reset-password/abc&lt;script&gt;");
    expect(mail.html).not.toContain("<script>");
    expect(mail.from?.text).toContain("no-reply@crm.example");
    // Written by the product: auto-replies leave it alone; it is no list, so it offers no unsubscribe.
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.headers.has("list-unsubscribe")).toBe(false);
    const row = openMail(await db().mailMessage.findUniqueOrThrow({ where: { id } }));
    expect(row).toMatchObject({ status: "SENT", text: "", html: "", attempts: 1 });
    // Delivered once: a second worker finds nothing to claim.
    expect(await deliverMail(db(), id, smtpTransport(smtp.url, "x <x@crm.example>"), new Date(), quiet)).toBe("skipped");
  });

  it("English mail uses the English catalog", async () => {
    const id = await queueMail(db(), {
      to: "en@test.example",
      locale: "en",
      kind: "passwordChanged",
      values: { name: "Ann", at: "Nov 30" },
    });
    await deliverMail(db(), id, smtpTransport(smtp.url, "x <x@crm.example>"), new Date(), quiet);
    const mail = await smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes("en@test.example"));
    expect(mail.subject).toContain("Your password was changed");
  });

  it("retries a refused mail with growing delays and shows it as failed after the last attempt", async () => {
    const team = await createTeam(db());
    const id = await queueMail(db(), {
      teamId: team.id,
      to: "retry@test.example",
      locale: "ja",
      kind: "passwordChanged",
      values: { name: "A", at: "x" },
    });
    const transport = smtpTransport(smtp.url, "x <x@crm.example>");
    smtp.failNext(MAX_ATTEMPTS);
    // Relative to the clock: the queued row is due from the moment it was written.
    let now = new Date(Date.now() + 1000);
    expect(await deliverMail(db(), id, transport, now, quiet)).toBe("retry");
    let row = openMail(await db().mailMessage.findUniqueOrThrow({ where: { id } }));
    expect(row.status).toBe("QUEUED");
    expect(row.lastError).toMatch(/451/);
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(60_000);
    // Not due yet: the sweep leaves it.
    expect(await sweepMail(db(), transport, new Date(now.getTime() + 30_000), quiet)).toEqual([]);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = (await db().mailMessage.findUniqueOrThrow({ where: { id } })).nextAttemptAt;
      const outcomes = await sweepMail(db(), transport, now, quiet);
      expect(outcomes).toEqual([attempt === MAX_ATTEMPTS ? "failed" : "retry"]);
    }
    row = openMail(await db().mailMessage.findUniqueOrThrow({ where: { id } }));
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    // An admin sends it again; this time the server takes it.
    expect(await retryMail(db(), team.id, id, now)).toBe(true);
    expect(await sweepMail(db(), transport, now, quiet)).toEqual(["sent"]);
    // Another team's admin cannot touch it.
    expect(await retryMail(db(), "other-team", id, now)).toBe(false);
  });

  it("holds mail for the in-app outbox when no SMTP server is configured, and says where in the log", async () => {
    const logs: string[] = [];
    const id = await queueMail(db(), { to: "held@test.example", locale: "ja", kind: "passwordChanged", values: { name: "A", at: "x" } });
    expect(await deliverMail(db(), id, null, new Date(), (m) => logs.push(m))).toBe("held");
    const row = openMail(await db().mailMessage.findUniqueOrThrow({ where: { id } }));
    expect(row.status).toBe("HELD");
    expect(row.text).toContain("パスワードが変更されました");
    expect(logs.join("\n")).toContain("outbox");
  });

  // On the embedded database the jobs run in-process; on a server through pg-boss in that database.
  it("the job runner delivers a queued mail without anyone waiting for it", async () => {
    const transport = smtpTransport(smtp.url, "x <x@crm.example>");
    await startJobs({
      databaseUrl: getHandle().url,
      handlers: {
        "mail-deliver": async (data) => void (await deliverMail(db(), String(data.id), transport, new Date(), quiet)),
        "mail-sweep": async () => void (await sweepMail(db(), transport, new Date(), quiet)),
        "digest-weekly": async () => undefined,
        "retention-purge": async () => undefined,
      },
      every: {},
      log: quiet,
    });
    try {
      await queueMail(db(), { to: "job@test.example", locale: "ja", kind: "passwordChanged", values: { name: "B", at: "x" } });
      const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes("job@test.example"));
      expect(mail.subject).toContain("パスワードが変更されました");
    } finally {
      await stopJobs();
    }
  });

  it("a copy of the database holds no usable link: held bodies are sealed, and gone once their links expire", async () => {
    const { team, admin, nurse } = await createTeamWithRoles(db());
    const now = new Date();
    await requestPasswordReset(db(), { email: nurse.user.email, ip: null, origin: "https://crm.example" });
    await announceLock(db(), admin.user.email, null, 15, "https://crm.example", now);
    await createInvitation(
      await ctxFor(db(), admin.user.id),
      { role: "NURSE", email: "invitee@test.example", days: 30 },
      now,
      "https://crm.example",
    );
    // Held (no SMTP), as an installation without mail keeps them.
    for (const { id } of await db().mailMessage.findMany({ where: { teamId: team.id }, select: { id: true } }))
      await deliverMail(db(), id, null, new Date(), quiet);
    const raw = JSON.stringify(await db().$queryRawUnsafe(`SELECT * FROM "MailMessage"`));
    for (const path of ["/reset-password/", "/unlock/", "/invite/"]) expect(raw).not.toContain(path);
    // The admin reading held mail in the app still sees the link.
    const held = await db().mailMessage.findMany({ where: { teamId: team.id, status: "HELD" } });
    expect(held.map((m) => openMail(m).text).join("\n")).toMatch(/https:\/\/crm\.example\/(reset-password|unlock|invite)\//);
    // When every link in them has expired, their bodies go.
    await sweepMail(db(), null, new Date(now.getTime() + (MAIL_BODY_DAYS + 1) * 86_400_000), quiet);
    const later = await db().mailMessage.findMany({ where: { teamId: team.id }, select: { text: true, html: true } });
    expect(later.every((m) => m.text === "" && m.html === "")).toBe(true);
  });
});
