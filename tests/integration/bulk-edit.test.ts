import { describe, expect, it } from "vitest";
import { bulkEdit, bulkEditSchema, bulkUndoSchema, undoBulkEdit } from "@/lib/key-persons/bulk";
import { setupTestDatabase } from "../support/db";
import { createDepartment, createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

async function setup() {
  const t = await createTeamWithRoles(db());
  const ctx = await ctxFor(db(), t.nurse.user.id);
  const dept = await createDepartment(db(), t.team.id, "第一工場");
  const people = await Promise.all(["甲", "乙", "丙"].map((name) => createPerson(db(), t.team.id, { name, ownerId: t.nurse.user.id })));
  await db().keyPerson.update({ where: { id: people[0]!.id }, data: { tags: ["安全"] } });
  return { ...t, ctx, dept, ids: people.map((p) => p.id) };
}
const read = (ids: string[]) =>
  db().keyPerson.findMany({
    where: { id: { in: ids } },
    orderBy: { name: "asc" },
    select: { name: true, ownerId: true, departmentId: true, tags: true, archivedAt: true },
  });

describe("bulk edit from the key-person list", () => {
  it("changes owner, department and tags, archives, and audits the count", async () => {
    const s = await setup();
    const two = s.ids.slice(0, 2);
    await bulkEdit(s.ctx, bulkEditSchema.parse({ action: "owner", ids: two, ownerId: s.mentor.user.id }));
    await bulkEdit(s.ctx, bulkEditSchema.parse({ action: "department", ids: two, departmentId: s.dept.id }));
    await bulkEdit(s.ctx, bulkEditSchema.parse({ action: "addTag", ids: s.ids, tag: "安全" }));
    await bulkEdit(s.ctx, bulkEditSchema.parse({ action: "addTag", ids: two, tag: "キーマン" }));
    const rows = Object.fromEntries(
      (await read(s.ids)).map((r) => [r.name, [r.ownerId === s.mentor.user.id, r.departmentId === s.dept.id, r.tags]]),
    );
    // 甲 had the tag already: not twice.
    expect(rows).toEqual({ 甲: [true, true, ["安全", "キーマン"]], 乙: [true, true, ["安全", "キーマン"]], 丙: [false, false, ["安全"]] });
    await bulkEdit(s.ctx, bulkEditSchema.parse({ action: "removeTag", ids: s.ids, tag: "安全" }));
    await bulkEdit(s.ctx, bulkEditSchema.parse({ action: "archive", ids: two }));
    expect((await read(two)).every((r) => r.archivedAt && !r.tags.includes("安全"))).toBe(true);
    expect(await db().auditLog.count({ where: { teamId: s.team.id, action: "keyPerson.bulkEdit" } })).toBe(6);
  });

  it("is undone from the values before, skipping a person edited since", async () => {
    const s = await setup();
    const { before } = await bulkEdit(s.ctx, bulkEditSchema.parse({ action: "department", ids: s.ids, departmentId: s.dept.id }));
    await db().keyPerson.update({ where: { id: s.ids[2] }, data: { title: "課長", version: { increment: 1 } } });
    const res = await undoBulkEdit(s.ctx, bulkUndoSchema.parse({ rows: before }));
    expect(res).toEqual({ restored: 2, skipped: 1 });
    const byId = new Map((await db().keyPerson.findMany({ where: { id: { in: s.ids } } })).map((p) => [p.id, p.departmentId]));
    expect([byId.get(s.ids[0]!), byId.get(s.ids[1]!), byId.get(s.ids[2]!)]).toEqual([null, null, s.dept.id]);
  });

  it("refuses another team's people, department or owner, and a junior without the right", async () => {
    const s = await setup();
    const other = await createTeamWithRoles(db());
    const theirs = await createPerson(db(), other.team.id, { name: "他社" });
    const theirDept = await createDepartment(db(), other.team.id, "他社工場");
    await expect(bulkEdit(s.ctx, bulkEditSchema.parse({ action: "archive", ids: [s.ids[0], theirs.id] }))).rejects.toMatchObject({
      code: "notFound",
    });
    expect((await read([s.ids[0]!]))[0]!.archivedAt).toBeNull();
    await expect(
      bulkEdit(s.ctx, bulkEditSchema.parse({ action: "department", ids: s.ids, departmentId: theirDept.id })),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      bulkEdit(s.ctx, bulkEditSchema.parse({ action: "owner", ids: s.ids, ownerId: other.nurse.user.id })),
    ).rejects.toMatchObject({ code: "validation" });
    const forged = { id: s.ids[0]!, ownerId: null, departmentId: theirDept.id, tags: [], archivedAt: null, version: 1 };
    await expect(undoBulkEdit(s.ctx, bulkUndoSchema.parse({ rows: [forged] }))).rejects.toMatchObject({ code: "notFound" });
    expect(() => bulkEditSchema.parse({ action: "addTag", ids: s.ids, tag: "" })).toThrow();
  });
});
