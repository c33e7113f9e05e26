// Initiatives (施策 / お試し企画): idea → proposed → pilot → evaluated → adopted / expanded, or
// stopped with a reason. Every move is dated; results per run feed the success figures.
import type { z } from "zod";
import type { TeamCtx } from "@/lib/auth/context";
import { dateOnlyOf, tokyoToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canMove, NEEDS_RESULTS, type createInitiativeSchema, type moveSchema, type resultSchema, type Stage } from "./schemas";

type Fields = z.infer<typeof createInitiativeSchema>;

async function checkLinks(ctx: TeamCtx, input: Fields) {
  const errors: Record<string, string[]> = {};
  const uniq = <T>(a: T[]) => [...new Set(a)];
  if (
    (await ctx.db.department.count({ where: { teamId: ctx.teamId, id: { in: input.departmentIds } } })) !== uniq(input.departmentIds).length
  )
    errors.departmentIds = ["notFound"];
  if ((await ctx.db.keyPerson.count({ where: { teamId: ctx.teamId, id: { in: input.championIds } } })) !== uniq(input.championIds).length)
    errors.championIds = ["notFound"];
  if (
    (await ctx.db.membership.count({ where: { teamId: ctx.teamId, status: "ACTIVE", userId: { in: input.ownerIds } } })) !==
    uniq(input.ownerIds).length
  )
    errors.ownerIds = ["notFound"];
  if (input.plannedStartOn && input.plannedEndOn && input.plannedEndOn < input.plannedStartOn) errors.plannedEndOn = ["endBeforeStart"];
  if (Object.keys(errors).length) throw new AppError("validation", "validation", errors);
}

function data(input: Fields) {
  return {
    title: input.title,
    kind: input.kind,
    description: input.description,
    plannedStartOn: dateOnlyOf(input.plannedStartOn),
    plannedEndOn: dateOnlyOf(input.plannedEndOn),
    effortMinutes: input.effortMinutes ?? null,
    indicatorName: input.indicatorName,
    indicatorUnit: input.indicatorUnit,
    indicatorLowerIsBetter: input.indicatorLowerIsBetter,
    goodExample: input.goodExample,
  };
}

function links(ctx: TeamCtx, input: Fields) {
  return {
    departments: { create: [...new Set(input.departmentIds)].map((departmentId) => ({ departmentId, teamId: ctx.teamId })) },
    champions: { create: [...new Set(input.championIds)].map((keyPersonId) => ({ keyPersonId, teamId: ctx.teamId })) },
    owners: { create: [...new Set(input.ownerIds)].map((userId) => ({ userId, teamId: ctx.teamId })) },
  };
}

export async function createInitiative(ctx: TeamCtx, input: Fields) {
  await checkLinks(ctx, input);
  return ctx.db.$transaction(async (tx) => {
    const i = await tx.initiative.create({ data: { ...data(input), teamId: ctx.teamId, ...links(ctx, input) }, select: { id: true } });
    await tx.initiativeStageChange.create({ data: { teamId: ctx.teamId, initiativeId: i.id, toStage: "IDEA", changedById: ctx.userId } });
    return i;
  });
}

export async function updateInitiative(ctx: TeamCtx, input: Fields & { id: string; version: number }) {
  if (!(await ctx.db.initiative.count({ where: { id: input.id, teamId: ctx.teamId } }))) throw new AppError("notFound");
  await checkLinks(ctx, input);
  await ctx.db.$transaction(async (tx) => {
    const res = await tx.initiative.updateMany({
      where: { id: input.id, teamId: ctx.teamId, version: input.version },
      data: { ...data(input), version: { increment: 1 } },
    });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    await tx.initiativeDepartment.deleteMany({ where: { initiativeId: input.id } });
    await tx.initiativeChampion.deleteMany({ where: { initiativeId: input.id } });
    await tx.initiativeOwner.deleteMany({ where: { initiativeId: input.id } });
    await tx.initiative.update({ where: { id: input.id }, data: links(ctx, input) });
  });
  return { id: input.id };
}

export async function moveInitiative(ctx: TeamCtx, input: z.infer<typeof moveSchema>, now = new Date()) {
  const i = await ctx.db.initiative.findFirst({
    where: { id: input.id, teamId: ctx.teamId },
    select: { id: true, stage: true, version: true, actualStartOn: true, actualEndOn: true, _count: { select: { results: true } } },
  });
  if (!i) throw new AppError("notFound");
  if (i.version !== input.version) throw new AppError("conflict", "staleEdit");
  const from = i.stage as Stage;
  if (!canMove(from, input.to)) throw new AppError("conflict", "invalidTransition");
  if (input.to === "STOPPED" && !input.reason) throw new AppError("validation", "validation", { reason: ["stopReasonRequired"] });
  if (NEEDS_RESULTS.includes(input.to) && i._count.results === 0) throw new AppError("validation", "validation", { to: ["needsResults"] });
  const today = tokyoToday(now);
  const update: Prisma.InitiativeUpdateManyMutationInput = { stage: input.to, version: { increment: 1 } };
  if (input.to === "PILOT" && !i.actualStartOn) update.actualStartOn = today;
  if (NEEDS_RESULTS.includes(input.to) && !i.actualEndOn) update.actualEndOn = today;
  if (input.to === "STOPPED") update.stoppedReason = input.reason;
  await ctx.db.$transaction(async (tx) => {
    const res = await tx.initiative.updateMany({ where: { id: i.id, teamId: ctx.teamId, version: input.version }, data: update });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    await tx.initiativeStageChange.create({
      data: {
        teamId: ctx.teamId,
        initiativeId: i.id,
        fromStage: from,
        toStage: input.to,
        reason: input.reason,
        changedById: ctx.userId,
        changedAt: now,
      },
    });
  });
  return { id: i.id, stage: input.to };
}

export async function addResult(ctx: TeamCtx, input: z.infer<typeof resultSchema>) {
  if (!(await ctx.db.initiative.count({ where: { id: input.initiativeId, teamId: ctx.teamId } }))) throw new AppError("notFound");
  return ctx.db.initiativeResult.create({
    data: {
      teamId: ctx.teamId,
      initiativeId: input.initiativeId,
      runOn: dateOnlyOf(input.runOn)!,
      participants: input.participants,
      targetHeadcount: input.targetHeadcount,
      satisfactionMean: input.satisfactionMean ?? null,
      satisfactionResponses: input.satisfactionResponses,
      indicatorBefore: input.indicatorBefore ?? null,
      indicatorAfter: input.indicatorAfter ?? null,
      comments: input.comments,
    },
    select: { id: true },
  });
}

export async function listInitiatives(ctx: TeamCtx, f: { stage?: Stage; kind?: string; departmentId?: string } = {}) {
  return ctx.db.initiative.findMany({
    where: {
      teamId: ctx.teamId,
      ...(f.stage ? { stage: f.stage } : {}),
      ...(f.kind ? { kind: f.kind as "OTHER" } : {}),
      ...(f.departmentId ? { departments: { some: { departmentId: f.departmentId } } } : {}),
    },
    orderBy: [{ updatedAt: "desc" }],
    take: 300,
    select: {
      id: true,
      title: true,
      kind: true,
      stage: true,
      version: true,
      plannedStartOn: true,
      updatedAt: true,
      owners: { select: { user: { select: { name: true } } } },
      departments: { select: { department: { select: { name: true } } } },
      _count: { select: { results: true } },
    },
  });
}

export async function getInitiative(ctx: TeamCtx, id: string) {
  const i = await ctx.db.initiative.findFirst({
    where: { id, teamId: ctx.teamId },
    select: {
      id: true,
      title: true,
      kind: true,
      stage: true,
      description: true,
      plannedStartOn: true,
      plannedEndOn: true,
      actualStartOn: true,
      actualEndOn: true,
      effortMinutes: true,
      indicatorName: true,
      indicatorUnit: true,
      indicatorLowerIsBetter: true,
      goodExample: true,
      stoppedReason: true,
      version: true,
      departments: { select: { department: { select: { id: true, name: true } } } },
      champions: { select: { keyPerson: { select: { id: true, name: true, title: true } } } },
      owners: { select: { user: { select: { id: true, name: true } } } },
      stageChanges: {
        orderBy: { changedAt: "asc" },
        select: { id: true, fromStage: true, toStage: true, reason: true, changedAt: true, changedBy: { select: { name: true } } },
      },
      results: {
        orderBy: { runOn: "asc" },
        select: {
          id: true,
          survey: { select: { id: true, _count: { select: { responses: true } } } },
          newsletter: { select: { id: true } },
          runOn: true,
          participants: true,
          targetHeadcount: true,
          satisfactionMean: true,
          satisfactionResponses: true,
          indicatorBefore: true,
          indicatorAfter: true,
          comments: true,
        },
      },
    },
  });
  if (!i) throw new AppError("notFound");
  return i;
}
