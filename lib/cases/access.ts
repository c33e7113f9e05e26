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

export async function auditCase(tx: Pick<TeamCtx["db"], "auditLog">, ctx: TeamCtx, action: string, caseId: string | null, detail?: Prisma.InputJsonValue) {
  await tx.auditLog.create({ data: { teamId: ctx.teamId, actorId: ctx.userId, action, entityType: "Case", entityId: caseId, detail } });
}
