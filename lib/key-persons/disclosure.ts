// Disclosure (開示) of what the team holds about one key person, as the APPI lets him ask for it:
// his record, his stance and its history with the reasons, touchpoints with him, requests made of
// him with their history, map links, and the review comments and actions about him. Other people
// (in a shared touchpoint, at a link's other end) are never named. Produced by an admin,
// audit-logged, as JSON and as a Japanese PDF (lib/key-persons/disclosure-pdf.tsx).
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { departmentLabels } from "@/lib/departments/tree";
import { AppError } from "@/lib/errors";
import { day, iso } from "@/lib/export/disclosure-response";
import { versionChanges } from "@/lib/requests/versions";
import { commentsAbout, linksOf } from "./about";
import { openSealed } from "@/lib/crypto/sealed-text";

export type Disclosure = Awaited<ReturnType<typeof collect>>;

export async function discloseKeyPerson(ctx: TeamCtx, id: string, format: "json" | "pdf", now = new Date()) {
  requirePermission(ctx, "keyPersons.disclose");
  const data = await collect(ctx, id, now);
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "keyPerson.disclose",
    entityType: "KeyPerson",
    entityId: id,
    detail: { format },
  });
  return data;
}

async function collect(ctx: TeamCtx, id: string, now: Date) {
  const { db, teamId } = ctx;
  const p = await db.keyPerson.findFirst({
    where: { id, teamId },
    select: {
      id: true,
      externalId: true,
      name: true,
      nameKana: true,
      title: true,
      kind: true,
      departmentId: true,
      stance: true,
      influence: true,
      interest: true,
      resistanceReason: true,
      painPoints: true,
      values: true,
      bestTiming: true,
      preferredChannel: true,
      tags: true,
      notes: true,
      archivedAt: true,
      createdAt: true,
      updatedAt: true,
      lastContactAt: true,
      owner: { select: { name: true } },
      reportsTo: { select: { name: true, title: true } },
    },
  });
  if (!p) throw new AppError("notFound");
  const [team, labels, stance, participations, requests, links, comments, actions] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } }),
    departmentLabels(db, teamId, p.departmentId ? [p.departmentId] : []),
    db.stanceChange.findMany({
      where: { teamId, keyPersonId: id },
      orderBy: { changedAt: "asc" },
      select: { changedAt: true, fromStance: true, toStance: true, reason: true, changedBy: { select: { name: true } } },
    }),
    db.touchpointParticipant.findMany({
      where: { teamId, keyPersonId: id, deleted: false },
      orderBy: { occurredAt: "asc" },
      select: {
        touchpoint: {
          select: {
            occurredAt: true,
            type: true,
            summary: true,
            followUpDueOn: true,
            nurse: { select: { name: true } },
            _count: { select: { participants: true } },
          },
        },
      },
    }),
    db.request.findMany({
      where: { teamId, keyPersonId: id },
      orderBy: { createdAt: "asc" },
      select: {
        what: true,
        doer: true,
        dueOn: true,
        effortMinutes: true,
        benefit: true,
        reason: true,
        nurseSupport: true,
        fallbackWhat: true,
        status: true,
        createdAt: true,
        nurse: { select: { name: true } },
        events: { where: { undoneAt: null }, orderBy: { at: "asc" }, select: { at: true, status: true } },
        versions: {
          orderBy: { number: "asc" },
          select: {
            number: true,
            at: true,
            what: true,
            doer: true,
            dueOn: true,
            effortMinutes: true,
            frequency: true,
            benefit: true,
            reason: true,
            nurseSupport: true,
            fallbackWhat: true,
            fallbackMinutes: true,
          },
        },
      },
    }),
    db.personLink.findMany({
      where: linksOf(teamId, id),
      select: { fromId: true, type: true, note: true },
    }),
    db.reviewComment.findMany({
      where: commentsAbout(teamId, id),
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, body: true, author: { select: { name: true } } },
    }),
    db.reviewAction.findMany({
      where: { teamId, keyPersonId: id },
      orderBy: { dueOn: "asc" },
      select: { title: true, dueOn: true, doneAt: true },
    }),
  ]);
  return {
    generatedAt: iso(now)!,
    team: team.name,
    person: {
      name: p.name,
      nameKana: p.nameKana,
      title: p.title,
      kind: p.kind,
      department: p.departmentId ? (labels.get(p.departmentId) ?? "") : "",
      externalId: p.externalId,
      stance: p.stance,
      influence: p.influence,
      interest: p.interest,
      resistanceReason: p.resistanceReason,
      painPoints: p.painPoints,
      values: p.values,
      bestTiming: p.bestTiming,
      preferredChannel: p.preferredChannel,
      tags: p.tags,
      notes: p.notes,
      owner: p.owner?.name ?? null,
      reportsTo: p.reportsTo ? `${p.reportsTo.name}${p.reportsTo.title ? ` ${p.reportsTo.title}` : ""}` : null,
      archivedAt: iso(p.archivedAt),
      createdAt: iso(p.createdAt)!,
      updatedAt: iso(p.updatedAt)!,
      lastContactAt: iso(p.lastContactAt),
    },
    stanceHistory: stance.map((s) => ({
      at: iso(s.changedAt)!,
      from: s.fromStance,
      to: s.toStance,
      reason: s.reason,
      by: s.changedBy.name,
    })),
    // Others in the same touchpoint are counted, not named: this is his record, not theirs.
    touchpoints: openSealed(participations).map(({ touchpoint: t }) => ({
      at: iso(t.occurredAt)!,
      type: t.type,
      summary: t.summary,
      nurse: t.nurse.name,
      othersPresent: t._count.participants - 1,
      followUpDueOn: day(t.followUpDueOn),
    })),
    requests: requests.map((r) => ({
      what: r.what,
      doer: r.doer,
      dueOn: day(r.dueOn),
      effortMinutes: r.effortMinutes,
      benefit: r.benefit,
      reason: r.reason,
      nurseSupport: r.nurseSupport,
      fallbackWhat: r.fallbackWhat,
      status: r.status,
      createdAt: iso(r.createdAt)!,
      nurse: r.nurse.name,
      history: r.events.map((e) => ({ at: iso(e.at)!, status: e.status })),
      // What was sent (version 1) and each change after it: what he received, as he received it.
      versions: r.versions.map((v, i) => ({
        number: v.number,
        at: iso(v.at)!,
        changes: i === 0 ? [] : versionChanges(r.versions[i - 1], v),
      })),
    })),
    // The other end of a link is someone else's record: its kind and direction, not the name.
    links: links.map((l) => ({ direction: l.fromId === id ? "from" : "to", type: l.type, note: l.note })),
    reviewComments: comments.map((c) => ({ at: iso(c.createdAt)!, author: c.author.name, body: c.body })),
    reviewActions: actions.map((a) => ({ title: a.title, dueOn: day(a.dueOn)!, done: a.doneAt !== null })),
  };
}
