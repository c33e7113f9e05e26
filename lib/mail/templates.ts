// Mail bodies from the message catalogs ("mail.<kind>"): a subject, paragraphs, an optional link,
// as plain text and as simple HTML. Values are escaped in the HTML; the link is the only markup.
import { translatorFor } from "@/lib/i18n/translator";

export const MAIL_KINDS = [
  "passwordReset",
  "passwordResetByAdmin",
  "passwordChanged",
  "securityChanged",
  "invitation",
  "signInLocked",
  "weeklyDigest",
] as const;

/** A titled list inside a mail (the weekly digest's sections); lines are plain text. */
export interface MailSection {
  heading: string;
  lines: string[];
}
export type MailKind = (typeof MAIL_KINDS)[number];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export function renderMail(
  locale: "ja" | "en",
  kind: MailKind,
  values: Record<string, string | number>,
  link?: string,
  sections: MailSection[] = [],
): RenderedMail {
  const t = translatorFor(locale);
  const subject = `${t(`mail.${kind}.subject`, values)} | ${t("app.name")}`;
  const paragraphs = t(`mail.${kind}.body`, values).split(/\n{2,}/);
  const footer = t("mail.footer", { app: t("app.name") });
  const action = link ? t(`mail.${kind}.action`, values) : null;

  const text = [
    ...paragraphs,
    ...sections.map((sec) => [`■ ${sec.heading}`, ...sec.lines.map((l) => `・${l}`)].join("\n")),
    ...(link && action ? [`${action}:\n${link}`] : []),
    "--",
    footer,
  ].join("\n\n");

  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s).replace(/\n/g, "<br>")}</p>`;
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:sans-serif;line-height:1.7;color:#1c1917;max-width:560px;margin:0 auto;padding:24px">`,
    ...paragraphs.map(p),
    ...sections.map(
      (sec) =>
        `<h2 style="font-size:15px;margin:20px 0 8px">${escapeHtml(sec.heading)}</h2><ul style="margin:0 0 16px;padding-left:20px">${sec.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`,
    ),
    ...(link && action
      ? [
          `<p style="margin:24px 0"><a href="${escapeHtml(link)}" style="background:#0f766e;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>`,
          `<p style="margin:0 0 16px;font-size:13px;color:#57534e;word-break:break-all">${escapeHtml(link)}</p>`,
        ]
      : []),
    `<hr style="border:none;border-top:1px solid #e7e5e4;margin:24px 0">`,
    `<p style="font-size:12px;color:#78716c">${escapeHtml(footer)}</p>`,
    `</body></html>`,
  ].join("\n");
  return { subject, text, html };
}
