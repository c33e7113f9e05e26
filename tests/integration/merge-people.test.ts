import { describe, expect, it } from "vitest";
import { mergePeople, mergePreview, mergesInto, undoMerge } from "@/lib/key-persons/merge";
import { createRequest } from "@/lib/requests/mutations";
import { createRequestSchema } from "@/lib/requests/schemas";
import { createTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const now = new Date("2026-11-30T01:00:00Z");

async function twins() {
  const t = await createTeamWithRoles(db());
  const ctx = await ctxFor(db(), t.nurse.user.id);
  const kept = await createPerson(db(), t.team.id, { name: "渡辺 明美", ownerId: t.nurse.user.id });
  const merged = await db().keyPerson.create({
    data: {
      teamId: t.team.id,
      kind: "LINE_MANAGER",
      name: "渡辺 明美",
      title: "課長",
      externalId: "HR-77",
      notes: "朝が話しやすい",
      tags: ["安全"],
      stance: "COOPERATIVE",
    },
  });
  const other = await createPerson(db(), t.team.id, { name: "森本 ゆかり" });
  const report = await db().keyPerson.create({
    data: { teamId: t.team.id, kind: "LINE_MANAGER", name: "部下 一郎", reportsToId: merged.id },
  });
  const log = (keyPersonIds: string[], summary: string) =>
    createTouchpoint(ctx, createTouchpointSchema.parse({ type: "GIVE", occurredOn: "2026-11-20", keyPersonIds, summary }), now);
  await log([kept.id, merged.id], "二人とも（同一人物）");
  await log([merged.id], "片方だけ");
  await createRequest(ctx, createRequestSchema.parse({ keyPersonId: merged.id, what: "面談に同席していただく" }));
  await db().stanceChange.create({
    data: {
      teamId: t.team.id,
      keyPersonId: merged.id,
      fromStance: "NEUTRAL",
      toStance: "COOPERATIVE",
      reason: "面談後",
      changedById: t.nurse.user.id,
    },
  });
  const c = await db().case.create({
    data: {
      teamId: t.team.id,
      employeeCode: "E1",
      kind: "OTHER",
      openedOn: new Date("2026-11-01"),
      keyPersons: { create: [{ keyPersonId: merged.id, teamId: t.team.id }] },
    },
  });
  const link = (fromId: string, toId: string) =>
    db().personLink.create({ data: { teamId: t.team.id, fromId, toId, type: "INFLUENCES", createdById: t.nurse.user.id } });
  await link(merged.id, other.id);
  await link(kept.id, other.id); // the same link twice: one stays
  await link(kept.id, merged.id); // a link between the two: goes
  return { ...t, ctx, kept, merged, other, report, caseId: c.id };
}

describe("merging two records of one person", () => {
  it("moves everything to the kept record, fills its blanks, and audits counts only", async () => {
    const s = await twins();
    const preview = await mergePreview(s.ctx, s.kept.id, s.merged.id);
    expect(preview.counts).toMatchObject({ touchpoints: 2, requests: 1, stanceChanges: 1, cases: 1, links: 2, reports: 1 });

    await mergePeople(s.ctx, { keptId: s.kept.id, keptVersion: 1, mergedId: s.merged.id, mergedVersion: 1 }, now);
    expect(await db().keyPerson.findUnique({ where: { id: s.merged.id } })).toBeNull();
    const kept = await db().keyPerson.findUniqueOrThrow({ where: { id: s.kept.id } });
    expect(kept).toMatchObject({ title: "課長", externalId: "HR-77", notes: "朝が話しやすい", tags: ["安全"], stance: "NEUTRAL" });
    expect(await db().touchpointParticipant.count({ where: { keyPersonId: s.kept.id } })).toBe(2);
    expect(await db().request.count({ where: { keyPersonId: s.kept.id } })).toBe(1);
    expect(await db().stanceChange.count({ where: { keyPersonId: s.kept.id } })).toBe(1);
    expect(await db().caseKeyPerson.count({ where: { keyPersonId: s.kept.id, caseId: s.caseId } })).toBe(1);
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: s.report.id } })).reportsToId).toBe(s.kept.id);
    const links = await db().personLink.findMany({ where: { teamId: s.team.id }, select: { fromId: true, toId: true } });
    expect(links).toEqual([{ fromId: s.kept.id, toId: s.other.id }]);
    const entry = await db().auditLog.findFirstOrThrow({ where: { teamId: s.team.id, action: "keyPerson.merge" } });
    expect(entry.entityId).toBe(s.kept.id);
    expect(JSON.stringify(entry.detail)).not.toContain("渡辺");
    expect(JSON.stringify(entry.detail)).not.toContain("朝が話しやすい");
    expect(entry.detail).toMatchObject({ participants: 1, requests: 1 });
  });

  it("is undone: both records come back with what each had", async () => {
    const s = await twins();
    const { id } = await mergePeople(s.ctx, { keptId: s.kept.id, keptVersion: 1, mergedId: s.merged.id, mergedVersion: 1 }, now);
    expect((await mergesInto(s.ctx, s.kept.id)).map((m) => m.mergedName)).toEqual(["渡辺 明美"]);
    await undoMerge(s.ctx, id, now);
    const merged = await db().keyPerson.findUniqueOrThrow({ where: { id: s.merged.id } });
    expect(merged).toMatchObject({ title: "課長", externalId: "HR-77", notes: "朝が話しやすい", stance: "COOPERATIVE" });
    expect(await db().keyPerson.findUniqueOrThrow({ where: { id: s.kept.id } })).toMatchObject({
      title: "",
      externalId: null,
      notes: "",
      tags: [],
    });
    expect(await db().touchpointParticipant.count({ where: { keyPersonId: s.merged.id } })).toBe(2);
    expect(await db().touchpointParticipant.count({ where: { keyPersonId: s.kept.id } })).toBe(1);
    expect(await db().request.count({ where: { keyPersonId: s.merged.id } })).toBe(1);
    expect(await db().stanceChange.count({ where: { keyPersonId: s.merged.id } })).toBe(1);
    expect(await db().caseKeyPerson.count({ where: { keyPersonId: s.merged.id } })).toBe(1);
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: s.report.id } })).reportsToId).toBe(s.merged.id);
    expect(await db().personLink.count({ where: { teamId: s.team.id } })).toBe(3);
    expect(merged.lastContactAt).not.toBeNull();
    expect(await mergesInto(s.ctx, s.kept.id)).toEqual([]);
    await expect(undoMerge(s.ctx, id, now)).rejects.toMatchObject({ messageKey: "nothingToUndo" });
    expect(await db().auditLog.count({ where: { teamId: s.team.id, action: "keyPerson.mergeUndone" } })).toBe(1);
  });

  it("never merges a held record away: the hold would go with it and the kept one could be erased", async () => {
    const s = await twins();
    await db().keyPerson.update({ where: { id: s.merged.id }, data: { legalHold: "LITIGATION", legalHoldAt: now } });
    await expect(
      mergePeople(s.ctx, { keptId: s.kept.id, keptVersion: 1, mergedId: s.merged.id, mergedVersion: 1 }, now),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "mergeUnderLegalHold" });
    expect(await db().keyPerson.findUnique({ where: { id: s.merged.id }, select: { legalHold: true } })).toEqual({
      legalHold: "LITIGATION",
    });
    // The held record may be the one kept: everything moves under the hold.
    await mergePeople(s.ctx, { keptId: s.merged.id, keptVersion: 1, mergedId: s.kept.id, mergedVersion: 1 }, now);
    expect(await db().keyPerson.findUnique({ where: { id: s.merged.id }, select: { legalHold: true } })).toEqual({
      legalHold: "LITIGATION",
    });
  });

  it("refuses a stale page, a record merged with itself, and another team's people", async () => {
    const s = await twins();
    await expect(
      mergePeople(s.ctx, { keptId: s.kept.id, keptVersion: 2, mergedId: s.merged.id, mergedVersion: 1 }, now),
    ).rejects.toMatchObject({ messageKey: "staleEdit" });
    await expect(
      mergePeople(s.ctx, { keptId: s.kept.id, keptVersion: 1, mergedId: s.kept.id, mergedVersion: 1 }, now),
    ).rejects.toMatchObject({ code: "validation" });
    const other = await createTeamWithRoles(db());
    const outsider = await ctxFor(db(), other.admin.user.id);
    await expect(
      mergePeople(outsider, { keptId: s.kept.id, keptVersion: 1, mergedId: s.merged.id, mergedVersion: 1 }, now),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(mergePreview(outsider, s.kept.id, s.merged.id)).rejects.toMatchObject({ code: "notFound" });
    const { id } = await mergePeople(s.ctx, { keptId: s.kept.id, keptVersion: 1, mergedId: s.merged.id, mergedVersion: 1 }, now);
    await expect(undoMerge(outsider, id, now)).rejects.toMatchObject({ code: "notFound" });
  });
});
