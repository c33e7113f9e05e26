// Who is looking at a review: its mentee, its mentor (or the mentee's current mentor), or an admin.
// Everyone else gets "not found".
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { canCoach } from "@/lib/map/access";
import { can } from "@/lib/auth/permissions";

export type ReviewRole = "mentor" | "mentee";

export async function reviewFor(ctx: TeamCtx, id: string) {
  const review = await ctx.db.mentorReview.findFirst({
    where: { id, teamId: ctx.teamId },
    select: { id: true, mentorId: true, menteeId: true, status: true, version: true, createdAt: true },
  });
  if (!review) throw new AppError("notFound");
  if (review.menteeId === ctx.userId) return { review, as: "mentee" as ReviewRole };
  if (can(ctx.role, "reviews.write") && (review.mentorId === ctx.userId || (await canCoach(ctx, review.menteeId)))) {
    return { review, as: "mentor" as ReviewRole };
  }
  throw new AppError("notFound");
}
