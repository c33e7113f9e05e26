// The signed-in user's own preferences.
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/config";

export async function setUserLocale(ctx: TeamCtx, locale: AppLocale) {
  await ctx.db.user.update({ where: { id: ctx.userId }, data: { locale } });
}

/** Only a team the user is an active member of can be switched to. */
export function assertCanSwitch(ctx: TeamCtx, teamId: string) {
  if (!ctx.teams.some((t) => t.id === teamId)) throw new AppError("notFound");
}
