// The team's outbox for admins: what was sent to its members, what is held or failed.
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { openMail } from "./outbox";

export const OUTBOX_PAGE_SIZE = 30;

export async function listMail(ctx: TeamCtx, page: number) {
  const where = { teamId: ctx.teamId };
  const [total, failed, rows] = await Promise.all([
    ctx.db.mailMessage.count({ where }),
    ctx.db.mailMessage.count({ where: { ...where, status: "FAILED" } }),
    ctx.db.mailMessage.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: { id: true, toEmail: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
    }),
  ]);
  return { total, failed, rows, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}

export async function failedMailCount(ctx: TeamCtx) {
  return ctx.db.mailMessage.count({ where: { teamId: ctx.teamId, status: "FAILED" } });
}

/** One mail with its body (held mail can carry a link): reading it is audit-logged. */
export async function readMail(ctx: TeamCtx, id: string) {
  const mail = await ctx.db.mailMessage.findFirst({ where: { id, teamId: ctx.teamId } });
  if (!mail) return null;
  await audit(ctx.db, { teamId: ctx.teamId, actorId: ctx.userId, action: "mail.read", entityType: "MailMessage", entityId: id });
  return openMail(mail);
}
