// A nurse's side of the 保健師だより: a proposal from a pilot's run (every sentence hers to edit),
// saved with optimistic locking, issued as a frozen copy. Every query is scoped by the team.
import type { TeamCtx } from "@/lib/auth/context";
import { audit } from "@/lib/audit";
import { formatLongDay, tokyoToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { translatorFor } from "@/lib/i18n/translator";
import { mentionPattern } from "@/lib/key-persons/mentions";
import { clip, NEWSLETTER_LIMITS, sentencesOf } from "./constants";
import { runFigures, type NewsletterFigures } from "./figures";
import type { NewsletterInput } from "./schemas";

const runSelect = {
  id: true,
  runOn: true,
  participants: true,
  survey: { select: { id: true } },
  initiative: {
    select: {
      id: true,
      title: true,
      goodExample: true,
      departments: { select: { department: { select: { name: true } } } },
      champions: {
        select: {
          keyPerson: { select: { id: true, name: true, title: true, thanksConsentOn: true, department: { select: { name: true } } } },
        },
      },
    },
  },
} as const;

async function loadRun(ctx: TeamCtx, resultId: string) {
  const run = await ctx.db.initiativeResult.findFirst({ where: { id: resultId, teamId: ctx.teamId }, select: runSelect });
  if (!run) throw new AppError("notFound");
  return run;
}

/** Creates the newsletter of a run from a proposal the nurse then edits; one per run. */
export async function createNewsletter(ctx: TeamCtx, resultId: string) {
  const run = await loadRun(ctx, resultId);
  const existing = await ctx.db.newsletter.findUnique({ where: { resultId: run.id }, select: { id: true, teamId: true } });
  if (existing && existing.teamId === ctx.teamId) return { id: existing.id, created: false };
  const { figures } = await runFigures(ctx, run);
  const locale = ctx.user.locale === "en" ? "en" : "ja";
  const t = translatorFor(locale);
  const L = NEWSLETTER_LIMITS;
  const where = figures.departments.length
    ? figures.departments.join(t("newsletters.proposal.listSeparator"))
    : t("newsletters.proposal.somewhere");
  const when = formatLongDay(locale, figures.runOn);
  const lead =
    figures.participants !== null
      ? t("newsletters.proposal.lead", { when, where, title: figures.initiativeTitle, participants: figures.participants })
      : t("newsletters.proposal.leadNoCount", { when, where, title: figures.initiativeTitle });
  const thanked = run.initiative.champions.map((c) => c.keyPerson).find((p) => p.thanksConsentOn !== null) ?? null;
  try {
    const created = await ctx.db.$transaction(async (tx) => {
      const n = await tx.newsletter.create({
        data: {
          teamId: ctx.teamId,
          resultId: run.id,
          title: clip(t("newsletters.proposal.title", { title: figures.initiativeTitle }), L.title),
          lead: clip(lead, L.lead),
          goodExample: clip(run.initiative.goodExample, L.goodExample),
          thanksKeyPersonId: thanked?.id ?? null,
          thanks: thanked
            ? clip(
                t("newsletters.proposal.thanks", { name: thanked.name, department: thanked.department?.name ?? thanked.title ?? "" }),
                L.thanks,
              )
            : "",
          closing: clip(t("newsletters.proposal.closing"), L.closing),
          createdById: ctx.userId,
        },
        select: { id: true },
      });
      await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: "newsletter.create", entityType: "Newsletter", entityId: n.id });
      return n;
    });
    return { id: created.id, created: true };
  } catch (e) {
    // Two nurses pressed at once: the run has its newsletter; open it.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const n = await ctx.db.newsletter.findFirst({ where: { resultId: run.id, teamId: ctx.teamId }, select: { id: true } });
      if (n) return { id: n.id, created: false };
    }
    throw e;
  }
}

/** The newsletter with its run, its figures as they would be issued now, and its issues. */
export async function getNewsletter(ctx: TeamCtx, id: string) {
  const n = await ctx.db.newsletter.findFirst({
    where: { id, teamId: ctx.teamId },
    include: {
      result: { select: runSelect },
      issues: { orderBy: { number: "desc" }, select: { id: true, number: true, issuedAt: true, issuedBy: { select: { name: true } } } },
    },
  });
  if (!n) throw new AppError("notFound");
  const { figures, texts } = await runFigures(ctx, n.result);
  const champions = n.result.initiative.champions.map((c) => ({
    id: c.keyPerson.id,
    name: c.keyPerson.name,
    department: c.keyPerson.department?.name ?? "",
    consentOn: c.keyPerson.thanksConsentOn,
  }));
  return { newsletter: n, figures, texts, champions };
}

export async function listNewsletters(ctx: TeamCtx, { page = 1, perPage = 20 }: { page?: number; perPage?: number } = {}) {
  const where = { teamId: ctx.teamId };
  const [total, rows] = await Promise.all([
    ctx.db.newsletter.count({ where }),
    ctx.db.newsletter.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        title: true,
        updatedAt: true,
        result: { select: { runOn: true, initiative: { select: { id: true, title: true } } } },
        _count: { select: { issues: true } },
      },
    }),
  ]);
  return { total, rows, page, perPage };
}

export async function updateNewsletter(ctx: TeamCtx, input: NewsletterInput) {
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.newsletter.findFirst({ where: { id: input.id, teamId: ctx.teamId }, select: { id: true, resultId: true } });
    if (!current) throw new AppError("notFound");
    if (input.thanksKeyPersonId) await thankable(tx, ctx.teamId, current.resultId, input.thanksKeyPersonId);
    const res = await tx.newsletter.updateMany({
      where: { id: input.id, teamId: ctx.teamId, version: input.version },
      data: { ...sentencesOf(input), thanksKeyPersonId: input.thanksKeyPersonId ?? null, version: { increment: 1 } },
    });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    await audit(tx, { teamId: ctx.teamId, actorId: ctx.userId, action: "newsletter.update", entityType: "Newsletter", entityId: input.id });
    return { id: input.id, version: input.version + 1 };
  });
}

type Tx = Prisma.TransactionClient;

/** The person to thank is a champion of this run's initiative, in this team. */
async function thankable(tx: Tx, teamId: string, resultId: string, keyPersonId: string) {
  const ok = await tx.initiativeChampion.count({
    where: { teamId, keyPersonId, initiative: { results: { some: { id: resultId } } } },
  });
  if (!ok) throw new AppError("validation", "validation.invalidChoice", { thanksKeyPersonId: ["invalidChoice"] });
}

/**
 * Key people named in the sentences without a recorded consent: their names as written in the team.
 * A name (or its reading) is found however it is written, as erasure finds it.
 */
export async function namedWithoutConsent(tx: Pick<Tx, "keyPerson">, teamId: string, sentences: string[]) {
  const text = sentences.join("\n").normalize("NFKC");
  if (!text.trim()) return [];
  const people = await tx.keyPerson.findMany({
    where: { teamId, thanksConsentOn: null },
    select: { name: true, nameKana: true },
  });
  const found = new Set<string>();
  for (const p of people) {
    const pattern = mentionPattern(p);
    if (pattern && new RegExp(pattern).test(text)) found.add(p.name);
  }
  return [...found].sort();
}

/** Freezes the saved version the nurse read: its sentences and the figures as they stand now. */
export async function issueNewsletter(ctx: TeamCtx, input: { id: string; version: number }) {
  const { newsletter: n, figures } = await getNewsletter(ctx, input.id);
  if (n.version !== input.version) throw new AppError("conflict", "staleEdit");
  return ctx.db.$transaction(async (tx) => {
    if (n.thanksKeyPersonId) {
      const p = await tx.keyPerson.findFirst({ where: { id: n.thanksKeyPersonId, teamId: ctx.teamId }, select: { thanksConsentOn: true } });
      if (!p?.thanksConsentOn) throw new AppError("validation", "newsletters.noConsent", { thanksKeyPersonId: ["noConsent"] });
    }
    const named = await namedWithoutConsent(tx, ctx.teamId, Object.values(sentencesOf(n)));
    if (named.length) throw new AppError("validation", "newsletters.namedWithoutConsent", undefined, { names: named });
    // Issue numbers follow each other; a second nurse issuing at the same moment loses on the unique key.
    const last = await tx.newsletterIssue.findFirst({
      where: { newsletterId: n.id },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const still = await tx.newsletter.count({ where: { id: n.id, version: input.version } });
    if (!still) throw new AppError("conflict", "staleEdit");
    const issue = await tx.newsletterIssue.create({
      data: {
        teamId: ctx.teamId,
        newsletterId: n.id,
        number: (last?.number ?? 0) + 1,
        ...sentencesOf(n),
        figures: figures as unknown as Prisma.InputJsonValue,
        issuedById: ctx.userId,
      },
      select: { id: true, number: true },
    });
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "newsletter.issue",
      entityType: "Newsletter",
      entityId: n.id,
      detail: { issueId: issue.id, number: issue.number, responses: figures.responses },
    });
    return issue;
  });
}

export type FrozenNewsletter = {
  id: string;
  number: number;
  issuedAt: Date;
  title: string;
  lead: string;
  goodExample: string;
  comment1: string;
  comment2: string;
  thanks: string;
  closing: string;
  figures: NewsletterFigures;
};

const issueSelect = {
  id: true,
  number: true,
  issuedAt: true,
  title: true,
  lead: true,
  goodExample: true,
  comment1: true,
  comment2: true,
  thanks: true,
  closing: true,
  figures: true,
} as const;

export const frozen = (row: Omit<FrozenNewsletter, "figures"> & { figures: unknown }): FrozenNewsletter => ({
  ...row,
  figures: row.figures as NewsletterFigures,
});

/** One issued version, in this team. */
export async function getNewsletterIssue(ctx: TeamCtx, issueId: string) {
  const row = await ctx.db.newsletterIssue.findFirst({ where: { id: issueId, teamId: ctx.teamId }, select: issueSelect });
  if (!row) throw new AppError("notFound");
  return frozen(row);
}

export { issueSelect as newsletterIssueSelect };

/** Records (or withdraws) a key person's consent to be thanked by name in a 保健師だより. */
export async function setThanksConsent(ctx: TeamCtx, input: { keyPersonId: string; consent: boolean }, now = new Date()) {
  const day = tokyoToday(now);
  const res = await ctx.db.keyPerson.updateMany({
    where: { id: input.keyPersonId, teamId: ctx.teamId },
    data: { thanksConsentOn: input.consent ? day : null },
  });
  if (res.count !== 1) throw new AppError("notFound");
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: input.consent ? "keyPerson.thanksConsent" : "keyPerson.thanksConsentWithdrawn",
    entityType: "KeyPerson",
    entityId: input.keyPersonId,
  });
}
