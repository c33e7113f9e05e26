// Disclosure (開示) of what the team holds about one key person, as the APPI lets him ask for it:
// his record, his stance and its history with the reasons, touchpoints with him, requests made of
// him with their history, map links, the review comments and actions about him, and the sentences
// that name him in other records (lib/key-persons/mentions.ts). Written for him to read: his stance
// and its reasons in the outward words of the catalog ("outward"), and no one else named — not the
// others in a shared touchpoint, not the nurses, not his boss (his title only), and other names in a
// quoted sentence hidden. Mentions in case records are withheld (the employee's health information)
// and counted. Produced by an admin, audit-logged, as JSON and as a Japanese PDF
// (lib/key-persons/disclosure-pdf.tsx).
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { departmentLabels } from "@/lib/departments/tree";
import { AppError } from "@/lib/errors";
import { day, iso } from "@/lib/export/disclosure-response";
import { translatorFor } from "@/lib/i18n/translator";
import { VERSION_SELECT, versionChanges } from "@/lib/requests/versions";
import { commentsAbout, linksOf } from "./about";
import { findMentions, mentionPattern } from "./mentions";
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
    detail: { format, mentions: data.mentions.length, withheldMentions: data.withheldMentions },
  });
  return data;
}

/**
 * The mentions of him a disclosure carries (outside his own record, not in case records), and those
 * it withholds. Other people's names are hidden here for the preview; the disclosure itself hides
 * them once over its whole text (`hideOthers: false`).
 */
export async function disclosedMentions(
  ctx: TeamCtx,
  person: { id: string; name: string; nameKana: string },
  options = { hideOthers: true },
) {
  const all = await findMentions(ctx.db, ctx.teamId, person);
  const shown = all.filter((m) => !m.own && !m.sealed && m.excerpt);
  return {
    shown: options.hideOthers ? await hideOthers(ctx, person.id, shown) : shown,
    withheld: all.filter((m) => m.sealed).length,
  };
}

const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

/** Every string of a disclosure with anyone else's name hidden (his own stays); dates and other values pass through. */
async function hideOthers<T>(ctx: TeamCtx, id: string, value: T): Promise<T> {
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (isPlain(v)) Object.values(v).forEach(walk);
  };
  walk(value);
  const others = await otherNames(ctx, id, strings.join("\n"));
  if (others.length === 0) return value;
  const hide = (text: string) => others.reduce((t, re) => t.replace(re, OTHER_PERSON), text);
  const map = (v: unknown): unknown =>
    typeof v === "string"
      ? hide(v)
      : Array.isArray(v)
        ? v.map(map)
        : isPlain(v)
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x)]))
          : v;
  return map(value) as T;
}

const OTHER_PERSON = "（ほかの人）";

/** Patterns for everyone else the text names: the team's other key persons and its members. */
async function otherNames(ctx: TeamCtx, id: string, text: string): Promise<RegExp[]> {
  if (!text) return [];
  // The text's search key is computed once; each name's key is looked for in it.
  const rows = await ctx.db.$queryRaw<{ name: string; nameKana: string }[]>`
    WITH x AS (SELECT ally_search_key(${text}) AS k)
    SELECT p.name, p."nameKana" FROM "KeyPerson" p, x
    WHERE p."teamId" = ${ctx.teamId} AND p.id <> ${id} AND length(ally_search_key(p.name)) >= 2
      AND strpos(x.k, ally_search_key(p.name)) > 0
    UNION ALL
    SELECT u.name, '' FROM "Membership" m JOIN "User" u ON u.id = m."userId", x
    WHERE m."teamId" = ${ctx.teamId} AND length(ally_search_key(u.name)) >= 2
      AND strpos(x.k, ally_search_key(u.name)) > 0`;
  return rows
    .map((r) => mentionPattern(r))
    .filter((p): p is string => p !== null)
    .map((p) => new RegExp(p, "gu"));
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
      thanksConsentOn: true,
      ownerId: true,
      reportsTo: { select: { title: true } },
    },
  });
  if (!p) throw new AppError("notFound");
  const [team, labels, stance, participations, requests, links, comments, actions, mentions] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } }),
    departmentLabels(db, teamId, p.departmentId ? [p.departmentId] : []),
    db.stanceChange.findMany({
      where: { teamId, keyPersonId: id },
      orderBy: { changedAt: "asc" },
      select: { changedAt: true, fromStance: true, toStance: true, reason: true },
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
        events: { where: { undoneAt: null }, orderBy: { at: "asc" }, select: { at: true, status: true } },
        versions: {
          orderBy: { number: "asc" },
          select: { number: true, at: true, ...VERSION_SELECT },
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
      select: { createdAt: true, body: true },
    }),
    db.reviewAction.findMany({
      where: { teamId, keyPersonId: id },
      orderBy: { dueOn: "asc" },
      select: { title: true, dueOn: true, doneAt: true },
    }),
    disclosedMentions(ctx, p, { hideOthers: false }),
  ]);
  const o = translatorFor("ja");
  const disclosed = await hideOthers(ctx, id, {
    person: {
      nameKana: p.nameKana,
      title: p.title,
      kind: p.kind,
      department: p.departmentId ? (labels.get(p.departmentId) ?? "") : "",
      externalId: p.externalId,
      // In the words written for him to read (outward), not the team's working labels.
      stance: o(`outward.stances.${p.stance}`),
      influence: p.influence,
      interest: p.interest,
      resistanceReason: p.resistanceReason ? o(`outward.reasons.${p.resistanceReason}`) : null,
      painPoints: p.painPoints,
      values: p.values,
      bestTiming: p.bestTiming,
      preferredChannel: p.preferredChannel,
      tags: p.tags,
      notes: p.notes,
      // Who among the nurses, and who his boss is, are other people's names: that there is one, and the title.
      hasOwner: p.ownerId !== null,
      reportsTo: p.reportsTo ? p.reportsTo.title || o("outward.reportsToKnown") : null,
      archivedAt: iso(p.archivedAt),
      createdAt: iso(p.createdAt)!,
      updatedAt: iso(p.updatedAt)!,
      lastContactAt: iso(p.lastContactAt),
      // The day he agreed to be thanked by name in a 保健師だより (null: not recorded).
      thanksConsentOn: p.thanksConsentOn ? p.thanksConsentOn.toISOString().slice(0, 10) : null,
    },
    stanceHistory: stance.map((s) => ({
      at: iso(s.changedAt)!,
      from: s.fromStance ? o(`outward.stances.${s.fromStance}`) : null,
      to: o(`outward.stances.${s.toStance}`),
      reason: s.reason,
    })),
    // Others in the same touchpoint are counted, not named: this is his record, not theirs.
    touchpoints: openSealed(participations).map(({ touchpoint: t }) => ({
      at: iso(t.occurredAt)!,
      type: t.type,
      summary: t.summary,
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
    reviewComments: comments.map((c) => ({ at: iso(c.createdAt)!, body: c.body })),
    reviewActions: actions.map((a) => ({ title: a.title, dueOn: day(a.dueOn)!, done: a.doneAt !== null })),
    // Sentences in other records that name him, with anyone else they name hidden.
    mentions: mentions.shown.map((m) => ({ where: m.table, at: iso(m.at)!, text: m.excerpt! })),
  });
  // His name and the team's stay as they are: the rest was written by the team about others too.
  return {
    generatedAt: iso(now)!,
    team: team.name,
    ...disclosed,
    person: { name: p.name, ...disclosed.person },
    withheldMentions: mentions.withheld,
  };
}
