// Typed links between two key persons of the team (influences, introduced by, works closely with,
// in conflict with), drawn on the map with a note.
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { createLinkSchema } from "./link-schemas";

export async function createLink(ctx: TeamCtx, input: z.infer<typeof createLinkSchema>) {
  const found = await ctx.db.keyPerson.count({ where: { teamId: ctx.teamId, id: { in: [input.fromId, input.toId] } } });
  if (found !== 2) throw new AppError("notFound");
  return ctx.db.$transaction(async (tx) => {
    const link = await tx.personLink.create({
      data: { ...input, teamId: ctx.teamId, createdById: ctx.userId },
      select: { id: true, fromId: true, toId: true, type: true, note: true },
    });
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "link.create",
      entityType: "PersonLink",
      entityId: link.id,
      detail: { type: link.type },
    });
    return link;
  });
}

export async function deleteLink(ctx: TeamCtx, id: string) {
  await ctx.db.$transaction(async (tx) => {
    const gone = await tx.personLink.deleteMany({ where: { id, teamId: ctx.teamId } });
    if (gone.count === 0) throw new AppError("notFound");
    await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: "link.delete", entityType: "PersonLink", entityId: id });
  });
}
