// The team's own risk scale for case outcomes, worst first (e.g. 要医療 / 要観察 / 改善 / 問題なし).
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { riskLevels } from "./cases";

export const riskScaleSchema = z.object({
  labels: z
    .string()
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(30, "tooLong")).min(2, "atLeastTwoLevels").max(10, "tooMany")),
});

/** Renames levels in place and adds new ones; a level already used in an assessment cannot be removed. */
export async function saveRiskScale(ctx: TeamCtx, labels: string[]) {
  if (new Set(labels).size !== labels.length) throw new AppError("validation", "validation", { labels: ["duplicateLevel"] });
  const current = await riskLevels(ctx);
  const removed = current.filter((l) => l.rank > labels.length);
  if (removed.length) {
    const used = await ctx.db.caseAssessment.count({ where: { teamId: ctx.teamId, riskLevelId: { in: removed.map((r) => r.id) } } });
    if (used) throw new AppError("validation", "validation", { labels: ["levelInUse"] });
  }
  await ctx.db.$transaction(async (tx) => {
    // Move ranks out of the way first so the (team, rank) unique key never collides mid-update.
    await tx.riskLevel.updateMany({ where: { teamId: ctx.teamId }, data: { rank: { increment: 1000 } } });
    for (const [i, label] of labels.entries()) {
      const existing = current[i];
      if (existing) await tx.riskLevel.update({ where: { id: existing.id }, data: { label, rank: i + 1 } });
      else await tx.riskLevel.create({ data: { teamId: ctx.teamId, label, rank: i + 1 } });
    }
    if (removed.length) await tx.riskLevel.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "team.riskScale",
      entityType: "Team",
      entityId: ctx.teamId,
      detail: { labels },
    });
  });
}
