// In-app notifications for the other side of a review: the bell's unread count and its list.
import type { TeamCtx } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";

export const NOTIFICATION_KINDS = [
  "review.started",
  "review.self",
  "review.comment",
  "review.reply",
  "review.action",
  "review.actionDone",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** "review.actionDone" → "reviewActionDone": catalog keys cannot contain dots. */
export const notificationMessageKey = (kind: string) => kind.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());

type Tx = Pick<Prisma.TransactionClient, "notification">;

export async function notify(tx: Tx, ctx: TeamCtx, userId: string, kind: NotificationKind, reviewId: string) {
  if (userId === ctx.userId) return;
  await tx.notification.create({ data: { teamId: ctx.teamId, userId, kind, reviewId, actorId: ctx.userId } });
}

/** The latest notifications with who caused them; opening the list marks them read. */
export async function listNotifications(ctx: TeamCtx, take = 50) {
  const rows = await ctx.db.notification.findMany({
    where: { teamId: ctx.teamId, userId: ctx.userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, reviewId: true, actorId: true, readAt: true, createdAt: true },
  });
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  // No round trip for an empty list (Prisma would still send `WHERE 1=0`).
  const actors =
    actorIds.length === 0 ? [] : await ctx.db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({ ...r, kind: r.kind as NotificationKind, actor: r.actorId ? (names.get(r.actorId) ?? "") : "" }));
}

export async function markAllRead(ctx: TeamCtx, now = new Date()) {
  await ctx.db.notification.updateMany({ where: { teamId: ctx.teamId, userId: ctx.userId, readAt: null }, data: { readAt: now } });
}
