// Reading departments: the tree with counts, one department, and the visit briefing.
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { groupSizeOf } from "@/lib/statistics/suppression";
import { acceptedWhat, thanksOwedSelect, thanksOwedWhere } from "@/lib/requests/accepted";
import { departmentLabels, subtreeIds } from "./tree";
import { openSealed } from "@/lib/crypto/sealed-text";
import { DAY_MS } from "@/lib/dates";
import { compareJa } from "@/lib/i18n/collate";

/**
 * The team's departments in depth-first order with their depth. With `counts` (the default) each
 * carries its key persons and those below it; option lists pass `counts: false` and skip counting
 * every person of the team.
 */
export async function departmentTree(ctx: TeamCtx, { includeArchived = false, counts: withCounts = true } = {}) {
  const [departments, counts] = await Promise.all([
    ctx.db.department.findMany({
      where: { teamId: ctx.teamId, ...(includeArchived ? {} : { archivedAt: null }) },
      orderBy: [{ path: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        kind: true,
        parentId: true,
        path: true,
        headcount: true,
        externalId: true,
        archivedAt: true,
        version: true,
      },
    }),
    withCounts
      ? ctx.db.keyPerson.groupBy({ by: ["departmentId"], where: { teamId: ctx.teamId, archivedAt: null }, _count: { _all: true } })
      : [],
  ]);
  const countOf = new Map(counts.map((c) => [c.departmentId, c._count._all]));
  const ids = new Set(departments.map((d) => d.id));
  const byParent = new Map<string | null, typeof departments>();
  for (const d of departments) {
    const key = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), d]);
  }
  // Depth-first order with depth, ready to render as an indented list; each department counts its
  // own key persons and those of every department below it.
  const out: ((typeof departments)[number] & { depth: number; keyPersons: number; keyPersonsInSubtree: number })[] = [];
  const walk = (parent: string | null, depth: number): number => {
    let total = 0;
    for (const d of (byParent.get(parent) ?? []).sort((a, b) => compareJa(a.name, b.name))) {
      const row = { ...d, depth, keyPersons: countOf.get(d.id) ?? 0, keyPersonsInSubtree: 0 };
      out.push(row);
      row.keyPersonsInSubtree = row.keyPersons + walk(d.id, depth + 1);
      total += row.keyPersonsInSubtree;
    }
    return total;
  };
  walk(null, 0);
  return out;
}

export async function getDepartment(ctx: TeamCtx, id: string) {
  const d = await ctx.db.department.findFirst({
    where: { id, teamId: ctx.teamId },
    select: {
      id: true,
      name: true,
      kind: true,
      parentId: true,
      path: true,
      headcount: true,
      externalId: true,
      archivedAt: true,
      version: true,
    },
  });
  if (!d) throw new AppError("notFound");
  const labels = await departmentLabels(ctx.db, ctx.teamId, [id]);
  return { ...d, label: labels.get(id) ?? d.name };
}

/** A department's headcount: its own, or (when not recorded) the sum of its children's, recursively. */
/** Everything to read before visiting a department, in one page. Cases appear as counts only. */
export async function visitBriefing(ctx: TeamCtx, id: string, now = new Date()) {
  const department = await getDepartment(ctx, id);
  const ids = await subtreeIds(ctx.db, ctx.teamId, id);
  const inDept = { teamId: ctx.teamId, departmentId: { in: ids } };
  const [people, openRequests, thanksOwed, notes, initiatives, caseCounts, followUps] = await Promise.all([
    ctx.db.keyPerson.findMany({
      where: { ...inDept, archivedAt: null },
      orderBy: [{ stance: "desc" }, { influence: "desc" }, { name: "asc" }],
      take: 200,
      select: {
        id: true,
        name: true,
        title: true,
        stance: true,
        influence: true,
        lastContactAt: true,
        painPoints: true,
        bestTiming: true,
        resistanceReason: true,
      },
    }),
    ctx.db.request.findMany({
      // In progress: awaiting an answer, or accepted with its deadline still ahead (or at most a month
      // behind); an acceptance whose deadline passed long ago is history, not something to raise.
      where: {
        teamId: ctx.teamId,
        keyPerson: { departmentId: { in: ids } },
        OR: [
          { status: { in: ["SENT", "FALLBACK_SENT"] } },
          {
            status: { in: ["ACCEPTED", "FALLBACK_ACCEPTED"] },
            OR: [{ dueOn: null }, { dueOn: { gte: new Date(now.getTime() - 30 * DAY_MS) } }],
          },
        ],
      },
      orderBy: { dueOn: { sort: "asc", nulls: "last" } },
      take: 30,
      select: {
        id: true,
        what: true,
        status: true,
        dueOn: true,
        keyPerson: { select: { id: true, name: true } },
        nurse: { select: { name: true } },
      },
    }),
    ctx.db.request
      .findMany({
        where: { teamId: ctx.teamId, keyPerson: { departmentId: { in: ids } }, ...thanksOwedWhere },
        take: 30,
        select: thanksOwedSelect,
      })
      .then((rs) => rs.map(acceptedWhat)),
    ctx.db.departmentNote.findMany({
      where: { teamId: ctx.teamId, departmentId: { in: ids }, notedOn: { gte: new Date(now.getTime() - 365 * DAY_MS) } },
      orderBy: { notedOn: "desc" },
      take: 10,
      select: { id: true, kind: true, body: true, notedOn: true, department: { select: { name: true } } },
    }),
    ctx.db.initiative.findMany({
      // Under way: proposed, piloting or rolled out; an evaluated pilot awaits a decision, not a visit.
      where: {
        teamId: ctx.teamId,
        stage: { in: ["PROPOSED", "PILOT", "ADOPTED", "EXPANDED"] },
        departments: { some: { departmentId: { in: ids } } },
      },
      orderBy: { updatedAt: "desc" },
      take: 10,
      select: { id: true, title: true, stage: true },
    }),
    ctx.db.case.groupBy({
      by: ["status"],
      where: { ...inDept, deletedAt: null, withdrawnAt: null, status: { not: "CLOSED" } },
      _count: { _all: true },
    }),
    ctx.db.touchpoint.findMany({
      where: {
        teamId: ctx.teamId,
        deletedAt: null,
        followUpDoneAt: null,
        followUpDueOn: { not: null },
        participants: { some: { keyPerson: { departmentId: { in: ids } } } },
      },
      orderBy: { followUpDueOn: "asc" },
      take: 20,
      select: {
        id: true,
        summary: true,
        followUpDueOn: true,
        participants: { select: { keyPerson: { select: { id: true, name: true } } } },
      },
    }),
  ]);
  const openCases = caseCounts.reduce((s, c) => s + c._count._all, 0);
  const quietest = [...people].sort((a, b) => (a.lastContactAt?.getTime() ?? 0) - (b.lastContactAt?.getTime() ?? 0)).slice(0, 3);
  const askable = people
    .filter((p) => p.stance === "COOPERATIVE" || p.stance === "CHAMPION")
    .filter((p) => !thanksOwed.some((t) => t.keyPerson.id === p.id))
    .slice(0, 3);
  return {
    department,
    people,
    openRequests,
    thanksOwed,
    notes,
    initiatives,
    // A printed briefing leaves the team, and is printed for any department at any day: an exact
    // count would subtract (company minus one department, today minus last week) to a few cases.
    // It says only "at least k" (never a number below k, never zero), whatever the headcount.
    openCases: { atLeast: openCases >= groupSizeOf(ctx.team.minGroupSize) ? groupSizeOf(ctx.team.minGroupSize) : null },
    followUps: openSealed(followUps),
    suggestions: { reconnect: quietest, thank: thanksOwed.slice(0, 3), ask: askable },
  };
}

/** Departments whose name contains `q`, labelled with the names above them (the dashboard's filter). */
export async function searchDepartments(ctx: TeamCtx, q: string, take = 20): Promise<{ id: string; label: string }[]> {
  const found = await ctx.db.department.findMany({
    where: { teamId: ctx.teamId, archivedAt: null, ...(q ? { name: { contains: q, mode: "insensitive" as const } } : {}) },
    orderBy: [{ path: "asc" }, { name: "asc" }],
    take,
    select: { id: true },
  });
  const labels = await departmentLabels(
    ctx.db,
    ctx.teamId,
    found.map((d) => d.id),
  );
  return found.map((d) => ({ id: d.id, label: labels.get(d.id) ?? "" }));
}
