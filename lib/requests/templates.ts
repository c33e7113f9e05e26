// Request templates, written and kept by the team.
import type { z } from "zod";
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { saveTemplateSchema } from "./schemas";

export async function saveTemplate(ctx: TeamCtx, input: z.infer<typeof saveTemplateSchema>) {
  const { id, version, ...fields } = input;
  const data = { ...fields, effortMinutes: fields.effortMinutes ?? null, fallbackMinutes: fields.fallbackMinutes ?? null };
  if (!id) return ctx.db.requestTemplate.create({ data: { ...data, teamId: ctx.teamId }, select: { id: true } });
  const res = await ctx.db.requestTemplate.updateMany({
    where: { id, teamId: ctx.teamId, version: version ?? -1 },
    data: { ...data, version: { increment: 1 } },
  });
  if (res.count !== 1) {
    if (!(await ctx.db.requestTemplate.count({ where: { id, teamId: ctx.teamId } }))) throw new AppError("notFound");
    throw new AppError("conflict", "staleEdit");
  }
  return { id };
}

export async function archiveTemplate(ctx: TeamCtx, id: string) {
  const res = await ctx.db.requestTemplate.updateMany({ where: { id, teamId: ctx.teamId }, data: { archivedAt: new Date() } });
  if (res.count !== 1) throw new AppError("notFound");
}
