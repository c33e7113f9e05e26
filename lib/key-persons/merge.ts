// Merging two records of one person (the namesake saved twice, or HR's file beside a hand-made
// record): everything recorded about the second moves to the first — touchpoints, requests, promises,
// map links, stance history, cases, pilots, review comments and actions, the people reporting to him
// — blanks in the first are filled from the second, and the second goes. One transaction, audited
// with counts only, and undoable: what moved and what went is kept with the merge.
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshLastContact } from "@/lib/touchpoints/mutations";
import { linksOf } from "./about";
import { reportingChain } from "./mutations";
import { versionField } from "@/lib/zod-helpers";

export const mergeSchema = z.object({
  keptId: z.string().min(1).max(64),
  keptVersion: versionField,
  mergedId: z.string().min(1).max(64),
  mergedVersion: versionField,
});

/** The person's own columns a merge may fill in and an undo puts back (generated ones excluded). */
const PERSON_COLUMNS = [
  "externalId",
  "name",
  "nameKana",
  "title",
  "departmentId",
  "kind",
  "reportsToId",
  "ownerId",
  "stance",
  "influence",
  "interest",
  "resistanceReason",
  "painPoints",
  "values",
  "bestTiming",
  "preferredChannel",
  "tags",
  "notes",
  "lastContactAt",
  "archivedAt",
  "version",
  "createdAt",
  "updatedAt",
] as const;
/** Text and choice fields the kept record takes from the merged one when its own is blank. */
const FILLABLE = [
  "externalId",
  "nameKana",
  "title",
  "departmentId",
  "ownerId",
  "resistanceReason",
  "painPoints",
  "bestTiming",
  "preferredChannel",
] as const;
const DATES = new Set(["lastContactAt", "archivedAt", "createdAt", "updatedAt"]);

type PersonRow = Record<(typeof PERSON_COLUMNS)[number], unknown> & { id: string; teamId: string };
const personSelect = Object.fromEntries([["id", true], ["teamId", true], ...PERSON_COLUMNS.map((c) => [c, true])]) as Record<string, true>;

type Link = {
  id: string;
  fromId: string;
  toId: string;
  type: string;
  note: string;
  createdById: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};
type Undo = {
  merged: Record<string, unknown>;
  keptBefore: Record<string, unknown>;
  keptAfter: Record<string, unknown>;
  moved: {
    participants: string[];
    requests: string[];
    commitments: string[];
    stanceChanges: string[];
    cases: string[];
    initiatives: string[];
    comments: string[];
    actions: string[];
    reports: string[];
    linksFrom: string[];
    linksTo: string[];
  };
  dropped: {
    participants: { touchpointId: string; type: string; occurredAt: string; deleted: boolean }[];
    cases: string[];
    initiatives: string[];
    links: Link[];
    /** Comments pinned to a dropped link, and the link they were pinned to. */
    linkComments: { id: string; linkId: string }[];
  };
};

/** What a merge would move, for the confirmation: counts of the second person's records. */
export async function mergePreview(ctx: TeamCtx, keptId: string, mergedId: string) {
  const [kept, merged] = await Promise.all([teamPerson(ctx, keptId), teamPerson(ctx, mergedId)]);
  if (kept.id === merged.id) throw new AppError("validation", "validation", { mergedId: ["sameRecord"] });
  const where = { teamId: ctx.teamId, keyPersonId: merged.id };
  const [touchpoints, requests, stanceChanges, cases, initiatives, links, comments, actions, reports] = await Promise.all([
    ctx.db.touchpointParticipant.count({ where: { ...where, deleted: false } }),
    ctx.db.request.count({ where }),
    ctx.db.stanceChange.count({ where }),
    ctx.db.caseKeyPerson.count({ where }),
    ctx.db.initiativeChampion.count({ where }),
    ctx.db.personLink.count({ where: linksOf(ctx.teamId, merged.id) }),
    ctx.db.reviewComment.count({ where }),
    ctx.db.reviewAction.count({ where }),
    ctx.db.keyPerson.count({ where: { teamId: ctx.teamId, reportsToId: merged.id } }),
  ]);
  return { kept, merged, counts: { touchpoints, requests, stanceChanges, cases, initiatives, links, comments, actions, reports } };
}

async function teamPerson(ctx: TeamCtx, id: string) {
  const p = await ctx.db.keyPerson.findFirst({
    where: { id, teamId: ctx.teamId },
    select: { id: true, name: true, nameKana: true, title: true, version: true, department: { select: { name: true } } },
  });
  if (!p) throw new AppError("notFound");
  return p;
}

const blank = (v: unknown) => v === null || v === undefined || v === "";
const iso = (d: Date) => d.toISOString();
const json = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? iso(v) : v]));
const revive = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, DATES.has(k) && typeof v === "string" ? new Date(v) : v]));

export async function mergePeople(ctx: TeamCtx, input: z.infer<typeof mergeSchema>, now = new Date()) {
  requirePermission(ctx, "keyPersons.write");
  if (input.keptId === input.mergedId) throw new AppError("validation", "validation", { mergedId: ["sameRecord"] });
  return ctx.db.$transaction(async (tx) => {
    const [kept, merged] = (await Promise.all(
      [input.keptId, input.mergedId].map((id) => tx.keyPerson.findFirst({ where: { id, teamId: ctx.teamId }, select: personSelect })),
    )) as (PersonRow | null)[];
    if (!kept || !merged) throw new AppError("notFound");
    if (kept.version !== input.keptVersion || merged.version !== input.mergedVersion) throw new AppError("conflict", "staleEdit");
    // A record under legal hold is never the one merged away: the merge would delete it (and its
    // hold) and leave the kept record free to erase. An admin lifts the hold first, audit-logged.
    const held = await tx.keyPerson.count({ where: { id: merged.id, teamId: ctx.teamId, legalHold: { not: null } } });
    if (held > 0) throw new AppError("conflict", "mergeUnderLegalHold");
    const K = kept.id;
    const M = merged.id;
    const teamId = ctx.teamId;

    // The kept record: blanks filled from the merged one, tags and values joined, notes kept both.
    const after: Record<string, unknown> = {};
    for (const key of FILLABLE) if (blank(kept[key]) && !blank(merged[key])) after[key] = merged[key];
    const union = (a: unknown, b: unknown) => [...new Set([...(a as string[]), ...(b as string[])])];
    if ((merged.tags as string[]).some((x) => !(kept.tags as string[]).includes(x))) after.tags = union(kept.tags, merged.tags);
    if ((merged.values as string[]).some((x) => !(kept.values as string[]).includes(x))) after.values = union(kept.values, merged.values);
    if (!blank(merged.notes) && !blank(kept.notes) && merged.notes !== kept.notes) after.notes = `${kept.notes}\n\n${merged.notes}`;
    else if (blank(kept.notes) && !blank(merged.notes)) after.notes = merged.notes;
    // His boss: his own, else the merged record's (unless that closes a loop); never himself.
    if (kept.reportsToId === M) after.reportsToId = null;
    if (blank(kept.reportsToId) || kept.reportsToId === M) {
      const boss = merged.reportsToId as string | null;
      if (boss && boss !== K) {
        // A loop: the kept record (or the one merged into it) already above that boss.
        const above = (await reportingChain(tx, teamId, boss)) ?? [];
        if (!above.includes(K) && !above.includes(M)) after.reportsToId = boss;
      }
    }
    const keptBefore = Object.fromEntries(Object.keys(after).map((k) => [k, kept[k as keyof PersonRow]]));

    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const where = { teamId, keyPersonId: M };
    // Touchpoints, cases and pilots where both records took part keep one row (the kept person's).
    const keptTouchpoints = (
      await tx.touchpointParticipant.findMany({ where: { teamId, keyPersonId: K }, select: { touchpointId: true } })
    ).map((r) => r.touchpointId);
    const mergedParticipants = await tx.touchpointParticipant.findMany({
      where,
      select: { touchpointId: true, type: true, occurredAt: true, deleted: true },
    });
    const shared = new Set(keptTouchpoints);
    const participantsMoved = mergedParticipants.filter((p) => !shared.has(p.touchpointId)).map((p) => p.touchpointId);
    const participantsDropped = mergedParticipants.filter((p) => shared.has(p.touchpointId));
    const keptCases = new Set(
      (await tx.caseKeyPerson.findMany({ where: { teamId, keyPersonId: K }, select: { caseId: true } })).map((r) => r.caseId),
    );
    const mergedCases = (await tx.caseKeyPerson.findMany({ where, select: { caseId: true } })).map((r) => r.caseId);
    const keptInitiatives = new Set(
      (await tx.initiativeChampion.findMany({ where: { teamId, keyPersonId: K }, select: { initiativeId: true } })).map(
        (r) => r.initiativeId,
      ),
    );
    const mergedInitiatives = (await tx.initiativeChampion.findMany({ where, select: { initiativeId: true } })).map((r) => r.initiativeId);

    // Map links: one between the two records goes, as does one the kept person already has.
    const links = await tx.personLink.findMany({ where: { teamId, OR: [{ fromId: M }, { toId: M }, { fromId: K }, { toId: K }] } });
    const key = (l: { fromId: string; toId: string; type: string }) => `${l.fromId}>${l.toId}>${l.type}`;
    const swap = (id: string) => (id === M ? K : id);
    const existing = new Map(links.filter((l) => l.fromId !== M && l.toId !== M).map((l) => [key(l), l.id]));
    const linksFrom: string[] = [];
    const linksTo: string[] = [];
    const linksDropped: typeof links = [];
    const linkTarget = new Map<string, string | null>();
    for (const l of links.filter((x) => x.fromId === M || x.toId === M)) {
      const next = { fromId: swap(l.fromId), toId: swap(l.toId), type: l.type };
      const same = existing.get(key(next));
      if (next.fromId === next.toId || same) {
        linksDropped.push(l);
        linkTarget.set(l.id, same ?? null);
      } else {
        existing.set(key(next), l.id);
        if (l.fromId === M) linksFrom.push(l.id);
        if (l.toId === M) linksTo.push(l.id);
      }
    }
    const linkComments = linksDropped.length
      ? await tx.reviewComment.findMany({
          where: { teamId, linkId: { in: linksDropped.map((l) => l.id) } },
          select: { id: true, linkId: true },
        })
      : [];

    const moved = {
      participants: participantsMoved,
      requests: ids(await tx.request.findMany({ where, select: { id: true } })),
      commitments: ids(await tx.commitment.findMany({ where, select: { id: true } })),
      stanceChanges: ids(await tx.stanceChange.findMany({ where, select: { id: true } })),
      cases: mergedCases.filter((c) => !keptCases.has(c)),
      initiatives: mergedInitiatives.filter((i) => !keptInitiatives.has(i)),
      comments: ids(await tx.reviewComment.findMany({ where, select: { id: true } })),
      actions: ids(await tx.reviewAction.findMany({ where, select: { id: true } })),
      reports: ids(await tx.keyPerson.findMany({ where: { teamId, reportsToId: M, id: { not: K } }, select: { id: true } })),
      linksFrom,
      linksTo,
    };

    // Move.
    await tx.touchpointParticipant.updateMany({ where: { ...where, touchpointId: { in: moved.participants } }, data: { keyPersonId: K } });
    await tx.touchpointParticipant.deleteMany({ where });
    await tx.request.updateMany({ where, data: { keyPersonId: K } });
    await tx.commitment.updateMany({ where, data: { keyPersonId: K } });
    await tx.stanceChange.updateMany({ where, data: { keyPersonId: K } });
    await tx.caseKeyPerson.updateMany({ where: { ...where, caseId: { in: moved.cases } }, data: { keyPersonId: K } });
    await tx.caseKeyPerson.deleteMany({ where });
    await tx.initiativeChampion.updateMany({ where: { ...where, initiativeId: { in: moved.initiatives } }, data: { keyPersonId: K } });
    await tx.initiativeChampion.deleteMany({ where });
    await tx.reviewComment.updateMany({ where, data: { keyPersonId: K } });
    await tx.reviewAction.updateMany({ where, data: { keyPersonId: K } });
    await tx.keyPerson.updateMany({ where: { teamId, id: { in: moved.reports } }, data: { reportsToId: K } });
    for (const c of linkComments)
      await tx.reviewComment.update({ where: { id: c.id }, data: { linkId: linkTarget.get(c.linkId!) ?? null } });
    await tx.personLink.deleteMany({ where: { id: { in: linksDropped.map((l) => l.id) } } });
    await tx.personLink.updateMany({ where: { id: { in: linksFrom } }, data: { fromId: K } });
    await tx.personLink.updateMany({ where: { id: { in: linksTo } }, data: { toId: K } });
    // The merged record goes (its HR number may move to the kept one).
    await tx.keyPerson.updateMany({ where: { teamId, reportsToId: M }, data: { reportsToId: null } });
    await tx.keyPerson.delete({ where: { id: M } });
    await tx.keyPerson.update({ where: { id: K }, data: { ...(after as Prisma.KeyPersonUpdateInput), version: { increment: 1 } } });
    await refreshLastContact(tx, teamId, [K]);

    const undo: Undo = {
      merged: json(merged),
      keptBefore: json(keptBefore),
      keptAfter: json(after),
      moved,
      dropped: {
        participants: participantsDropped.map((p) => ({
          touchpointId: p.touchpointId,
          type: p.type,
          occurredAt: iso(p.occurredAt),
          deleted: p.deleted,
        })),
        cases: mergedCases.filter((c) => keptCases.has(c)),
        initiatives: mergedInitiatives.filter((i) => keptInitiatives.has(i)),
        links: linksDropped.map((l) => json(l) as Link),
        linkComments: linkComments.map((c) => ({ id: c.id, linkId: c.linkId! })),
      },
    };
    const record = await tx.personMerge.create({
      data: {
        teamId,
        keptId: K,
        mergedId: M,
        mergedName: String(merged.name),
        actorId: ctx.userId,
        undo: undo as unknown as Prisma.InputJsonValue,
        createdAt: now,
      },
      select: { id: true },
    });
    const counts = Object.fromEntries(Object.entries(moved).map(([k, v]) => [k, v.length]));
    await audit(tx, {
      teamId,
      actorId: ctx.userId,
      action: "keyPerson.merge",
      entityType: "KeyPerson",
      entityId: K,
      detail: { mergeId: record.id, mergedId: M, ...counts },
    });
    return { id: record.id, keptId: K };
  });
}

/** Merges into this person not undone yet, newest first (the person page offers to undo them). */
export async function mergesInto(ctx: TeamCtx, keptId: string) {
  return ctx.db.personMerge.findMany({
    where: { teamId: ctx.teamId, keptId, undoneAt: null },
    orderBy: { createdAt: "desc" },
    take: 5,
    select: { id: true, mergedName: true, createdAt: true },
  });
}

/** Puts both records back as they were before the merge; what was added to either since stays. */
export async function undoMerge(ctx: TeamCtx, id: string, now = new Date()) {
  requirePermission(ctx, "keyPersons.write");
  return ctx.db.$transaction(async (tx) => {
    const m = await tx.personMerge.findFirst({
      where: { id, teamId: ctx.teamId },
      select: { id: true, keptId: true, mergedId: true, undo: true, undoneAt: true },
    });
    if (!m) throw new AppError("notFound");
    const claimed = await tx.personMerge.updateMany({ where: { id, undoneAt: null }, data: { undoneAt: now } });
    if (claimed.count !== 1) throw new AppError("conflict", "nothingToUndo");
    const kept = await tx.keyPerson.findFirst({ where: { id: m.keptId, teamId: ctx.teamId }, select: personSelect });
    if (!kept) throw new AppError("conflict", "nothingToUndo");
    const u = m.undo as unknown as Undo;
    const K = m.keptId;
    const M = m.mergedId;
    const teamId = ctx.teamId;

    // The kept record first gives back what it took (where no one changed it since), its HR number included.
    const restore: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(u.keptAfter)) {
      if (JSON.stringify(kept[k as keyof PersonRow]) === JSON.stringify(v)) restore[k] = u.keptBefore[k];
    }
    if ("externalId" in restore) await tx.keyPerson.update({ where: { id: K }, data: { externalId: restore.externalId as string | null } });
    const merged = revive(u.merged);
    await tx.keyPerson.create({ data: { ...(merged as Prisma.KeyPersonUncheckedCreateInput), id: M, teamId, reportsToId: null } });
    await tx.keyPerson.update({
      where: { id: K },
      data: { ...(revive(restore) as Prisma.KeyPersonUpdateInput), version: { increment: 1 } },
    });
    if (merged.reportsToId) await tx.keyPerson.update({ where: { id: M }, data: { reportsToId: merged.reportsToId as string } });

    const back = { teamId, keyPersonId: K };
    await tx.touchpointParticipant.updateMany({ where: { ...back, touchpointId: { in: u.moved.participants } }, data: { keyPersonId: M } });
    await tx.touchpointParticipant.createMany({
      data: u.dropped.participants.map((p) => ({
        ...p,
        occurredAt: new Date(p.occurredAt),
        type: p.type as never,
        teamId,
        keyPersonId: M,
      })),
      skipDuplicates: true,
    });
    await tx.request.updateMany({ where: { ...back, id: { in: u.moved.requests } }, data: { keyPersonId: M } });
    await tx.commitment.updateMany({ where: { ...back, id: { in: u.moved.commitments } }, data: { keyPersonId: M } });
    await tx.stanceChange.updateMany({ where: { ...back, id: { in: u.moved.stanceChanges } }, data: { keyPersonId: M } });
    await tx.caseKeyPerson.updateMany({ where: { ...back, caseId: { in: u.moved.cases } }, data: { keyPersonId: M } });
    await tx.caseKeyPerson.createMany({
      data: u.dropped.cases.map((caseId) => ({ caseId, teamId, keyPersonId: M })),
      skipDuplicates: true,
    });
    await tx.initiativeChampion.updateMany({ where: { ...back, initiativeId: { in: u.moved.initiatives } }, data: { keyPersonId: M } });
    await tx.initiativeChampion.createMany({
      data: u.dropped.initiatives.map((initiativeId) => ({ initiativeId, teamId, keyPersonId: M })),
      skipDuplicates: true,
    });
    await tx.reviewComment.updateMany({ where: { ...back, id: { in: u.moved.comments } }, data: { keyPersonId: M } });
    await tx.reviewAction.updateMany({ where: { ...back, id: { in: u.moved.actions } }, data: { keyPersonId: M } });
    await tx.keyPerson.updateMany({ where: { teamId, reportsToId: K, id: { in: u.moved.reports } }, data: { reportsToId: M } });
    await tx.personLink.updateMany({ where: { teamId, id: { in: u.moved.linksFrom }, fromId: K }, data: { fromId: M } });
    await tx.personLink.updateMany({ where: { teamId, id: { in: u.moved.linksTo }, toId: K }, data: { toId: M } });
    await tx.personLink.createMany({
      data: u.dropped.links.map((l) => ({
        ...l,
        createdAt: new Date(l.createdAt),
        updatedAt: new Date(l.updatedAt),
        type: l.type as never,
        teamId,
      })),
      skipDuplicates: true,
    });
    for (const c of u.dropped.linkComments) await tx.reviewComment.updateMany({ where: { id: c.id, teamId }, data: { linkId: c.linkId } });
    await refreshLastContact(tx, teamId, [K, M]);
    await audit(tx, {
      teamId,
      actorId: ctx.userId,
      action: "keyPerson.mergeUndone",
      entityType: "KeyPerson",
      entityId: K,
      detail: { mergeId: id, mergedId: M },
    });
    return { keptId: K, mergedId: M };
  });
}
