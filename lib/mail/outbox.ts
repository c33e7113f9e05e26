// Mail is written to the database first (MailMessage) and delivered by a job, so sending never
// blocks or fails a request. Delivery claims a row atomically (any number of workers on any number
// of app servers), retries with growing delays, and gives up visibly (FAILED, shown to admins).
import { open, seal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { DAY_MS } from "@/lib/dates";
import { kickJob } from "@/lib/jobs/runner";
import { renderMail, type MailKind, type MailSection } from "./templates";
import type { MailTransport } from "./transport";

/** Minutes to wait before attempt n+1; after the last, the mail is FAILED. */
export const RETRY_MINUTES = [1, 5, 30, 120, 360];
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
/** A SENDING row older than this belonged to a worker that died; it is queued again. */
const STUCK_MS = 10 * 60_000;

export interface QueueMailInput {
  teamId?: string | null;
  to: string;
  locale: "ja" | "en";
  kind: MailKind;
  values?: Record<string, string | number>;
  link?: string;
  sections?: MailSection[];
  /** For mail the member can turn off: where a mail client's one-click unsubscribe posts to. */
  unsubscribeUrl?: string;
}

type MailDb = Pick<Db, "mailMessage">;

/**
 * A mail's body as stored: sealed (AES-256-GCM, key outside the database), since a body may carry a
 * reset, unlock or invitation link that a copy of the database must not hand to anyone. Empty once
 * delivered.
 */
const sealBody = (body: string) => (body ? seal(body) : "");

/** The readable body of a stored mail (for delivery, and an admin reading held mail). */
export function openMail<T extends { text: string; html: string }>(mail: T): T {
  const read = (v: string) => (v.startsWith("v1.") ? open(v) : v);
  return { ...mail, text: read(mail.text), html: read(mail.html) };
}

export async function queueMail(db: MailDb, input: QueueMailInput): Promise<string> {
  const rendered = renderMail(input.locale, input.kind, input.values ?? {}, input.link, input.sections);
  const row = await db.mailMessage.create({
    data: {
      teamId: input.teamId ?? null,
      toEmail: input.to,
      kind: input.kind,
      subject: rendered.subject,
      text: sealBody(rendered.text),
      html: sealBody(rendered.html),
      unsubscribeUrl: input.unsubscribeUrl ?? null,
    },
    select: { id: true },
  });
  kickJob("mail-deliver", { id: row.id });
  return row.id;
}

/**
 * Every mail is written by the product, not by a person (RFC 3834): out-of-office replies and
 * auto-forwarding rules leave it alone. Mail a member can turn off says how (RFC 2369, RFC 8058).
 */
export function mailHeaders(mail: { unsubscribeUrl: string | null }): Record<string, string> {
  return {
    "Auto-Submitted": "auto-generated",
    "X-Auto-Response-Suppress": "All",
    ...(mail.unsubscribeUrl
      ? { "List-Unsubscribe": `<${mail.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
      : {}),
  };
}

export type DeliveryOutcome = "sent" | "held" | "retry" | "failed" | "skipped";

/**
 * Delivers one queued mail. Without a transport the mail is HELD for admins to read (the server log
 * says where). A delivered mail keeps its subject and recipient but drops its body, which may hold a
 * one-time link.
 */
export async function deliverMail(
  db: MailDb,
  id: string,
  transport: MailTransport | null,
  now = new Date(),
  log: (msg: string) => void = console.log,
): Promise<DeliveryOutcome> {
  const claimed = await db.mailMessage.updateMany({
    where: { id, status: "QUEUED", nextAttemptAt: { lte: now } },
    data: { status: "SENDING", attempts: { increment: 1 }, nextAttemptAt: now },
  });
  if (claimed.count !== 1) return "skipped";
  const mail = openMail(await db.mailMessage.findUniqueOrThrow({ where: { id } }));
  if (!transport) {
    await db.mailMessage.update({ where: { id }, data: { status: "HELD" } });
    log(`[mail] SMTP_URL is not set: "${mail.subject}" to ${mail.toEmail} is held in the outbox (設定 → メール送信).`);
    return "held";
  }
  try {
    await transport.send({ to: mail.toEmail, subject: mail.subject, text: mail.text, html: mail.html, headers: mailHeaders(mail) });
    await db.mailMessage.update({
      where: { id },
      data: { status: "SENT", sentAt: new Date(), lastError: null, text: "", html: "" },
    });
    return "sent";
  } catch (e) {
    const lastError = String((e as Error).message ?? e).slice(0, 500);
    if (mail.attempts >= MAX_ATTEMPTS) {
      await db.mailMessage.update({ where: { id }, data: { status: "FAILED", lastError } });
      log(`[mail] giving up on "${mail.subject}" to ${mail.toEmail} after ${mail.attempts} attempts: ${lastError}`);
      return "failed";
    }
    const retryAt = new Date(now.getTime() + RETRY_MINUTES[mail.attempts - 1] * 60_000);
    await db.mailMessage.update({ where: { id }, data: { status: "QUEUED", lastError, nextAttemptAt: retryAt } });
    kickJob("mail-deliver", { id }, retryAt);
    return "retry";
  }
}

/** Days after which no link a mail carries still works (invitations last 30): its body goes. */
export const MAIL_BODY_DAYS = 31;

/** Delivers every mail that is due, and requeues rows a dead worker left SENDING. */
export async function sweepMail(db: MailDb, transport: MailTransport | null, now = new Date(), log?: (msg: string) => void) {
  // Held or failed mail keeps its body for an admin to read or resend until its links have expired.
  await db.mailMessage.updateMany({
    where: {
      status: { in: ["HELD", "FAILED"] },
      createdAt: { lt: new Date(now.getTime() - MAIL_BODY_DAYS * DAY_MS) },
      text: { not: "" },
    },
    data: { text: "", html: "" },
  });
  await db.mailMessage.updateMany({
    where: { status: "SENDING", nextAttemptAt: { lt: new Date(now.getTime() - STUCK_MS) } },
    data: { status: "QUEUED" },
  });
  const due = await db.mailMessage.findMany({
    where: { status: "QUEUED", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: 50,
    select: { id: true },
  });
  const outcomes: DeliveryOutcome[] = [];
  for (const { id } of due) outcomes.push(await deliverMail(db, id, transport, now, log));
  return outcomes;
}

/** Sends a failed or held mail again (an admin's action). */
export async function retryMail(db: MailDb, teamId: string, id: string, now = new Date()) {
  const res = await db.mailMessage.updateMany({
    where: { id, teamId, status: { in: ["FAILED", "HELD"] } },
    data: { status: "QUEUED", attempts: 0, nextAttemptAt: now },
  });
  if (res.count === 1) kickJob("mail-deliver", { id });
  return res.count === 1;
}
