import { describe, expect, it } from "vitest";
import { addDepartmentNote, createDepartment, setDepartmentArchived, updateDepartment } from "@/lib/departments/mutations";
import { departmentTree, searchDepartments, visitBriefing } from "@/lib/departments/queries";
import { createDepartmentSchema, updateDepartmentSchema } from "@/lib/departments/schemas";
import { subtreeIds } from "@/lib/departments/tree";
import { createTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

describe("departments", () => {
  it("builds the tree, moves a subtree, refuses a move into itself, and archives without losing history", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const co = await createDepartment(ctx, createDepartmentSchema.parse({ name: "会社", kind: "COMPANY" }));
    const siteA = await createDepartment(
      ctx,
      createDepartmentSchema.parse({ name: "A工場", kind: "SITE", parentId: co.id, headcount: "500" }),
    );
    const siteB = await createDepartment(ctx, createDepartmentSchema.parse({ name: "B工場", kind: "SITE", parentId: co.id }));
    const dept = await createDepartment(ctx, createDepartmentSchema.parse({ name: "製造課", kind: "DEPARTMENT", parentId: siteA.id }));
    const team1 = await createDepartment(ctx, createDepartmentSchema.parse({ name: "1班", kind: "DEPARTMENT", parentId: dept.id }));
    expect((await departmentTree(ctx)).map((d) => [d.name, d.depth])).toEqual([
      ["会社", 0],
      ["A工場", 1],
      ["製造課", 2],
      ["1班", 3],
      ["B工場", 1],
    ]);
    // A parent shows its own people and everyone below it.
    for (const [name, departmentId] of [
      ["工場長", siteA.id],
      ["課長", dept.id],
      ["班長", team1.id],
    ] as const)
      await createPerson(db(), team.id, { name, departmentId });
    expect((await departmentTree(ctx)).map((d) => [d.name, d.keyPersons, d.keyPersonsInSubtree])).toEqual([
      ["会社", 0, 3],
      ["A工場", 1, 3],
      ["製造課", 1, 2],
      ["1班", 1, 1],
      ["B工場", 0, 0],
    ]);
    // Option lists take the same outline without counting anyone.
    expect((await departmentTree(ctx, { counts: false })).map((d) => [d.name, d.depth, d.keyPersons])).toEqual([
      ["会社", 0, 0],
      ["A工場", 1, 0],
      ["製造課", 2, 0],
      ["1班", 3, 0],
      ["B工場", 1, 0],
    ]);

    await updateDepartment(
      ctx,
      updateDepartmentSchema.parse({ id: dept.id, version: 1, name: "製造課", kind: "DEPARTMENT", parentId: siteB.id }),
    );
    expect((await subtreeIds(db(), team.id, siteB.id)).sort()).toEqual([siteB.id, dept.id, team1.id].sort());
    expect(await subtreeIds(db(), team.id, siteA.id)).toEqual([siteA.id]);
    await expect(
      updateDepartment(
        ctx,
        updateDepartmentSchema.parse({ id: dept.id, version: 2, name: "製造課", kind: "DEPARTMENT", parentId: team1.id }),
      ),
    ).rejects.toMatchObject({ fieldErrors: { parentId: ["moveIntoOwnSubtree"] } });

    const p = await createPerson(db(), team.id, { name: "課長", departmentId: dept.id });
    await createTouchpoint(ctx, createTouchpointSchema.parse({ type: "GREETING", occurredOn: "2026-11-01", keyPersonIds: [p.id] }));
    await setDepartmentArchived(ctx, dept.id, true);
    expect((await departmentTree(ctx)).map((d) => d.name)).not.toContain("製造課");
    expect(await db().touchpoint.count({ where: { teamId: team.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "department.archive" } })).toBe(1);
  });

  it("finds departments by part of a name, labelled with the names above them, in the team only", async () => {
    const { nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const co = await createDepartment(ctx, createDepartmentSchema.parse({ name: "会社", kind: "COMPANY" }));
    const site = await createDepartment(ctx, createDepartmentSchema.parse({ name: "川崎工場", kind: "SITE", parentId: co.id }));
    const line = await createDepartment(ctx, createDepartmentSchema.parse({ name: "製造第一課", kind: "DEPARTMENT", parentId: site.id }));
    await createDepartment(ctx, createDepartmentSchema.parse({ name: "製造第二課", kind: "DEPARTMENT", parentId: site.id }));
    const other = await createTeamWithRoles(db());
    const otherCtx = await ctxFor(db(), other.nurse.user.id);
    await createDepartment(otherCtx, createDepartmentSchema.parse({ name: "製造第三課", kind: "DEPARTMENT" }));

    expect(await searchDepartments(ctx, "製造")).toEqual([
      { id: line.id, label: "川崎工場 › 製造第一課" },
      { id: expect.any(String), label: "川崎工場 › 製造第二課" },
    ]);
    expect((await searchDepartments(ctx, "第一")).map((d) => d.id)).toEqual([line.id]);
    expect(await searchDepartments(ctx, "存在しない")).toEqual([]);
    expect(await searchDepartments(ctx, "製造", 1)).toHaveLength(1);
  });

  it("prepares a visit briefing with people, thanks owed, pressures and case counts only", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const co = await createDepartment(ctx, createDepartmentSchema.parse({ name: "会社", kind: "COMPANY" }));
    const d = await createDepartment(
      ctx,
      createDepartmentSchema.parse({ name: "出荷課", kind: "DEPARTMENT", parentId: co.id, headcount: 140 }),
    );
    const fan = await createPerson(db(), team.id, { name: "応援者さん", departmentId: d.id, stance: "CHAMPION" });
    await createPerson(db(), team.id, { name: "無関心さん", departmentId: d.id, stance: "INDIFFERENT" });
    await db().request.create({
      data: { teamId: team.id, keyPersonId: fan.id, nurseId: nurse.user.id, what: "ミニ講話", status: "ACCEPTED", respondedAt: new Date() },
    });
    await addDepartmentNote(ctx, { departmentId: d.id, kind: "DEADLINE", body: "年末の繁忙期", notedOn: "2026-11-01" });
    await db().case.create({
      data: { teamId: team.id, employeeCode: "SECRET-1", kind: "MENTAL_HEALTH", departmentId: d.id, openedOn: new Date("2026-10-01") },
    });
    const b = await visitBriefing(ctx, co.id, new Date("2026-11-20T00:00:00Z"));
    expect(b.people.map((p) => p.name)).toEqual(["応援者さん", "無関心さん"]);
    expect(b.thanksOwed.map((t) => t.what)).toEqual(["ミニ講話"]);
    expect(b.notes.map((n) => n.body)).toEqual(["年末の繁忙期"]);
    expect(b.openCases).toEqual({ atLeast: null });
    expect(JSON.stringify(b)).not.toContain("SECRET-1");
    expect(b.suggestions.thank.map((t) => t.keyPerson.name)).toEqual(["応援者さん"]);
  });

  it("lists in the briefing only what is in progress: no evaluated pilot, no acceptance whose deadline passed long ago", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const d = await createDepartment(ctx, createDepartmentSchema.parse({ name: "出荷課", kind: "DEPARTMENT" }));
    const fan = await createPerson(db(), team.id, { name: "課長さん", departmentId: d.id, stance: "CHAMPION" });
    const now = new Date("2026-11-20T03:00:00Z");
    const req = (what: string, status: "ACCEPTED" | "SENT", dueOn: string) =>
      db().request.create({
        data: {
          teamId: team.id,
          keyPersonId: fan.id,
          nurseId: nurse.user.id,
          what,
          status,
          dueOn: new Date(`${dueOn}T00:00:00Z`),
          respondedAt: status === "ACCEPTED" ? now : null,
          thankedAt: now,
        },
      });
    await req("先月までの掲示", "ACCEPTED", "2026-08-01");
    await req("来週の講話", "ACCEPTED", "2026-11-27");
    await req("返事待ちの依頼", "SENT", "2026-11-25");
    const init = (title: string, stage: "PILOT" | "EVALUATED") =>
      db().initiative.create({
        data: { teamId: team.id, title, kind: "CAMPAIGN", stage, departments: { create: [{ departmentId: d.id, teamId: team.id }] } },
      });
    await init("試行中の企画", "PILOT");
    await init("評価済みの企画", "EVALUATED");
    const b = await visitBriefing(ctx, d.id, now);
    expect(b.openRequests.map((r) => r.what).sort()).toEqual(["来週の講話", "返事待ちの依頼"]);
    expect(b.initiatives.map((i) => i.title)).toEqual(["試行中の企画"]);
  });

  it("shows open cases only as 'at least k', whatever headcount a nurse types, so two briefings never subtract to a few cases", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const k = ctx.team.minGroupSize;
    const co = await createDepartment(ctx, createDepartmentSchema.parse({ name: "会社", kind: "COMPANY" }));
    // A typed headcount of 5,000 made the count of a tiny group show (1 case, or 0 cases).
    const big = await createDepartment(
      ctx,
      createDepartmentSchema.parse({ name: "製造部", kind: "DEPARTMENT", parentId: co.id, headcount: 5000 }),
    );
    const small = await createDepartment(
      ctx,
      createDepartmentSchema.parse({ name: "経理課", kind: "DEPARTMENT", parentId: co.id, headcount: 5000 }),
    );
    expect((await visitBriefing(ctx, small.id)).openCases).toEqual({ atLeast: null });
    const addCase = (departmentId: string, i: number) =>
      db().case.create({
        data: {
          teamId: team.id,
          employeeCode: `S-${departmentId}-${i}`,
          kind: "MENTAL_HEALTH",
          departmentId,
          openedOn: new Date("2026-10-01"),
        },
      });
    await addCase(small.id, 0);
    expect((await visitBriefing(ctx, small.id)).openCases).toEqual({ atLeast: null });
    for (let i = 0; i < k; i++) await addCase(big.id, i);
    // The company (k + 1) and 製造部 (k) read the same: the difference of 1 (経理課) is never printed.
    expect((await visitBriefing(ctx, big.id)).openCases).toEqual({ atLeast: k });
    expect((await visitBriefing(ctx, co.id)).openCases).toEqual({ atLeast: k });
  });
});
