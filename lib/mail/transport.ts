// The SMTP connection, from SMTP_URL. Without it there is no transport and mail is held in the outbox.
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

export interface MailTransport {
  send(mail: { to: string; subject: string; text: string; html: string; headers?: Record<string, string> }): Promise<void>;
}

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter: Transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail({ from, ...mail });
    },
  };
}

let cached: { url: string; transport: MailTransport } | undefined;

/** The configured transport, or null when SMTP_URL is not set. */
export function configuredTransport(): MailTransport | null {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) return null;
  if (cached?.url !== SMTP_URL) cached = { url: SMTP_URL, transport: smtpTransport(SMTP_URL, MAIL_FROM) };
  return cached.transport;
}
