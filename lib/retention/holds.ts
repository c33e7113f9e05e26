// Legal holds: a case or a person kept past its retention period (a dispute, a workers' compensation
// claim, an inspector's request). A hold stops the purge and erasure until an admin lifts it; setting
// and lifting are audit-logged with the reason, a choice never free text.
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { LEGAL_HOLD_REASONS } from "./reasons";

export const holdSchema = z.object({
  kind: z.enum(["Case", "KeyPerson"]),
  id: z.string().min(1).max(64),
  // null lifts the hold.
  reason: z.enum(LEGAL_HOLD_REASONS, { message: "invalidChoice" }).nullable(),
});

export async function setLegalHold(ctx: TeamCtx, input: z.infer<typeof holdSchema>, now = new Date()) {
  requirePermission(ctx, "retention.manage");
  const where = { id: input.id, teamId: ctx.teamId };
  const data = { legalHold: input.reason, legalHoldAt: input.reason ? now : null };
  const res = input.kind === "Case" ? await ctx.db.case.updateMany({ where, data }) : await ctx.db.keyPerson.updateMany({ where, data });
  if (res.count !== 1) throw new AppError("notFound");
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: input.reason ? "retention.hold" : "retention.release",
    entityType: input.kind,
    entityId: input.id,
    detail: input.reason ? { reason: input.reason } : undefined,
  });
}

/** Everything under a hold, for the retention page. Cases show their kind, never the employee. */
export async function listHolds(ctx: TeamCtx) {
  requirePermission(ctx, "retention.manage");
  const [cases, people] = await Promise.all([
    ctx.db.case.findMany({
      where: { teamId: ctx.teamId, legalHold: { not: null } },
      orderBy: { legalHoldAt: "asc" },
      take: 200,
      select: { id: true, kind: true, legalHold: true, legalHoldAt: true },
    }),
    ctx.db.keyPerson.findMany({
      where: { teamId: ctx.teamId, legalHold: { not: null } },
      orderBy: { legalHoldAt: "asc" },
      take: 200,
      select: { id: true, name: true, legalHold: true, legalHoldAt: true },
    }),
  ]);
  return { cases, people };
}
