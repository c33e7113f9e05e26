// Who may read a case: the nurses assigned to it, and admins. Everyone else gets "not found".
// Every read, change and export of case data is written to the audit log.
import type { TeamCtx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

export function readableCases(ctx: TeamCtx): Prisma.CaseWhereInput {
  return {
    teamId: ctx.teamId,
    deletedAt: null,
    ...(can(ctx.role, "cases.readAll") ? {} : { nurses: { some: { userId: ctx.userId } } }),
  };
}

/** Cases that take new records: readable, and consent not withdrawn. */
export function writableCases(ctx: TeamCtx): Prisma.CaseWhereInput {
  return { ...readableCases(ctx), withdrawnAt: null };
}

/** Why a record cannot be linked to this case: not readable, or consent withdrawn (none: it can). */
export async function caseLinkProblem(ctx: TeamCtx, caseId: string): Promise<"notFound" | "caseWithdrawn" | null> {
  const c = await ctx.db.case.findFirst({ where: { id: caseId, ...readableCases(ctx) }, select: { withdrawnAt: true } });
  if (!c) return "notFound";
  return c.withdrawnAt ? "caseWithdrawn" : null;
}

/** Cases in lists, counts and dashboards: not deleted, consent not withdrawn. */
export const liveCase = { deletedAt: null, withdrawnAt: null } as const;
