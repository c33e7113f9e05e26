// A member's own account: change the password, recover it by a mailed link, an admin-issued reset
// link, and the link that lifts a sign-in lock. Links are single-use, expire, and only their hash is
// stored. Asking for a reset answers the same whether or not the address exists.
import { audit, auditAccount } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { queueMail } from "@/lib/mail/outbox";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import { formatDateTime } from "@/lib/dates";
import { hashPassword, verifyPassword } from "./password";
import { assertPasswordAllowed } from "./password-policy";
import { addressKey, clearAccountFailures, clearFailures, emailKey, isLocked, recordFailure } from "@/lib/auth/rate-limit";
import { endAllSessions, endOtherSessions } from "@/lib/auth/session";
import { mailSecurityChange } from "./security-mail";
import { secondFactorMethods } from "./two-factor";

export const RESET_MINUTES = 30;
export const ADMIN_RESET_HOURS = 24;
export type LinkPurpose = "reset" | "unlock";

async function activeTeams(db: Db, userId: string) {
  const rows = await db.membership.findMany({
    where: { userId, status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { team: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.team);
}

/**
 * Whether the account belongs to a team besides `teamId` (any membership, active or not): then
 * nothing `teamId`'s admin does or configures may open it or change how it proves itself (decision 013).
 */
export async function inAnotherTeam(db: Pick<Db, "membership">, userId: string, teamId: string) {
  return (await db.membership.count({ where: { userId, teamId: { not: teamId } } })) > 0;
}

/**
 * The team whose outbox may hold a mail with a link into this account: her team when she is in one
 * team alone, else none (a held mail's body is readable by the team's admins).
 */
async function linkMailTeam(db: Db, userId: string, teamId: string) {
  return (await inAnotherTeam(db, userId, teamId)) ? null : teamId;
}

async function createLink(db: Db, userId: string, purpose: LinkPurpose, expiresAt: Date, createdById: string | null, now: Date) {
  const token = newToken();
  // A new link replaces any earlier unused one of the same purpose.
  await db.passwordReset.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  await db.passwordReset.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt, createdById, createdAt: now } });
  return token;
}

export const RESET_REQUESTS_PER_EMAIL = 3;
export const RESET_REQUESTS_PER_ADDRESS = 10;

/**
 * A forgotten password: mails a reset link to an active member. Answers nothing either way, so the
 * caller's reply cannot tell whether the address is registered. Throttled per address and per email.
 */
export async function requestPasswordReset(db: Db, input: { email: string; ip: string | null; origin: string }, now = new Date()) {
  const email = input.email.trim().toLowerCase();
  const keys = [`reset:${emailKey(email)}`, ...(input.ip ? [`reset:${addressKey(input.ip)}`] : [])];
  if (await isLocked(db, keys, now, (k) => (k.startsWith("reset:email:") ? RESET_REQUESTS_PER_EMAIL : RESET_REQUESTS_PER_ADDRESS))) return;
  await recordFailure(db, keys, now);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, locale: true } });
  if (!user) return;
  const teams = await activeTeams(db, user.id);
  if (teams.length === 0) return;
  const token = await createLink(db, user.id, "reset", new Date(now.getTime() + RESET_MINUTES * 60_000), null, now);
  await queueMail(db, {
    teamId: await linkMailTeam(db, user.id, teams[0].id),
    to: user.email,
    locale: user.locale,
    kind: "passwordReset",
    values: { name: user.name, minutes: RESET_MINUTES },
    link: `${input.origin}/reset-password/${token}`,
  });
  await auditAccount(db, user.id, "password.resetRequested", { actorId: null });
}

/**
 * An admin issues a reset link for a member of her team: mailed to the member, and shown once to the
 * admin only when the member belongs to this team alone. A member who is also in another team gets
 * it by mail only: an admin of one team never holds a way into an account another team relies on.
 */
export async function issueResetLink(ctx: TeamCtx, membershipId: string, origin: string, now = new Date()) {
  const m = await ctx.db.membership.findFirst({
    where: { id: membershipId, teamId: ctx.teamId },
    select: { userId: true, status: true, user: { select: { name: true, email: true, locale: true } } },
  });
  if (!m) throw new AppError("notFound");
  if (m.status !== "ACTIVE") throw new AppError("conflict", "member.inactive");
  const mailTeam = await linkMailTeam(ctx.db, m.userId, ctx.teamId);
  const expiresAt = new Date(now.getTime() + ADMIN_RESET_HOURS * 3_600_000);
  const token = await createLink(ctx.db, m.userId, "reset", expiresAt, ctx.userId, now);
  const link = `${origin}/reset-password/${token}`;
  await queueMail(ctx.db, {
    teamId: mailTeam,
    to: m.user.email,
    locale: m.user.locale,
    kind: "passwordResetByAdmin",
    values: { name: m.user.name, admin: ctx.user.name, hours: ADMIN_RESET_HOURS },
    link,
  });
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "password.resetIssued",
    entityType: "User",
    entityId: m.userId,
    detail: { shownToAdmin: mailTeam !== null },
  });
  return { link: mailTeam !== null ? link : null, expiresAt };
}

/**
 * An admin resets a member's second factors (authenticator app, recovery codes, passkeys) when she
 * lost them: every session ends, it is audit-logged and mailed to her. Only for a member of this
 * team alone: a member another team relies on keeps her factors (she recovers with her codes).
 */
export async function resetSecondFactors(ctx: TeamCtx, membershipId: string, now = new Date()) {
  const m = await ctx.db.membership.findFirst({ where: { id: membershipId, teamId: ctx.teamId }, select: { userId: true, status: true } });
  if (!m) throw new AppError("notFound");
  if (m.status !== "ACTIVE") throw new AppError("conflict", "member.inactive");
  if (await inAnotherTeam(ctx.db, m.userId, ctx.teamId)) throw new AppError("conflict", "member.sharedAccount");
  await ctx.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: m.userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: m.userId } });
    await tx.passkey.deleteMany({ where: { userId: m.userId } });
    await endAllSessions(tx, m.userId, now);
    await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: "twoFactor.resetByAdmin", entityType: "User", entityId: m.userId });
  });
  await mailSecurityChange(ctx.db, m.userId, "factorsResetByAdmin", now);
}

/** After a team restore: a set-password link for a member who came back without a password. */
export async function issueRestoreLink(db: Db, userId: string, origin: string, now = new Date()) {
  const token = await createLink(db, userId, "reset", new Date(now.getTime() + ADMIN_RESET_HOURS * 3_600_000), null, now);
  return `${origin}/reset-password/${token}`;
}

export type LinkState = "valid" | "expired" | "used" | "unknown";

export async function checkLink(db: Db, purpose: LinkPurpose, token: string, now = new Date()) {
  const row = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      purpose: true,
      usedAt: true,
      expiresAt: true,
      createdById: true,
      user: { select: { email: true, name: true, locale: true } },
    },
  });
  let state: LinkState = "valid";
  if (!row || row.purpose !== purpose) state = "unknown";
  else if (row.usedAt) state = "used";
  else if (row.expiresAt <= now) state = "expired";
  return { state, link: state === "unknown" ? null : row };
}

async function claimLink(db: Db, purpose: LinkPurpose, token: string, now: Date) {
  const { state, link } = await checkLink(db, purpose, token, now);
  if (state !== "valid" || !link) throw new AppError("validation", `accountLink.${state}`);
  const claimed = await db.passwordReset.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) throw new AppError("validation", "accountLink.used");
  return link;
}

/** Sets a new password through a reset link: every session ends and any sign-in lock is lifted. */
export async function resetPassword(db: Db, input: { token: string; password: string }, now = new Date()) {
  const { state, link } = await checkLink(db, "reset", input.token, now);
  if (state !== "valid" || !link) throw new AppError("validation", `accountLink.${state}`);
  const teams = await activeTeams(db, link.userId);
  assertPasswordAllowed(input.password, { email: link.user.email, teamNames: teams.map((t) => t.name) });
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await claimLink(tx as Db, "reset", input.token, now);
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash } });
    await endAllSessions(tx, link.userId, now);
    // Every team she is in sees that the reset came through a link an admin issued, and whose.
    await auditAccount(tx, link.userId, "password.reset", link.createdById ? { detail: { linkIssuedBy: link.createdById } } : {});
  });
  await clearAccountFailures(db, link.user.email);
  await mailPasswordChanged(db, link.userId, now);
  // What still guards the account besides the new password: she sees it, and removes what she does
  // not recognise once signed in (a reset after a takeover must not leave the taker's factor behind).
  return { email: link.user.email, factors: await secondFactorMethods(db, link.userId) };
}

/** Lifts the sign-in lock on the account (the link in the lock notice). */
export async function unlockAccount(db: Db, token: string, now = new Date()) {
  const link = await claimLink(db, "unlock", token, now);
  await clearAccountFailures(db, link.user.email);
  await auditAccount(db, link.userId, "signIn.unlocked");
  return { email: link.user.email };
}

export const CHANGE_ATTEMPTS = 5;

/** Changes the password of the signed-in member; her other sessions end, this one stays. */
export async function changePassword(
  db: Db,
  input: { userId: string; sessionId: string | null; current: string; password: string },
  now = new Date(),
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true, passwordHash: true } });
  const key = `change:${input.userId}`;
  if (await isLocked(db, [key], now, () => CHANGE_ATTEMPTS)) throw new AppError("rateLimited", "tooManyAttempts");
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    await recordFailure(db, [key], now);
    throw new AppError("validation", "validation", { current: ["wrongPassword"] });
  }
  if (input.current === input.password) throw new AppError("validation", "validation", { password: ["passwordUnchanged"] });
  const teams = await activeTeams(db, input.userId);
  assertPasswordAllowed(input.password, { email: user.email, teamNames: teams.map((t) => t.name) });
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    await endOtherSessions(tx, input.userId, input.sessionId, now);
    await auditAccount(tx, input.userId, "password.changed");
  });
  await clearFailures(db, [key]);
  await mailPasswordChanged(db, input.userId, now);
}

async function mailPasswordChanged(db: Db, userId: string, now: Date) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, locale: true } });
  const teams = await activeTeams(db, userId);
  await queueMail(db, {
    teamId: teams[0]?.id ?? null,
    to: user.email,
    locale: user.locale,
    kind: "passwordChanged",
    values: { name: user.name, at: formatDateTime(user.locale, now) },
  });
}

/** Mails the holder of a locked account: what happened, and a link that lifts the lock. */
export async function announceLock(db: Db, email: string, address: string | null, minutes: number, origin: string, now = new Date()) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true } });
  if (!user) return;
  const teams = await activeTeams(db, user.id);
  if (teams.length === 0) return;
  const token = await createLink(db, user.id, "unlock", new Date(now.getTime() + RESET_MINUTES * 60_000), null, now);
  await queueMail(db, {
    teamId: await linkMailTeam(db, user.id, teams[0].id),
    to: email,
    locale: user.locale,
    kind: "signInLocked",
    // "unknown" is a choice of the message, never an address: the mail says in words that none is known.
    values: { name: user.name, minutes, address: address ?? "unknown" },
    link: `${origin}/unlock/${token}`,
  });
  await auditAccount(db, user.id, "signIn.locked", { actorId: null, detail: address ? { address } : undefined });
}
