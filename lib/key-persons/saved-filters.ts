// Saved list filters, per user and team.
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

export const KEY_PERSON_AREA = "keyPersons";

export async function listSavedFilters(ctx: TeamCtx, area = KEY_PERSON_AREA) {
  const rows = await ctx.db.savedFilter.findMany({
    where: { teamId: ctx.teamId, userId: ctx.userId, area },
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, query: typeof r.query === "string" ? r.query : "" }));
}

export async function saveFilter(ctx: TeamCtx, input: { name: string; query: string }, area = KEY_PERSON_AREA) {
  return ctx.db.savedFilter.upsert({
    where: { teamId_userId_area_name: { teamId: ctx.teamId, userId: ctx.userId, area, name: input.name } },
    create: { teamId: ctx.teamId, userId: ctx.userId, area, name: input.name, query: input.query },
    update: { query: input.query },
    select: { id: true },
  });
}

export async function deleteSavedFilter(ctx: TeamCtx, id: string) {
  const res = await ctx.db.savedFilter.deleteMany({ where: { id, teamId: ctx.teamId, userId: ctx.userId } });
  if (res.count !== 1) throw new AppError("notFound");
}
