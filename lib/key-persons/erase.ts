// Erasing a key person for good: on his request under the APPI, or when a manager has left and the
// team no longer needs what it noted about him. Everything recorded about him goes in one
// transaction — touchpoints with him alone (his part of shared ones), requests with their history
// and promises, map links and the review comments pinned to them or to him, stance history, case and
// pilot links, his place in review snapshots and in merge records — his name where it stands in
// text that stays is redacted (lib/key-persons/mentions.ts), and the audit entry keeps who, when, why
// and counts only. Issued reports are aggregates frozen when issued and stay as they are.
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { releaseGives } from "@/lib/requests/commitments";
import { versionField } from "@/lib/zod-helpers";
import { commentsAbout, linksOf } from "./about";
import { findMentions, redactMentions } from "./mentions";
import { ERASE_REASONS } from "./erase-reasons";

type Tx = Prisma.TransactionClient;

export { ERASE_REASONS };
export const eraseSchema = z.object({
  id: z.string().min(1).max(64),
  version: versionField,
  reason: z.enum(ERASE_REASONS, { message: "invalidChoice" }),
  // The name typed again: an erasure is not a mis-tap.
  confirmName: z.string().trim().min(1, "required").max(200),
});

/** Records that go whole with him: a mention of him in them needs no redaction of its own. */
const GONE_WITH_HIM = new Set(["KeyPerson", "StanceChange", "Request", "RequestVersion", "Commitment", "ReviewComment", "PersonLink"]);

/** What erasing him would remove, as counts for the confirmation, and the mentions of him elsewhere it would redact. */
export async function erasePreview(ctx: TeamCtx, id: string) {
  requirePermission(ctx, "keyPersons.erase");
  const person = await ctx.db.keyPerson.findFirst({
    where: { id, teamId: ctx.teamId },
    select: { id: true, name: true, nameKana: true, title: true, version: true, legalHold: true },
  });
  if (!person) throw new AppError("notFound");
  const mentions = (await findMentions(ctx.db, ctx.teamId, person)).filter((m) => !(m.own && GONE_WITH_HIM.has(m.table)));
  return { person, counts: await counts(ctx.db, ctx.teamId, id), mentions };
}

async function counts(db: Tx | TeamCtx["db"], teamId: string, id: string) {
  const mine = { teamId, keyPersonId: id };
  const [touchpoints, alone, requests, commitments, links, comments, actions, stanceChanges, cases, initiatives, reports, snapshots] =
    await Promise.all([
      db.touchpointParticipant.count({ where: mine }),
      soleTouchpoints(db, teamId, id).then((ids) => ids.length),
      db.request.count({ where: mine }),
      db.commitment.count({ where: mine }),
      db.personLink.count({ where: linksOf(teamId, id) }),
      db.reviewComment.count({ where: commentsAbout(teamId, id) }),
      db.reviewAction.count({ where: mine }),
      db.stanceChange.count({ where: mine }),
      db.caseKeyPerson.count({ where: mine }),
      db.initiativeChampion.count({ where: mine }),
      db.keyPerson.count({ where: { teamId, reportsToId: id } }),
      reviewsHolding(db, teamId, id).then((r) => r.length),
    ]);
  return { touchpoints, alone, requests, commitments, links, comments, actions, stanceChanges, cases, initiatives, reports, snapshots };
}

/** Touchpoints he is the only person of: they go whole. */
async function soleTouchpoints(db: Tx | TeamCtx["db"], teamId: string, id: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p."touchpointId" AS id FROM "TouchpointParticipant" p
    WHERE p."teamId" = ${teamId} AND p."keyPersonId" = ${id}
      AND NOT EXISTS (SELECT 1 FROM "TouchpointParticipant" o WHERE o."touchpointId" = p."touchpointId" AND o."keyPersonId" <> ${id})`;
  return rows.map((r) => r.id);
}

/** Reviews whose frozen map holds him. */
async function reviewsHolding(db: Tx | TeamCtx["db"], teamId: string, id: string) {
  return db.$queryRaw<{ id: string; snapshot: unknown }[]>`
    SELECT id, snapshot FROM "MentorReview" WHERE "teamId" = ${teamId} AND snapshot::text LIKE ${`%"${id}"%`}`;
}

type Snap = { people?: { id: string }[]; links?: { fromId: string; toId: string }[]; gaps?: { personId?: string }[] };

export async function eraseKeyPerson(ctx: TeamCtx, input: z.infer<typeof eraseSchema>) {
  requirePermission(ctx, "keyPersons.erase");
  return ctx.db.$transaction(async (tx) => {
    const p = await tx.keyPerson.findFirst({
      where: { id: input.id, teamId: ctx.teamId },
      select: { id: true, name: true, version: true, legalHold: true },
    });
    if (!p) throw new AppError("notFound");
    if (p.version !== input.version) throw new AppError("conflict", "staleEdit");
    if (p.legalHold) throw new AppError("conflict", "underLegalHold");
    const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
    if (fold(input.confirmName) !== fold(p.name)) throw new AppError("validation", "validation", { confirmName: ["nameMismatch"] });
    const counted = await eraseKeyPersonRecords(tx, ctx.teamId, p.id);
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "keyPerson.erase",
      entityType: "KeyPerson",
      entityId: p.id,
      // Why as a choice, never free text: nothing typed here could carry his name on.
      detail: { reason: input.reason, ...counted },
    });
    return counted;
  });
}

export type PersonCounts = Awaited<ReturnType<typeof counts>>;

/**
 * Removes one person and everything recorded about him, inside the caller's transaction; shared by
 * erasure on request and the retention purge.
 */
export async function eraseKeyPersonRecords(tx: Tx, teamId: string, id: string): Promise<PersonCounts & { mentions: number }> {
  const counted = await counts(tx, teamId, id);
  // His name in text that stays (another person's notes, a shared touchpoint, a reflection) is
  // redacted first; what goes with him goes whole below.
  const who = await tx.keyPerson.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, nameKana: true } });
  const mentions = await redactMentions(tx, teamId, who);
  // His touchpoints: those with him alone go whole, shared ones lose his part.
  const sole = await soleTouchpoints(tx, teamId, id);
  await releaseGives(tx, teamId, sole);
  await tx.reviewAction.updateMany({ where: { teamId, doneTouchpointId: { in: sole } }, data: { doneTouchpointId: null } });
  await tx.touchpoint.deleteMany({ where: { teamId, id: { in: sole } } });
  await tx.touchpointParticipant.deleteMany({ where: { teamId, keyPersonId: id } });
  // His requests, with their history and promises; a touchpoint with others that followed one stays, unlinked.
  const requests = (await tx.request.findMany({ where: { teamId, keyPersonId: id }, select: { id: true } })).map((r) => r.id);
  await tx.touchpoint.updateMany({ where: { teamId, requestId: { in: requests } }, data: { requestId: null } });
  await tx.request.deleteMany({ where: { teamId, id: { in: requests } } });
  // Review comments about him or pinned to his links (their replies go with them).
  await tx.reviewComment.deleteMany({ where: commentsAbout(teamId, id) });
  await tx.personLink.deleteMany({ where: linksOf(teamId, id) });
  await tx.reviewAction.updateMany({ where: { teamId, keyPersonId: id }, data: { keyPersonId: null } });
  await tx.keyPerson.updateMany({ where: { teamId, reportsToId: id }, data: { reportsToId: null } });
  // His place in the maps reviews froze, and the undo data of merges that involved him.
  for (const r of await reviewsHolding(tx, teamId, id)) {
    const s = r.snapshot as Snap;
    const scrubbed = {
      ...s,
      people: (s.people ?? []).filter((x) => x.id !== id),
      links: (s.links ?? []).filter((l) => l.fromId !== id && l.toId !== id),
      gaps: (s.gaps ?? []).filter((g) => g.personId !== id),
    };
    await tx.mentorReview.update({ where: { id: r.id }, data: { snapshot: scrubbed as Prisma.InputJsonValue } });
  }
  await tx.personMerge.deleteMany({ where: { teamId, OR: [{ keptId: id }, { mergedId: id }] } });
  // Stance history, case and pilot links go with him (cascade).
  await tx.keyPerson.delete({ where: { id } });
  return { ...counted, mentions };
}
