import { describe, expect, it } from "vitest";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { createTouchpoint } from "@/lib/touchpoints/mutations";
import { setLegalHold } from "@/lib/retention/holds";
import { purgeAllTeams, purgeList, purgeTeam, retentionSchema, saveRetention } from "@/lib/retention/purge";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
// The clock is ours: the purge runs "today" and admins look a month ahead.
const now = new Date("2026-11-30T18:17:00Z");
const nextMonth = new Date("2026-12-30T18:17:00Z");

async function setup() {
  const t = await createTeamWithRoles(db());
  const admin = await ctxFor(db(), t.admin.user.id);
  const nurse = await ctxFor(db(), t.nurse.user.id);
  const teamId = t.team.id;
  const kase = (code: string, data: Record<string, unknown>) =>
    db().case.create({
      data: { teamId, employeeCode: code, kind: "MENTAL_HEALTH", openedOn: new Date("2020-01-01"), followUpPlan: `${code}の計画`, ...data },
    });
  const cases = {
    closedLongAgo: await kase("E-OLD", { status: "CLOSED", closedOn: new Date("2021-10-01") }),
    closingSoon: await kase("E-SOON", { status: "CLOSED", closedOn: new Date("2021-12-15") }),
    held: await kase("E-HELD", { status: "CLOSED", closedOn: new Date("2020-03-01") }),
    withdrawnLongAgo: await kase("E-WD", { withdrawnAt: new Date("2021-06-01"), keepReason: "LEGAL_RECORD" }),
    // Closed long ago, but consent withdrawn recently: the later end counts.
    withdrawnRecently: await kase("E-WD2", {
      status: "CLOSED",
      closedOn: new Date("2020-01-01"),
      withdrawnAt: new Date("2026-01-01"),
      keepReason: "DISPUTE",
    }),
    open: await kase("E-OPEN", {}),
  };
  await db().caseAssessment.create({
    data: {
      teamId,
      caseId: cases.closedLongAgo.id,
      riskLevelId: (await db().riskLevel.create({ data: { teamId, label: "要観察", rank: 1 } })).id,
      assessedOn: new Date("2021-05-01"),
      note: "古い評価メモ",
    },
  });
  const left = await createPerson(db(), teamId, { name: "退職 済男", ownerId: t.nurse.user.id });
  const leavingSoon = await createPerson(db(), teamId, { name: "間もなく 期限" });
  const heldPerson = await createPerson(db(), teamId, { name: "保全 対象" });
  const current = await createPerson(db(), teamId, { name: "在籍 中" });
  await createTouchpoint(
    nurse,
    createTouchpointSchema.parse({ type: "GIVE", occurredOn: "2023-05-01", keyPersonIds: [left.id], summary: "退職前の面談" }),
    new Date("2023-05-01T03:00:00Z"),
  );
  await db().keyPerson.update({ where: { id: left.id }, data: { archivedAt: new Date("2023-10-01") } });
  await db().keyPerson.update({ where: { id: leavingSoon.id }, data: { archivedAt: new Date("2023-12-20") } });
  await db().keyPerson.update({ where: { id: heldPerson.id }, data: { archivedAt: new Date("2020-01-01") } });
  await setLegalHold(admin, { kind: "Case", id: cases.held.id, reason: "LITIGATION" }, now);
  await setLegalHold(admin, { kind: "KeyPerson", id: heldPerson.id, reason: "AUTHORITY" }, now);
  await db().auditLog.create({ data: { teamId, action: "case.read", entityType: "Case", createdAt: new Date("2021-01-01") } });
  await db().auditLog.create({ data: { teamId, action: "case.read", entityType: "Case", createdAt: new Date("2022-06-01") } });
  // An issued report's frozen aggregates.
  await db().frozenCaseQuarter.create({
    data: { teamId, source: "returns", quarter: new Date("2021-04-01"), rows: [{ q: "2021-04-01", returns: 12 }], issueId: "issue-1" },
  });
  return { ...t, admin, nurse, cases, left, leavingSoon, heldPerson, current };
}

describe("retention and the daily purge", () => {
  it("shows admins next month's purge list beforehand, without naming employees", async () => {
    const s = await setup();
    const list = await purgeList(s.admin, nextMonth);
    expect(list.retention).toEqual({ retainCaseYears: 5, retainPersonYears: 3, retainAuditYears: 5 });
    expect(list.cases.map((c) => c.id).sort()).toEqual(
      [s.cases.closedLongAgo.id, s.cases.closingSoon.id, s.cases.withdrawnLongAgo.id].sort(),
    );
    expect(
      list.cases
        .find((c) => c.id === s.cases.closingSoon.id)
        ?.dueOn.toISOString()
        .slice(0, 10),
    ).toBe("2026-12-15");
    expect(list.people.map((p) => p.name).sort()).toEqual(["退職 済男", "間もなく 期限"].sort());
    expect(list).toMatchObject({ caseCount: 3, personCount: 2, auditEntries: 1, heldCases: 1, heldPeople: 1 });
    expect(JSON.stringify(list.cases)).not.toContain("E-");
    await expect(purgeList(s.nurse, nextMonth)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("purges what is due today, keeps what is held, recent or open, keeps issued aggregates, and logs counts only", async () => {
    const s = await setup();
    const counts = await purgeTeam(db(), s.team.id, now);
    expect(counts).toMatchObject({ cases: 2, people: 1, auditEntries: 1, touchpoints: 1, assessments: 1 });
    const left = await db().case.findMany({ where: { teamId: s.team.id }, select: { employeeCode: true } });
    expect(left.map((c) => c.employeeCode).sort()).toEqual(["E-HELD", "E-OPEN", "E-SOON", "E-WD2"]);
    expect((await db().keyPerson.findMany({ where: { teamId: s.team.id }, select: { name: true } })).map((p) => p.name).sort()).toEqual(
      ["保全 対象", "在籍 中", "間もなく 期限"].sort(),
    );
    expect(await db().touchpoint.count({ where: { teamId: s.team.id } })).toBe(0);
    expect(await db().frozenCaseQuarter.count({ where: { teamId: s.team.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { teamId: s.team.id, createdAt: { lt: new Date("2021-11-30") } } })).toBe(0);
    const entry = await db().auditLog.findFirstOrThrow({ where: { teamId: s.team.id, action: "retention.purge" } });
    expect(entry).toMatchObject({ actorId: null, detail: { cases: 2, people: 1, auditEntries: 1 } });
    const dump = JSON.stringify(await db().auditLog.findMany({ where: { teamId: s.team.id } }));
    for (const trace of ["E-OLD", 'E-WD"', "退職", "古い評価", "退職前の面談"]) expect(dump, trace).not.toContain(trace);

    // A month later the next ones go; the held ones still stay. Running twice changes nothing more.
    await purgeAllTeams(db(), nextMonth);
    await purgeAllTeams(db(), nextMonth);
    expect(
      (await db().case.findMany({ where: { teamId: s.team.id }, select: { employeeCode: true } })).map((c) => c.employeeCode).sort(),
    ).toEqual(["E-HELD", "E-OPEN", "E-WD2"]);
    expect(await db().keyPerson.count({ where: { id: s.heldPerson.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { teamId: s.team.id, action: "retention.purge" } })).toBe(2);

    // Lifting the hold lets the next run take them.
    await setLegalHold(s.admin, { kind: "Case", id: s.cases.held.id, reason: null }, now);
    await setLegalHold(s.admin, { kind: "KeyPerson", id: s.heldPerson.id, reason: null }, now);
    expect(await purgeTeam(db(), s.team.id, nextMonth)).toMatchObject({ cases: 1, people: 1 });
  });

  it("lets admins set the periods within the floors, audit-logged; holds are for admins and other teams' records are not found", async () => {
    const s = await setup();
    expect(retentionSchema.safeParse({ retainCaseYears: 4, retainPersonYears: 3, retainAuditYears: 5 }).error?.issues[0]).toMatchObject({
      path: ["retainCaseYears"],
      message: "tooSmall",
    });
    expect(retentionSchema.safeParse({ retainCaseYears: 5, retainPersonYears: 3, retainAuditYears: 4 }).error?.issues[0]).toMatchObject({
      path: ["retainAuditYears"],
      message: "tooSmall",
    });
    await saveRetention(s.admin, { retainCaseYears: 7, retainPersonYears: 1, retainAuditYears: 10 });
    expect(await db().auditLog.findFirst({ where: { teamId: s.team.id, action: "retention.settings" } })).toMatchObject({
      detail: { retainCaseYears: 7, retainPersonYears: 1 },
    });
    // Seven years for cases: only the held one would be old enough, and it is held.
    expect(await purgeTeam(db(), s.team.id, now)).toMatchObject({ cases: 0, people: 2, auditEntries: 0 });
    await expect(saveRetention(s.nurse, { retainCaseYears: 5, retainPersonYears: 3, retainAuditYears: 5 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(setLegalHold(s.nurse, { kind: "Case", id: s.cases.open.id, reason: "OTHER" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const other = await createTeamWithRoles(db());
    await expect(
      setLegalHold(await ctxFor(db(), other.admin.user.id), { kind: "Case", id: s.cases.open.id, reason: "OTHER" }),
    ).rejects.toMatchObject({ code: "notFound" });
  });
});
