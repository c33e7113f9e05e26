// Invitations: an admin makes a link for one email address with an expiry. Only that address can
// accept it, and only to join: it never changes an existing member's role or status.
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { hashPassword } from "@/lib/accounts/password";
import { assertPasswordAllowed } from "@/lib/accounts/password-policy";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { DAY_MS, formatDateTime } from "@/lib/dates";
import { translatorFor } from "@/lib/i18n/translator";
import { queueMail } from "@/lib/mail/outbox";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { acceptNewUserSchema, createInvitationSchema } from "./schemas";

/** Creates the invitation and mails its link to the invited address (links point to `origin`). */
export async function createInvitation(ctx: TeamCtx, input: z.infer<typeof createInvitationSchema>, now = new Date(), origin = "") {
  const token = newToken(24);
  const expiresAt = new Date(now.getTime() + input.days * DAY_MS);
  const invitation = await ctx.db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        teamId: ctx.teamId,
        tokenHash: hashToken(token),
        email: input.email,
        role: input.role,
        expiresAt,
        createdById: ctx.userId,
      },
      select: { id: true, expiresAt: true, role: true },
    });
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "invitation.create",
      entityType: "Invitation",
      entityId: created.id,
      detail: { role: input.role, email: input.email },
    });
    const locale = ctx.user.locale;
    await queueMail(tx, {
      teamId: ctx.teamId,
      to: input.email,
      locale,
      kind: "invitation",
      values: {
        team: ctx.team.name,
        inviter: ctx.user.name,
        role: translatorFor(locale)(`roles.${input.role}`),
        expires: formatDateTime(locale, expiresAt),
      },
      link: `${origin}/invite/${token}`,
    });
    return created;
  });
  return { ...invitation, token, path: `/invite/${token}`, mailedTo: input.email };
}

export type InvitationState = "valid" | "expired" | "used" | "revoked" | "unknown";

export async function findInvitation(db: Db, token: string, now = new Date()) {
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      teamId: true,
      role: true,
      email: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      team: { select: { name: true } },
    },
  });
  let state: InvitationState = "valid";
  if (!inv) state = "unknown";
  else if (inv.revokedAt) state = "revoked";
  else if (inv.acceptedAt) state = "used";
  else if (inv.expiresAt <= now) state = "expired";
  return { state, invitation: inv };
}

async function usableInvitation(db: Db, token: string, now: Date) {
  const { state, invitation } = await findInvitation(db, token, now);
  if (state !== "valid" || !invitation) throw new AppError("validation", `invitation.${state}`);
  return invitation;
}

const sameEmail = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Joins the team as an existing, signed-in user whose email is the invitation's. Someone who is
 * already in the team (active or deactivated) is refused: roles change only through the members
 * screen, where the last-admin rule is enforced, and a deactivated member comes back only there.
 */
export async function acceptInvitationAsUser(db: Db, token: string, userId: string, now = new Date()) {
  const inv = await usableInvitation(db, token, now);
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user || !sameEmail(inv.email, user.email)) throw new AppError("forbidden", "invitation.wrongEmail");
  return db.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: inv.teamId, userId } },
      select: { status: true },
    });
    if (existing) {
      throw new AppError("conflict", existing.status === "ACTIVE" ? "invitation.alreadyMember" : "invitation.deactivated");
    }
    const claimed = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now, acceptedBy: userId },
    });
    if (claimed.count !== 1) throw new AppError("validation", "invitation.used");
    const membership = await tx.membership.create({
      data: { teamId: inv.teamId, userId, role: inv.role },
      select: { id: true },
    });
    await audit(tx, {
      teamId: inv.teamId,
      actorId: userId,
      action: "invitation.accept",
      entityType: "Invitation",
      entityId: inv.id,
    });
    await audit(tx, {
      teamId: inv.teamId,
      actorId: userId,
      action: "member.role",
      entityType: "Membership",
      entityId: membership.id,
      detail: { from: null, to: inv.role, via: "invitation" },
    });
    return { teamId: inv.teamId };
  });
}

/** Creates an account and joins the team. An email already registered must sign in first. */
export async function acceptInvitationAsNewUser(db: Db, input: z.infer<typeof acceptNewUserSchema>, now = new Date()) {
  const inv = await usableInvitation(db, input.token, now);
  if (!sameEmail(inv.email, input.email)) {
    throw new AppError("validation", "validation", { email: ["invitationEmailMismatch"] });
  }
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    throw new AppError("validation", "validation", { email: ["emailTakenSignIn"] });
  }
  assertPasswordAllowed(input.password, { email: input.email, teamNames: [inv.team.name] });
  const passwordHash = await hashPassword(input.password);
  const user = await db.user.create({
    data: { email: input.email, name: input.name, passwordHash },
    select: { id: true },
  });
  try {
    return await acceptInvitationAsUser(db, input.token, user.id, now);
  } catch (e) {
    await db.user.delete({ where: { id: user.id } });
    throw e;
  }
}

export async function listInvitations(ctx: TeamCtx, now = new Date()) {
  return ctx.db.invitation.findMany({
    where: { teamId: ctx.teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeInvitation(ctx: TeamCtx, id: string) {
  const res = await ctx.db.invitation.updateMany({
    where: { id, teamId: ctx.teamId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (res.count !== 1) throw new AppError("notFound");
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "invitation.revoke",
    entityType: "Invitation",
    entityId: id,
  });
}
