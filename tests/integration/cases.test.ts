import { describe, expect, it } from "vitest";
import { addAssessment, createCase, deleteCase, exportCasesCsv, getCase, listCases, riskLevels, updateCase } from "@/lib/cases/cases";
import { caseFields, createCaseSchema, updateCaseSchema } from "@/lib/cases/schemas";
import { getMyDay } from "@/lib/home/queries";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const consent = { consentOn: "2026-10-01", consentScope: "上司・人事への就業上の配慮に必要な範囲", consentMethod: "面談時に書面で" };

async function setup() {
  const t = await createTeamWithRoles(db());
  const nurseCtx = await ctxFor(db(), t.nurse.user.id);
  const c = await createCase(
    nurseCtx,
    createCaseSchema.parse({
      ...consent,
      employeeCode: "EMP-001",
      kind: "RETURN_TO_WORK",
      nurseIds: [t.nurse.user.id],
      openedOn: "2026-10-01",
    }),
  );
  return { ...t, nurseCtx, mentorCtx: await ctxFor(db(), t.mentor.user.id), adminCtx: await ctxFor(db(), t.admin.user.id), caseId: c.id };
}

describe("cases", () => {
  it("puts the nurse's due and overdue case follow-ups on her home page, as counts (no case data leaves the case list)", async () => {
    const { nurseCtx, caseId, nurse } = await setup();
    const now = new Date("2026-11-20T03:00:00Z");
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const add = async (code: string, next: string | null, status: "OPEN" | "CLOSED" = "OPEN") => {
      const c = await createCase(
        nurseCtx,
        createCaseSchema.parse({
          ...consent,
          employeeCode: code,
          kind: "MENTAL_HEALTH",
          nurseIds: [nurse.user.id],
          openedOn: "2026-10-01",
        }),
      );
      await db().case.update({ where: { id: c.id }, data: { nextFollowUpOn: next ? day(next) : null, status } });
    };
    await db().case.update({ where: { id: caseId }, data: { nextFollowUpOn: day("2026-11-19") } });
    await add("EMP-002", "2026-11-23");
    await add("EMP-003", "2026-12-30");
    await add("EMP-004", "2026-11-01", "CLOSED");
    await add("EMP-005", null);
    const my = await getMyDay(nurseCtx, now);
    expect(my.caseFollowUps).toEqual({ due: 2, overdue: 1 });
    expect(JSON.stringify(my)).not.toContain("EMP-");
    // Another nurse's day is her own.
    const other = await ctxFor(db(), (await createTeamWithRoles(db())).nurse.user.id);
    expect((await getMyDay(other, now)).caseFollowUps).toEqual({ due: 0, overdue: 0 });
  });

  it("only the assigned nurse and admins can open a case; others get not found", async () => {
    const { nurseCtx, mentorCtx, adminCtx, caseId } = await setup();
    expect((await getCase(nurseCtx, caseId)).employeeCode).toBe("EMP-001");
    expect((await getCase(adminCtx, caseId)).employeeCode).toBe("EMP-001");
    await expect(getCase(mentorCtx, caseId)).rejects.toMatchObject({ code: "notFound" });
    // A refused read is logged too, against the team whose member tried.
    expect(await db().auditLog.findFirst({ where: { action: "case.readRefused", actorId: mentorCtx.userId } })).toMatchObject({
      teamId: mentorCtx.teamId,
      entityId: caseId,
    });
    const other = await createTeamWithRoles(db());
    await expect(getCase(await ctxFor(db(), other.admin.user.id), caseId)).rejects.toMatchObject({ code: "notFound" });
  });

  it("writes every read, change, export and deletion to the audit log", async () => {
    const { nurseCtx, adminCtx, caseId, nurse, admin, team } = await setup();
    await getCase(nurseCtx, caseId);
    await getCase(adminCtx, caseId);
    const c = await getCase(nurseCtx, caseId);
    await updateCase(
      nurseCtx,
      updateCaseSchema.parse({
        ...consent,
        id: caseId,
        version: c.version,
        employeeCode: "EMP-001",
        kind: "RETURN_TO_WORK",
        nurseIds: [nurse.user.id],
        openedOn: "2026-10-01",
        returnOn: "2026-10-20",
        continued3m: "yes",
      }),
    );
    const levels = await riskLevels(nurseCtx);
    await addAssessment(nurseCtx, { caseId, riskLevelId: levels[1].id, assessedOn: "2026-10-20", note: "" });
    const csv = await exportCasesCsv(nurseCtx);
    expect(csv).toContain("EMP-001");
    await expect(deleteCase(nurseCtx, caseId)).rejects.toMatchObject({ code: "forbidden" });
    await deleteCase(adminCtx, caseId);
    await expect(getCase(adminCtx, caseId)).rejects.toMatchObject({ code: "notFound" });
    const log = await db().auditLog.findMany({
      where: { teamId: team.id, entityType: "Case" },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    expect(log.map((l) => l.action)).toEqual([
      "case.create",
      "case.read",
      "case.read",
      "case.read",
      "case.update",
      "case.assess",
      "case.export",
      "case.delete",
      "case.readRefused",
    ]);
    expect(log.filter((l) => l.action === "case.read").map((l) => l.actorId)).toEqual([nurse.user.id, admin.user.id, nurse.user.id]);
    expect(await db().case.count({ where: { id: caseId } })).toBe(1);
  });

  it("lists only readable cases in full, and counts for the whole team", async () => {
    const { mentorCtx, nurseCtx } = await setup();
    const mine = await listCases(nurseCtx);
    expect(mine.rows.map((r) => r.employeeCode)).toEqual(["EMP-001"]);
    const theirs = await listCases(mentorCtx);
    expect(theirs.rows).toEqual([]);
    expect(theirs.teamCounts).toEqual({ OPEN: 1 });
  });

  it("needs consent first, and refuses names while the team keeps cases pseudonymous", async () => {
    const { nurseCtx, nurse, team } = await setup();
    const noConsent = caseFields.safeParse({
      employeeCode: "E2",
      kind: "OTHER",
      nurseIds: [nurse.user.id],
      openedOn: "2026-10-01",
      consentOn: "2026-10-01",
      consentScope: "",
      consentMethod: "",
    });
    expect(noConsent.success).toBe(false);
    expect(noConsent.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["consentScope", "consentRequired"],
      ["consentMethod", "consentRequired"],
    ]);
    await expect(
      createCase(
        nurseCtx,
        createCaseSchema.parse({
          ...consent,
          employeeCode: "E3",
          employeeName: "山田 太郎",
          kind: "OTHER",
          nurseIds: [nurse.user.id],
          openedOn: "2026-10-01",
        }),
      ),
    ).rejects.toMatchObject({ fieldErrors: { employeeName: ["namesOff"] } });
    await db().team.update({ where: { id: team.id }, data: { caseNamesOn: true } });
    const ctx = await ctxFor(db(), nurse.user.id);
    await expect(
      createCase(
        ctx,
        createCaseSchema.parse({
          ...consent,
          employeeCode: "E3",
          employeeName: "山田 太郎",
          kind: "OTHER",
          nurseIds: [nurse.user.id],
          openedOn: "2026-10-01",
        }),
      ),
    ).resolves.toBeTruthy();
  });
});

describe("risk scale", () => {
  it("is the team's own: renamed and extended, and a used level cannot be removed", async () => {
    const { nurseCtx, adminCtx, caseId } = await setup();
    const { saveRiskScale } = await import("@/lib/cases/risk-scale");
    expect((await riskLevels(adminCtx)).map((l) => l.label)).toEqual(["要医療", "要観察", "改善", "問題なし"]);
    await saveRiskScale(adminCtx, ["要医療", "要精密検査", "要観察", "改善", "問題なし"]);
    const levels = await riskLevels(adminCtx);
    expect(levels.map((l) => [l.rank, l.label])).toEqual([
      [1, "要医療"],
      [2, "要精密検査"],
      [3, "要観察"],
      [4, "改善"],
      [5, "問題なし"],
    ]);
    await addAssessment(nurseCtx, { caseId, riskLevelId: levels[4].id, assessedOn: "2026-11-01", note: "" });
    await expect(saveRiskScale(adminCtx, ["A", "B", "C"])).rejects.toMatchObject({ fieldErrors: { labels: ["levelInUse"] } });
    await expect(saveRiskScale(adminCtx, ["A", "A"])).rejects.toMatchObject({ fieldErrors: { labels: ["duplicateLevel"] } });
  });
});
