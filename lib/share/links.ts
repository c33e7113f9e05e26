// Share links: a read-only page of one issued report for managers and HR, signed out.
// The token (32 random bytes) is shown once and stored as sha256; an optional passcode is stored as
// argon2id, attempts are limited per link (locked after MAX_FAILURES) and per address, and an
// unlock gives a short-lived signed cookie bound to the link. Pause is reversible, revoke is not.
// All state is in the database, so any app server can answer.
import { createHmac, timingSafeEqual } from "node:crypto";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { hashPassword, verifyPassword } from "@/lib/accounts/password";
import { isLocked, MAX_FAILURES_PER_ADDRESS, recordFailure } from "@/lib/auth/rate-limit";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { frozen, newsletterIssueSelect } from "@/lib/newsletters/newsletters";
import { snapshotOf } from "@/lib/reports/snapshot";
import type { shareLinkSchema } from "@/lib/reports/schemas";
import { DAY_MS } from "@/lib/dates";

export const MAX_FAILURES = 5;
export const UNLOCK_TTL_MS = 30 * 60 * 1000;

export const hashShareToken = hashToken;
export const shareAddressKey = (ip: string) => `share-ip:${ip}`;

export async function createShareLink(ctx: TeamCtx, input: z.infer<typeof shareLinkSchema>, now = new Date()) {
  const target = await shareTarget(ctx, input);
  // Fail closed: the passcode is hashed before the link exists, and both are written together.
  const passcodeHash = input.passcode ? await hashPassword(input.passcode) : null;
  const token = newToken();
  const link = await ctx.db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: {
        teamId: ctx.teamId,
        reportIssueId: target.reportIssueId,
        newsletterIssueId: target.newsletterIssueId,
        tokenHash: hashShareToken(token),
        label: input.label,
        passcodeHash,
        allowDownload: input.allowDownload,
        createdById: ctx.userId,
        expiresAt: new Date(now.getTime() + input.days * DAY_MS),
      },
      select: { id: true, expiresAt: true },
    });
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "share.create",
      entityType: "ShareLink",
      entityId: created.id,
      detail: {
        ...target.detail,
        days: input.days,
        passcode: !!passcodeHash,
        allowDownload: input.allowDownload,
      },
    });
    return created;
  });
  return { ...link, token, path: `/share/${token}` };
}

/** What a link shows: an issued manager edition of a report, or an issued 保健師だより, in this team. */
async function shareTarget(ctx: TeamCtx, input: { reportIssueId?: string | null; newsletterIssueId?: string | null }) {
  if (input.newsletterIssueId) {
    const issue = await ctx.db.newsletterIssue.findFirst({
      where: { id: input.newsletterIssueId, teamId: ctx.teamId },
      select: { id: true, newsletterId: true },
    });
    if (!issue) throw new AppError("notFound");
    return {
      reportIssueId: null,
      newsletterIssueId: issue.id,
      detail: { newsletterId: issue.newsletterId, newsletterIssueId: issue.id } as Record<string, string>,
    };
  }
  const issue = await ctx.db.reportIssue.findFirst({
    where: { id: input.reportIssueId ?? "", teamId: ctx.teamId, report: { archivedAt: null } },
    select: { id: true, reportId: true, snapshot: true },
  });
  if (!issue) throw new AppError("notFound");
  // A team edition carries the team's own working figures: it never leaves the team.
  if (snapshotOf(issue).audience === "TEAM") throw new AppError("validation", "teamEditionNotShareable");
  return {
    reportIssueId: issue.id,
    newsletterIssueId: null,
    detail: { reportId: issue.reportId, reportIssueId: issue.id } as Record<string, string>,
  };
}

export type LinkStatus = "active" | "paused" | "revoked" | "expired" | "locked";

export function linkStatus(
  l: { revokedAt: Date | null; expiresAt: Date; pausedAt: Date | null; lockedAt: Date | null },
  now: Date,
): LinkStatus {
  if (l.revokedAt) return "revoked";
  if (l.expiresAt <= now) return "expired";
  if (l.pausedAt) return "paused";
  if (l.lockedAt) return "locked";
  return "active";
}

/** The links of one report's issues, or of one newsletter's issues. */
export async function listShareLinks(ctx: TeamCtx, of: string | { newsletterId: string }, now = new Date()) {
  const where =
    typeof of === "string"
      ? { teamId: ctx.teamId, reportIssue: { reportId: of } }
      : { teamId: ctx.teamId, newsletterIssue: { newsletterId: of.newsletterId } };
  return ctx.db.shareLink
    .findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        label: true,
        expiresAt: true,
        pausedAt: true,
        revokedAt: true,
        lockedAt: true,
        viewCount: true,
        downloadCount: true,
        lastViewedAt: true,
        allowDownload: true,
        createdAt: true,
        passcodeHash: true,
        reportIssue: { select: { number: true } },
        newsletterIssue: { select: { number: true } },
        createdBy: { select: { name: true } },
      },
    })
    .then((rows) => rows.map(({ passcodeHash, ...r }) => ({ ...r, hasPasscode: passcodeHash !== null, status: linkStatus(r, now) })));
}

/** The links as the share panel lists them (plain values for a client component). */
export const shareLinkRows = (links: Awaited<ReturnType<typeof listShareLinks>>) =>
  links.map((l) => ({
    id: l.id,
    label: l.label,
    expiresAt: l.expiresAt.toISOString(),
    status: l.status,
    viewCount: l.viewCount,
    downloadCount: l.downloadCount,
    hasPasscode: l.hasPasscode,
    allowDownload: l.allowDownload,
    number: l.reportIssue?.number ?? l.newsletterIssue?.number ?? 0,
  }));

type LinkAction = "pause" | "resume" | "revoke" | "clearLock";

/** Pause, resume, revoke (permanent) or clear a lock; every change is audit-logged. */
export async function changeShareLink(ctx: TeamCtx, id: string, action: LinkAction, now = new Date()) {
  const where = { id, teamId: ctx.teamId, revokedAt: null };
  const data =
    action === "pause"
      ? { pausedAt: now }
      : action === "resume"
        ? { pausedAt: null }
        : action === "revoke"
          ? { revokedAt: now }
          : { lockedAt: null, failedAttempts: 0 };
  const res = await ctx.db.shareLink.updateMany({ where, data });
  if (res.count !== 1) throw new AppError("notFound");
  await audit(ctx.db, { teamId: ctx.teamId, actorId: ctx.userId, action: `share.${action}`, entityType: "ShareLink", entityId: id });
}

export type ShareState = "ok" | "unknown" | "expired" | "paused" | "revoked" | "locked";

// What every share request needs to decide; the frozen report itself is read only when shown.
const linkSelect = {
  id: true,
  teamId: true,
  expiresAt: true,
  pausedAt: true,
  revokedAt: true,
  lockedAt: true,
  passcodeHash: true,
  allowDownload: true,
  // A newsletter link has no spreadsheet: its downloads answer pdf only.
  newsletterIssueId: true,
} as const;

/** Looks a token up and says whether it may be shown now. Checked on every request. */
export async function resolveShareLink(db: Db, token: string, now = new Date()) {
  if (!/^[\w-]{20,100}$/.test(token)) return { state: "unknown" as ShareState, link: null };
  const link = await db.shareLink.findUnique({ where: { tokenHash: hashShareToken(token) }, select: linkSelect });
  if (!link) return { state: "unknown" as ShareState, link: null };
  const status = linkStatus(link, now);
  return status === "active" ? { state: "ok" as ShareState, link } : { state: status as ShareState, link: null };
}

// The unlock cookie: "<link id>.<expiry ms>.<hmac>", signed with the app secret, bound to one link.
export function shareCookieName(linkId: string) {
  return `ally_share_${linkId}`;
}

export function signUnlock(secret: string, linkId: string, now = new Date()) {
  const exp = now.getTime() + UNLOCK_TTL_MS;
  const mac = createHmac("sha256", secret).update(`share:${linkId}.${exp}`).digest("base64url");
  return `${linkId}.${exp}.${mac}`;
}

export function verifyUnlock(secret: string, linkId: string, value: string | undefined, now = new Date()) {
  if (!value) return false;
  const [id, exp, mac] = value.split(".");
  if (id !== linkId || !exp || !mac || Number(exp) <= now.getTime()) return false;
  const expected = createHmac("sha256", secret).update(`share:${linkId}.${exp}`).digest("base64url");
  const a = Buffer.from(mac);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type UnlockResult = { ok: true; linkId: string } | { ok: false; reason: "wrong" | "locked" | "rateLimited" | ShareState };

/** Checks a passcode. Failures count per link (the link locks) and per trusted address. */
export async function unlockShareLink(db: Db, token: string, passcode: string, ip: string | null, now = new Date()): Promise<UnlockResult> {
  const { state, link } = await resolveShareLink(db, token, now);
  if (state !== "ok" || !link) return { ok: false, reason: state };
  if (!link.passcodeHash) return { ok: true, linkId: link.id };
  if (ip && (await isLocked(db, [shareAddressKey(ip)], now, () => MAX_FAILURES_PER_ADDRESS))) return { ok: false, reason: "rateLimited" };
  if (await verifyPassword(link.passcodeHash, passcode)) {
    await db.shareLink.update({ where: { id: link.id }, data: { failedAttempts: 0 } });
    await audit(db, { teamId: link.teamId, actorId: null, action: "share.unlock", entityType: "ShareLink", entityId: link.id });
    return { ok: true, linkId: link.id };
  }
  if (ip) await recordFailure(db, [shareAddressKey(ip)], now);
  // Counted atomically, so parallel guesses on several servers cannot exceed the limit.
  const [updated] = await db.$queryRaw<{ failedAttempts: number }[]>`
    UPDATE "ShareLink" SET "failedAttempts" = "failedAttempts" + 1,
      "lockedAt" = CASE WHEN "failedAttempts" + 1 >= ${MAX_FAILURES} THEN ${now.toISOString().replace("Z", "")}::timestamp ELSE "lockedAt" END
    WHERE id = ${link.id} RETURNING "failedAttempts"`;
  if ((updated?.failedAttempts ?? MAX_FAILURES) >= MAX_FAILURES) {
    await audit(db, { teamId: link.teamId, actorId: null, action: "share.locked", entityType: "ShareLink", entityId: link.id });
    return { ok: false, reason: "locked" };
  }
  return { ok: false, reason: "wrong" };
}

/**
 * Returns the frozen report or newsletter, counting a view (atomically) when the page is opened; a
 * download of the same issue is not a second view: it is counted as a download and audit-logged with
 * its format.
 */
export async function viewShareLink(db: Db, linkId: string, options: { download?: "pdf" | "xlsx" } = {}, now = new Date()) {
  const select = {
    teamId: true,
    reportIssue: { select: { number: true, issuedAt: true, snapshot: true } },
    newsletterIssue: { select: newsletterIssueSelect },
  } as const;
  const link = await db.shareLink.update({
    where: { id: linkId },
    data: options.download ? { downloadCount: { increment: 1 } } : { viewCount: { increment: 1 }, lastViewedAt: now },
    select,
  });
  if (options.download)
    await audit(db, {
      teamId: link.teamId,
      actorId: null,
      action: "share.download",
      entityType: "ShareLink",
      entityId: linkId,
      detail: { format: options.download },
    });
  if (link.newsletterIssue) return { kind: "newsletter" as const, newsletter: frozen(link.newsletterIssue) };
  const issue = link.reportIssue!;
  return { kind: "report" as const, number: issue.number, issuedAt: issue.issuedAt, data: snapshotOf(issue) };
}
