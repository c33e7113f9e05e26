// Changing key persons. Every stance change is kept; a stale edit is refused, never overwritten.
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Stance } from "@/lib/generated/prisma/enums";
import { searchKey } from "@/lib/search/normalize";
import { escapeLike } from "@/lib/search/like";
import { getKeyPerson } from "./queries";
import type { changeStanceSchema, createKeyPersonSchema, keyPersonFields, updateKeyPersonSchema } from "./schemas";

type Fields = z.infer<typeof keyPersonFields>;

/** How far up a reporting line is followed (a longer chain is not a real organisation). */
const MAX_CHAIN = 100;

/**
 * The reporting line up from `bossId`: that person, his boss, and so on. Null when `bossId` is not a
 * person of the team. Placing someone under `bossId` closes a loop exactly when he is on this chain.
 */
export async function reportingChain(db: Pick<TeamCtx["db"], "keyPerson">, teamId: string, bossId: string): Promise<string[] | null> {
  const chain: string[] = [];
  for (let at: string | null = bossId; at && chain.length < MAX_CHAIN && !chain.includes(at);) {
    const up: { reportsToId: string | null } | null = await db.keyPerson.findFirst({
      where: { id: at, teamId },
      select: { reportsToId: true },
    });
    if (!up) return chain.length ? chain : null;
    chain.push(at);
    at = up.reportsToId;
  }
  return chain;
}

/** Links must point into the same team: department, boss (no cycles) and an active owner. */
export async function checkLinks(ctx: TeamCtx, input: Pick<Fields, "departmentId" | "reportsToId" | "ownerId">, selfId?: string) {
  const errors: Record<string, string[]> = {};
  if (input.departmentId) {
    const d = await ctx.db.department.count({ where: { id: input.departmentId, teamId: ctx.teamId } });
    if (!d) errors.departmentId = ["notFound"];
  }
  if (input.ownerId) {
    const m = await ctx.db.membership.count({ where: { userId: input.ownerId, teamId: ctx.teamId, status: "ACTIVE" } });
    if (!m) errors.ownerId = ["notFound"];
  }
  if (input.reportsToId) {
    if (input.reportsToId === selfId) errors.reportsToId = ["reportingCycle"];
    else {
      const chain = await reportingChain(ctx.db, ctx.teamId, input.reportsToId);
      if (!chain) errors.reportsToId = ["notFound"];
      else if (selfId && chain.includes(selfId)) errors.reportsToId = ["reportingCycle"];
    }
  }
  if (Object.keys(errors).length) throw new AppError("validation", "validation", errors);
}

function data(input: Fields) {
  return {
    name: input.name,
    nameKana: input.nameKana,
    title: input.title,
    departmentId: input.departmentId ?? null,
    kind: input.kind,
    reportsToId: input.reportsToId ?? null,
    ownerId: input.ownerId ?? null,
    stance: input.stance,
    influence: input.influence,
    interest: input.interest,
    resistanceReason: input.resistanceReason ?? null,
    painPoints: input.painPoints,
    values: input.values,
    bestTiming: input.bestTiming,
    preferredChannel: input.preferredChannel ?? null,
    tags: input.tags,
    notes: input.notes,
    externalId: input.externalId ?? null,
  };
}

/**
 * People of the team already known under this name (spelling variants, widths and kana folded as the
 * search does), or with the same reading in the same department (森本 由香里 / 森本 ゆかり): the same
 * person typed twice splits every touchpoint, request and review between two.
 */
async function namesakes(ctx: TeamCtx, input: { name: string; nameKana: string; departmentId?: string | null }) {
  const key = searchKey(input.name);
  if (!key) return [];
  const reading = searchKey(input.nameKana);
  const candidates = await ctx.db.keyPerson.findMany({
    where: {
      teamId: ctx.teamId,
      archivedAt: null,
      OR: [
        { searchKey: { contains: escapeLike(key) } },
        ...(reading && input.departmentId ? [{ departmentId: input.departmentId, nameSort: reading }] : []),
      ],
    },
    take: 50,
    select: { id: true, name: true, nameKana: true, departmentId: true, title: true, department: { select: { name: true } } },
  });
  return candidates
    .filter(
      (c) =>
        searchKey(c.name) === key ||
        (reading !== "" && input.departmentId && c.departmentId === input.departmentId && searchKey(c.nameKana) === reading),
    )
    .map((c) => ({ id: c.id, name: c.name, title: c.title, department: c.department?.name ?? null }));
}

export async function createKeyPerson(ctx: TeamCtx, input: z.infer<typeof createKeyPersonSchema>) {
  await checkLinks(ctx, input);
  if (!input.allowDuplicate) {
    const same = await namesakes(ctx, input);
    if (same.length) throw new AppError("conflict", "possibleDuplicate", undefined, same);
  }
  return ctx.db.$transaction(async (tx) => {
    const person = await tx.keyPerson.create({
      data: { ...data(input), ownerId: input.ownerId ?? ctx.userId, teamId: ctx.teamId },
      select: { id: true },
    });
    await tx.stanceChange.create({
      data: { teamId: ctx.teamId, keyPersonId: person.id, toStance: input.stance, reason: input.stanceReason, changedById: ctx.userId },
    });
    return person;
  });
}

export async function updateKeyPerson(ctx: TeamCtx, input: z.infer<typeof updateKeyPersonSchema>) {
  const before = await getKeyPerson(ctx, input.id);
  if (before.version !== input.version) throw new AppError("conflict", "staleEdit", undefined, before);
  await checkLinks(ctx, input, input.id);
  const saved = await ctx.db.$transaction(async (tx) => {
    // The version in the WHERE makes the check and the write one step: a save in between loses.
    const res = await tx.keyPerson.updateMany({
      where: { id: input.id, teamId: ctx.teamId, version: input.version },
      data: { ...data(input), version: { increment: 1 } },
    });
    if (res.count !== 1) return false;
    if (before.stance !== input.stance) {
      await tx.stanceChange.create({
        data: {
          teamId: ctx.teamId,
          keyPersonId: input.id,
          fromStance: before.stance as Stance,
          toStance: input.stance,
          reason: input.stanceReason,
          changedById: ctx.userId,
        },
      });
    }
    return true;
  });
  // Someone saved between the check and the write: show what is there now.
  if (!saved) throw new AppError("conflict", "staleEdit", undefined, await getKeyPerson(ctx, input.id));
  return { id: input.id, version: before.version + 1 };
}

export async function setArchived(ctx: TeamCtx, id: string, archived: boolean) {
  const res = await ctx.db.keyPerson.updateMany({
    where: { id, teamId: ctx.teamId },
    data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
  });
  if (res.count !== 1) throw new AppError("notFound");
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: archived ? "keyPerson.archive" : "keyPerson.restore",
    entityType: "KeyPerson",
    entityId: id,
  });
}

/** Sets only the reporting line (from the map's "unplaced people"), refusing loops like the form. */
export async function setReportsTo(ctx: TeamCtx, id: string, reportsToId: string) {
  const before = await getKeyPerson(ctx, id);
  await checkLinks(ctx, { departmentId: null, ownerId: null, reportsToId }, id);
  await ctx.db.$transaction(async (tx) => {
    await tx.keyPerson.update({ where: { id: before.id }, data: { reportsToId, version: { increment: 1 } } });
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "keyPerson.update",
      entityType: "KeyPerson",
      entityId: id,
      detail: { reportsToId },
    });
  });
}

/** The stance alone, from the person page (two taps on a phone): kept in the history with its reason. */
export async function changeStance(ctx: TeamCtx, input: z.infer<typeof changeStanceSchema>) {
  const before = await getKeyPerson(ctx, input.id);
  if (before.version !== input.version) throw new AppError("conflict", "staleEdit", undefined, before);
  if (before.stance === input.stance) return { id: input.id, version: before.version };
  const saved = await ctx.db.$transaction(async (tx) => {
    const res = await tx.keyPerson.updateMany({
      where: { id: input.id, teamId: ctx.teamId, version: input.version },
      data: { stance: input.stance, version: { increment: 1 } },
    });
    if (res.count !== 1) return false;
    await tx.stanceChange.create({
      data: {
        teamId: ctx.teamId,
        keyPersonId: input.id,
        fromStance: before.stance as Stance,
        toStance: input.stance,
        reason: input.reason,
        changedById: ctx.userId,
      },
    });
    return true;
  });
  if (!saved) throw new AppError("conflict", "staleEdit", undefined, await getKeyPerson(ctx, input.id));
  return { id: input.id, version: before.version + 1 };
}
