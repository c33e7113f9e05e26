// Reading requests: the list, one request, templates, and the acceptance rates a mentor coaches with.
import { z } from "zod";
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { REQUEST_STATUSES } from "./schemas";
import { openSealed } from "@/lib/crypto/sealed-text";
import { DAY_MS } from "@/lib/dates";
import { VERSION_SELECT } from "./versions";

export const requestListSchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
  nurseId: z.string().min(1).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

const PAGE = 30;

export async function listRequests(ctx: TeamCtx, f: z.infer<typeof requestListSchema>) {
  const where: Prisma.RequestWhereInput = {
    teamId: ctx.teamId,
    ...(f.status ? { status: f.status } : {}),
    ...(f.nurseId ? { nurseId: f.nurseId } : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.request.count({ where }),
    ctx.db.request.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * PAGE,
      take: PAGE,
      select: {
        id: true,
        what: true,
        status: true,
        dueOn: true,
        effortMinutes: true,
        thankedAt: true,
        respondedAt: true,
        nurse: { select: { name: true } },
        keyPerson: { select: { id: true, name: true, title: true } },
      },
    }),
  ]);
  return { total, page: f.page, pages: Math.max(1, Math.ceil(total / PAGE)), rows };
}

export async function getRequest(ctx: TeamCtx, id: string) {
  const r = await ctx.db.request.findFirst({
    where: { id, teamId: ctx.teamId },
    select: {
      id: true,
      ...VERSION_SELECT,
      principles: true,
      status: true,
      sentAt: true,
      respondedAt: true,
      thankedAt: true,
      version: true,
      nurseId: true,
      templateId: true,
      caseId: true,
      initiativeId: true,
      keyPersonId: true,
      createdAt: true,
      nurse: { select: { name: true } },
      keyPerson: { select: { id: true, name: true, title: true, kind: true } },
      touchpoints: {
        where: { deletedAt: null },
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: { id: true, type: true, occurredAt: true, summary: true, followUpDueOn: true, followUpDoneAt: true },
      },
      events: { orderBy: [{ at: "asc" }, { createdAt: "asc" }], select: { id: true, status: true, at: true, undoneAt: true } },
      versions: {
        orderBy: { number: "asc" },
        select: { id: true, number: true, at: true, ...VERSION_SELECT, nurse: { select: { name: true } } },
      },
      commitment: { select: { id: true, what: true, dueOn: true, doneAt: true, touchpointId: true } },
    },
  });
  if (!r) throw new AppError("notFound");
  return openSealed(r);
}

export async function listTemplates(ctx: TeamCtx) {
  return ctx.db.requestTemplate.findMany({
    where: { teamId: ctx.teamId, archivedAt: null },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      what: true,
      doer: true,
      effortMinutes: true,
      frequency: true,
      benefit: true,
      reason: true,
      nurseSupport: true,
      fallbackWhat: true,
      fallbackMinutes: true,
      version: true,
    },
  });
}

type RateCount = { key: string; decided: number; accepted: number };

type Rate = RateCount & { rate: number | null };

/** Acceptance among answered requests: accepted (or its fallback accepted) / answered. */
export async function acceptanceRates(ctx: TeamCtx, sinceDays = 365, now = new Date()) {
  const since = new Date(now.getTime() - sinceDays * DAY_MS);
  // Every rate from one pass over the team's answered requests (grouping sets), reading the requests
  // alone: four statements each scanned them (22 of the list's 30 ms in PostgreSQL at bench scale),
  // and a join to the key persons read the team's whole key-person index on each view.
  // GROUPING(...) tells the sets apart: 7 by nurse, 11 by kind, 13 by fallback, 14 by principles.
  // The kind is the one the request carries (kept by the database, migration 20261207060000).
  // Principles are grouped by the whole list a request named and split here, which counts what an
  // unnest per request would.
  const [sets, nurses] = await Promise.all([
    ctx.db.$queryRaw<
      { g: number; nurse: string; kind: string; fallback: boolean; principles: string[] | null; decided: number; accepted: number }[]
    >`
      SELECT GROUPING(r."nurseId", r."keyPersonKind", r."fallbackWhat" <> '', r.principles)::int AS g,
        r."nurseId" AS nurse, r."keyPersonKind"::text AS kind, r."fallbackWhat" <> '' AS fallback,
        r.principles::text[] AS principles,
        count(*)::int AS decided,
        count(*) FILTER (WHERE r.status IN ('ACCEPTED','FALLBACK_ACCEPTED','DONE'))::int AS accepted
      FROM "Request" r
      WHERE r."teamId" = ${ctx.teamId} AND r."respondedAt" IS NOT NULL AND r."respondedAt" >= ${since}
      GROUP BY GROUPING SETS ((r."nurseId"), (r."keyPersonKind"), (r."fallbackWhat" <> ''), (r.principles))`,
    ctx.db.membership.findMany({ where: { teamId: ctx.teamId }, select: { user: { select: { id: true, name: true } } } }),
  ]);
  const sum = (g: number, keys: (row: (typeof sets)[number]) => string[]): RateCount[] => {
    const out = new Map<string, RateCount>();
    for (const row of sets.filter((r) => r.g === g))
      for (const key of keys(row)) {
        const c = out.get(key) ?? { key, decided: 0, accepted: 0 };
        c.decided += row.decided;
        c.accepted += row.accepted;
        out.set(key, c);
      }
    return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };
  const byNurse = sum(7, (r) => [r.nurse]);
  const byKind = sum(11, (r) => [r.kind]);
  const byFallback = sum(13, (r) => [r.fallback ? "with" : "without"]);
  // A list never written (NULL: rows put in by SQL, as the bench's) names nothing, as unnest said.
  const byPrinciple = sum(14, (r) => (r.principles === null ? [] : r.principles.length ? r.principles : ["NONE"]));
  const names = new Map(nurses.map((n) => [n.user.id, n.user.name]));
  const rate = (rows: RateCount[]): Rate[] => rows.map((r) => ({ ...r, rate: r.decided ? r.accepted / r.decided : null }));
  return {
    byNurse: rate(byNurse).map((r) => ({ ...r, label: names.get(r.key) ?? r.key })),
    byKind: rate(byKind),
    byFallback: rate(byFallback),
    byPrinciple: rate(byPrinciple),
  };
}
