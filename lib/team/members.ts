// Members: roles, deactivation and mentor assignment. The team always keeps one active admin.
import type { z } from "zod";
import { audit } from "@/lib/audit";
import { endAllSessions } from "@/lib/auth/session";
import { addressAllowed } from "@/lib/net/allowlist";
import type { TeamCtx } from "@/lib/auth/context";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { dateOnlyOf } from "@/lib/dates";
import { DEFAULT_MIN_GROUP_SIZE } from "@/lib/statistics/suppression";
import type { assignMentorSchema, changeRoleSchema, teamSettingsSchema } from "./schemas";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function listMembers(ctx: TeamCtx) {
  const members = await ctx.db.membership.findMany({
    where: { teamId: ctx.teamId },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      role: true,
      status: true,
      version: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  const assignments = await ctx.db.mentorAssignment.findMany({
    where: { teamId: ctx.teamId },
    select: { mentorId: true, menteeId: true },
  });
  const mentorOf = new Map(assignments.map((a) => [a.menteeId, a.mentorId]));
  return members.map((m) => ({ ...m, mentorId: mentorOf.get(m.user.id) ?? null }));
}

/** Locks the team's active admin rows so two admins cannot demote each other at the same time. */
async function lockedAdminCount(tx: Tx, teamId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership"
    WHERE "teamId" = ${teamId} AND role = 'ADMIN' AND status = 'ACTIVE'
    FOR UPDATE`;
  return rows.length;
}

async function membershipInTeam(tx: Tx, ctx: TeamCtx, membershipId: string) {
  const m = await tx.membership.findFirst({
    where: { id: membershipId, teamId: ctx.teamId },
    select: { id: true, userId: true, role: true, status: true, version: true },
  });
  if (!m) throw new AppError("notFound");
  return m;
}

export async function changeRole(ctx: TeamCtx, input: z.infer<typeof changeRoleSchema>) {
  return ctx.db.$transaction(async (tx) => {
    const admins = await lockedAdminCount(tx, ctx.teamId);
    const m = await membershipInTeam(tx, ctx, input.membershipId);
    if (m.version !== input.version) throw new AppError("conflict", "staleEdit");
    if (m.role === input.role) return m;
    if (m.role === "ADMIN" && m.status === "ACTIVE" && admins <= 1) {
      throw new AppError("conflict", "lastAdmin");
    }
    const updated = await tx.membership.update({
      where: { id: m.id },
      data: { role: input.role, version: { increment: 1 } },
      select: { id: true, role: true, version: true },
    });
    // A nurse is nobody's mentor: assignments to a demoted mentor end with the role.
    if (input.role === "NURSE") {
      await tx.mentorAssignment.deleteMany({ where: { teamId: ctx.teamId, mentorId: m.userId } });
    }
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "member.role",
      entityType: "Membership",
      entityId: m.id,
      detail: { from: m.role, to: input.role },
    });
    return updated;
  });
}

export async function setMemberActive(ctx: TeamCtx, membershipId: string, active: boolean) {
  return ctx.db.$transaction(async (tx) => {
    const admins = await lockedAdminCount(tx, ctx.teamId);
    const m = await membershipInTeam(tx, ctx, membershipId);
    if (!active && m.role === "ADMIN" && m.status === "ACTIVE" && admins <= 1) {
      throw new AppError("conflict", "lastAdmin");
    }
    // Deactivation keeps every record the member made; it only ends access.
    await tx.membership.update({
      where: { id: m.id },
      data: active
        ? { status: "ACTIVE", deactivatedAt: null, version: { increment: 1 } }
        : { status: "DEACTIVATED", deactivatedAt: new Date(), version: { increment: 1 } },
    });
    // Deactivation also ends the person's sessions everywhere (they re-sign in for other teams).
    if (!active) await endAllSessions(tx, m.userId);
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: active ? "member.reactivate" : "member.deactivate",
      entityType: "Membership",
      entityId: m.id,
    });
  });
}

const MENTOR_ROLES: Role[] = ["MENTOR", "ADMIN"];

export async function assignMentor(ctx: TeamCtx, input: z.infer<typeof assignMentorSchema>) {
  const ids = [input.menteeId, ...(input.mentorId ? [input.mentorId] : [])];
  const members = await ctx.db.membership.findMany({
    where: { teamId: ctx.teamId, userId: { in: ids }, status: "ACTIVE" },
    select: { userId: true, role: true },
  });
  const mentee = members.find((m) => m.userId === input.menteeId);
  if (!mentee) throw new AppError("notFound");
  if (input.mentorId) {
    const mentor = members.find((m) => m.userId === input.mentorId);
    if (!mentor) throw new AppError("notFound");
    if (input.mentorId === input.menteeId) throw new AppError("validation", "mentorSelf");
    if (!MENTOR_ROLES.includes(mentor.role)) throw new AppError("validation", "mentorRole");
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.mentorAssignment.deleteMany({ where: { teamId: ctx.teamId, menteeId: input.menteeId } });
    if (input.mentorId) {
      await tx.mentorAssignment.create({
        data: { teamId: ctx.teamId, mentorId: input.mentorId, menteeId: input.menteeId },
      });
    }
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "member.mentor",
      entityType: "User",
      entityId: input.menteeId,
      detail: { mentorId: input.mentorId },
    });
  });
}

/**
 * Saves the team's settings. `address` is the admin's own address when it can be trusted: a list
 * that would shut her out is refused, so no admin locks the team out by a typo.
 */
export async function updateTeamSettings(ctx: TeamCtx, input: z.infer<typeof teamSettingsSchema>, address?: string | null) {
  if (address !== undefined && !addressAllowed(address, input.ipAllowlist)) {
    throw new AppError("validation", "validation", { ipAllowlist: ["allowlistExcludesYou"] });
  }
  const { committeeOn, committeeMinuteRef, ...settings } = input;
  const current = await ctx.db.team.findUniqueOrThrow({
    where: { id: ctx.teamId },
    select: { minGroupSize: true, minGroupDecidedOn: true, minGroupMinuteRef: true },
  });
  const lowered = settings.minGroupSize < DEFAULT_MIN_GROUP_SIZE;
  const changed = settings.minGroupSize !== current.minGroupSize;
  // A smaller group than the default is the 衛生委員会's decision: a new size below it asks for one.
  if (lowered && changed && (!committeeOn || !committeeMinuteRef)) {
    throw new AppError("validation", "validation", {
      ...(committeeOn ? {} : { committeeOn: ["committeeRequired"] }),
      ...(committeeMinuteRef ? {} : { committeeMinuteRef: ["committeeRequired"] }),
    });
  }
  const decision = !lowered
    ? { minGroupDecidedOn: null, minGroupMinuteRef: null }
    : changed || committeeOn
      ? {
          minGroupDecidedOn: dateOnlyOf(committeeOn) ?? current.minGroupDecidedOn,
          minGroupMinuteRef: committeeMinuteRef ?? current.minGroupMinuteRef,
        }
      : {};
  await ctx.db.$transaction(async (tx) => {
    await tx.team.update({ where: { id: ctx.teamId }, data: { ...settings, ...decision } });
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "team.settings",
      entityType: "Team",
      entityId: ctx.teamId,
      detail: settings,
    });
    if (changed) {
      await audit(tx, {
        teamId: ctx.teamId,
        actorId: ctx.userId,
        action: "team.minGroupSize",
        entityType: "Team",
        entityId: ctx.teamId,
        detail: {
          from: current.minGroupSize,
          to: settings.minGroupSize,
          decidedOn: lowered ? committeeOn : null,
          minuteRef: lowered ? committeeMinuteRef : null,
        },
      });
    }
  });
}

/** One membership of the current team with its mentor and mentees; null when not in this team. */
export async function getMember(ctx: TeamCtx, membershipId: string) {
  const m = await ctx.db.membership.findFirst({
    where: { id: membershipId, teamId: ctx.teamId },
    select: {
      id: true,
      role: true,
      status: true,
      createdAt: true,
      deactivatedAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  if (!m) return null;
  const [mentor, mentees] = await Promise.all([
    ctx.db.mentorAssignment.findFirst({
      where: { teamId: ctx.teamId, menteeId: m.user.id },
      select: { mentor: { select: { id: true, name: true } } },
    }),
    ctx.db.mentorAssignment.findMany({
      where: { teamId: ctx.teamId, mentorId: m.user.id },
      select: { mentee: { select: { id: true, name: true } } },
    }),
  ]);
  return { ...m, mentor: mentor?.mentor ?? null, mentees: mentees.map((x) => x.mentee) };
}
