// Who may see whose map and reviews: a mentor her own mentees, admins everyone, a nurse herself.
// Anything else is "not found", so another nurse cannot even learn that a review exists.
import type { TeamCtx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** The mentees a mentor may open (all active members for admins). */
export async function menteesOf(ctx: TeamCtx): Promise<{ id: string; name: string }[]> {
  if (can(ctx.role, "reviews.readAll")) {
    const members = await ctx.db.membership.findMany({
      where: { teamId: ctx.teamId, status: "ACTIVE", userId: { not: ctx.userId } },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    });
    return members.map((m) => m.user);
  }
  const assigned = await ctx.db.mentorAssignment.findMany({
    where: { teamId: ctx.teamId, mentorId: ctx.userId },
    select: { mentee: { select: { id: true, name: true } } },
    orderBy: { mentee: { name: "asc" } },
  });
  return assigned.map((a) => a.mentee);
}

/** May ctx look at this nurse's map and reviews as her mentor (or an admin)? */
export async function canCoach(ctx: TeamCtx, menteeId: string): Promise<boolean> {
  if (menteeId === ctx.userId) return false;
  if (can(ctx.role, "reviews.readAll")) {
    return (await ctx.db.membership.count({ where: { teamId: ctx.teamId, userId: menteeId, status: "ACTIVE" } })) > 0;
  }
  return (await ctx.db.mentorAssignment.count({ where: { teamId: ctx.teamId, mentorId: ctx.userId, menteeId } })) > 0;
}

export async function requireCoach(ctx: TeamCtx, menteeId: string) {
  if (!(await canCoach(ctx, menteeId))) throw new AppError("notFound");
}
