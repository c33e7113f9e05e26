import { describe, expect, it } from "vitest";
import { addAssessment, createCase, getCase, listCases, riskLevels, updateCase } from "@/lib/cases/cases";
import { discloseCase } from "@/lib/cases/disclosure";
import { renderCaseDisclosurePdf } from "@/lib/cases/disclosure-pdf";
import { eraseCase, eraseCasePreview, withdrawConsent } from "@/lib/cases/lifecycle";
import { createCaseSchema, updateCaseSchema } from "@/lib/cases/schemas";
import { improvementRows, returnRows } from "@/lib/dashboard/queries";
import { createRequest } from "@/lib/requests/mutations";
import { createRequestSchema } from "@/lib/requests/schemas";
import { setLegalHold } from "@/lib/retention/holds";
import { createTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";
import { pdfText } from "../support/pdf";

const db = setupTestDatabase();
const now = new Date("2026-11-30T01:00:00Z");
const consent = { consentOn: "2026-10-01", consentScope: "上司への就業上の配慮に必要な範囲", consentMethod: "面談時に書面で" };

async function setup() {
  const t = await createTeamWithRoles(db());
  const nurse = await ctxFor(db(), t.nurse.user.id);
  const admin = await ctxFor(db(), t.admin.user.id);
  const boss = await createPerson(db(), t.team.id, { name: "上司 課長", ownerId: t.nurse.user.id });
  const c = await createCase(
    nurse,
    createCaseSchema.parse({
      ...consent,
      employeeCode: "EMP-777",
      kind: "RETURN_TO_WORK",
      nurseIds: [t.nurse.user.id],
      keyPersonIds: [boss.id],
      openedOn: "2026-10-01",
      followUpPlan: "睡眠の状態を2週ごとに確認",
      returnOn: "2026-10-20",
    }),
  );
  const levels = await riskLevels(nurse);
  await addAssessment(nurse, { caseId: c.id, riskLevelId: levels[1].id, assessedOn: "2026-10-05", note: "不眠が続いている" });
  await addAssessment(nurse, { caseId: c.id, riskLevelId: levels[2].id, assessedOn: "2026-11-05", note: "眠れるようになった" });
  const tp = await createTouchpoint(
    nurse,
    createTouchpointSchema.parse({
      type: "LISTENING",
      occurredOn: "2026-11-10",
      keyPersonIds: [boss.id],
      summary: "復職後の勤務時間を相談",
      caseId: c.id,
    }),
    now,
  );
  const req = await createRequest(
    nurse,
    createRequestSchema.parse({ keyPersonId: boss.id, what: "残業なしで1か月", reason: "再発予防のため", caseId: c.id }),
  );
  const version = (await db().case.findUniqueOrThrow({ where: { id: c.id } })).version;
  return { ...t, nurse, admin, boss, caseId: c.id, version, levels, touchpointId: tp.id, requestId: req.id };
}

describe("consent withdrawn", () => {
  it("stops new records, takes the case out of lists and dashboards, and keeps it read-only with the reason", async () => {
    const s = await setup();
    const period = { from: new Date("2026-04-01"), to: new Date("2027-04-01") };
    expect((await returnRows(db(), s.team.id, period)).map((r) => r.returns)).toEqual([1]);
    expect((await improvementRows(db(), s.team.id, period)).map((r) => r.n)).toEqual([1]);
    await withdrawConsent(s.nurse, { id: s.caseId, version: s.version, keepReason: "LEGAL_RECORD" }, now);

    const c = await getCase(s.nurse, s.caseId);
    expect(c).toMatchObject({ keepReason: "LEGAL_RECORD", followUpPlan: "睡眠の状態を2週ごとに確認" });
    expect(c.withdrawnAt).toEqual(now);
    await expect(
      addAssessment(s.nurse, { caseId: s.caseId, riskLevelId: s.levels[3].id, assessedOn: "2026-11-29", note: "" }),
    ).rejects.toMatchObject({ messageKey: "caseWithdrawn" });
    await expect(
      updateCase(
        s.nurse,
        updateCaseSchema.parse({
          ...consent,
          id: s.caseId,
          version: c.version,
          employeeCode: "EMP-777",
          kind: "RETURN_TO_WORK",
          nurseIds: [s.nurse.userId],
          openedOn: "2026-10-01",
        }),
      ),
    ).rejects.toMatchObject({ messageKey: "caseWithdrawn" });
    await expect(
      createTouchpoint(
        s.nurse,
        createTouchpointSchema.parse({ type: "GIVE", occurredOn: "2026-11-29", keyPersonIds: [s.boss.id], caseId: s.caseId }),
        now,
      ),
    ).rejects.toMatchObject({ fieldErrors: { caseId: ["caseWithdrawn"] } });
    await expect(
      createRequest(s.nurse, createRequestSchema.parse({ keyPersonId: s.boss.id, what: "x", caseId: s.caseId })),
    ).rejects.toMatchObject({ fieldErrors: { caseId: ["caseWithdrawn"] } });

    const list = await listCases(s.nurse);
    expect(list.rows).toHaveLength(0);
    expect(list.teamCounts).toEqual({});
    expect(list.withdrawn.map((w) => w.id)).toEqual([s.caseId]);
    // The dashboard's return-to-work and improvement figures no longer count it.
    expect(await returnRows(db(), s.team.id, period)).toEqual([]);
    expect(await improvementRows(db(), s.team.id, period)).toEqual([]);
    expect(await db().auditLog.findFirst({ where: { action: "case.withdraw", entityId: s.caseId } })).toMatchObject({
      actorId: s.nurse.userId,
      detail: { keepReason: "LEGAL_RECORD" },
    });
    // Twice is refused; re-consent is a new case.
    await expect(withdrawConsent(s.nurse, { id: s.caseId, version: c.version, keepReason: "DISPUTE" }, now)).rejects.toMatchObject({
      messageKey: "alreadyWithdrawn",
    });
    await createCase(
      s.nurse,
      createCaseSchema.parse({
        ...consent,
        consentOn: "2026-11-30",
        employeeCode: "EMP-777",
        kind: "RETURN_TO_WORK",
        nurseIds: [s.nurse.userId],
        openedOn: "2026-11-30",
      }),
    );
    expect((await listCases(s.nurse)).rows).toHaveLength(1);
  });

  it("is for the case's nurses and admins only; another team's case is not found", async () => {
    const s = await setup();
    const mentor = await ctxFor(db(), s.mentor.user.id);
    await expect(withdrawConsent(mentor, { id: s.caseId, version: s.version, keepReason: "LEGAL_RECORD" }, now)).rejects.toMatchObject({
      code: "notFound",
    });
    const other = await createTeamWithRoles(db());
    await expect(
      withdrawConsent(await ctxFor(db(), other.admin.user.id), { id: s.caseId, version: s.version, keepReason: "LEGAL_RECORD" }, now),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(withdrawConsent(s.nurse, { id: s.caseId, version: s.version + 1, keepReason: "LEGAL_RECORD" }, now)).rejects.toMatchObject(
      { messageKey: "staleEdit" },
    );
  });
});

describe("erasing a case", () => {
  it("lists what goes, removes it all in one transaction and leaves only counts", async () => {
    const s = await setup();
    const preview = await eraseCasePreview(s.admin, s.caseId);
    expect(preview.counts).toEqual({ assessments: 2, touchpoints: 1, requests: 1, keyPersons: 1, nurses: 1 });
    await expect(eraseCase(s.admin, { id: s.caseId, version: s.version, reason: "REQUEST", confirmCode: "EMP-778" })).rejects.toMatchObject(
      { fieldErrors: { confirmCode: ["codeMismatch"] } },
    );
    await eraseCase(s.admin, { id: s.caseId, version: s.version, reason: "REQUEST", confirmCode: "ｅｍｐ-７７７" });

    expect(await db().case.count({ where: { id: s.caseId } })).toBe(0);
    expect(await db().caseAssessment.count({ where: { caseId: s.caseId } })).toBe(0);
    expect(await db().touchpoint.count({ where: { id: s.touchpointId } })).toBe(0);
    expect(await db().request.count({ where: { id: s.requestId } })).toBe(0);
    // The manager stays, and his last contact no longer counts the erased touchpoint.
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: s.boss.id } })).lastContactAt).toBeNull();
    const dump = JSON.stringify(
      await Promise.all([
        db().auditLog.findMany({ where: { teamId: s.team.id } }),
        db().touchpoint.findMany({ where: { teamId: s.team.id } }),
        db().request.findMany({ where: { teamId: s.team.id } }),
      ]),
    );
    for (const trace of ["EMP-777", "不眠", "眠れる", "勤務時間", "残業なし", "睡眠"]) expect(dump, trace).not.toContain(trace);
    expect(await db().auditLog.findFirst({ where: { action: "case.erase", entityId: s.caseId } })).toMatchObject({
      actorId: s.admin.userId,
      detail: { reason: "REQUEST", assessments: 2, touchpoints: 1, requests: 1 },
    });
  });

  it("is for admins, refuses a stale page, and waits for a legal hold to be lifted", async () => {
    const s = await setup();
    await expect(eraseCase(s.nurse, { id: s.caseId, version: s.version, reason: "REQUEST", confirmCode: "EMP-777" })).rejects.toMatchObject(
      { code: "forbidden" },
    );
    await expect(
      eraseCase(s.admin, { id: s.caseId, version: s.version + 1, reason: "REQUEST", confirmCode: "EMP-777" }),
    ).rejects.toMatchObject({ messageKey: "staleEdit" });
    await setLegalHold(s.admin, { kind: "Case", id: s.caseId, reason: "WORKERS_COMP" }, now);
    await expect(eraseCase(s.admin, { id: s.caseId, version: s.version, reason: "REQUEST", confirmCode: "EMP-777" })).rejects.toMatchObject(
      { messageKey: "underLegalHold" },
    );
    await setLegalHold(s.admin, { kind: "Case", id: s.caseId, reason: null }, now);
    await eraseCase(s.admin, { id: s.caseId, version: s.version, reason: "REQUEST", confirmCode: "EMP-777" });
    const other = await createTeamWithRoles(db());
    await expect(eraseCasePreview(await ctxFor(db(), other.admin.user.id), s.caseId)).rejects.toMatchObject({ code: "notFound" });
  });
});

describe("disclosure (開示) of an employee's case", () => {
  it("gives an admin his own record as JSON and a Japanese PDF, without naming the managers, and audits it", async () => {
    const s = await setup();
    const d = await discloseCase(s.admin, s.caseId, "json", now);
    expect(d.case).toMatchObject({
      employeeCode: "EMP-777",
      kind: "RETURN_TO_WORK",
      followUpPlan: "睡眠の状態を2週ごとに確認",
      keyPersonsInvolved: 1,
      returnOn: "2026-10-20",
    });
    expect(d.consent).toEqual({ on: "2026-10-01", scope: consent.consentScope, method: consent.consentMethod });
    expect(d.assessments.map((a) => a.note)).toEqual(["不眠が続いている", "眠れるようになった"]);
    expect(d.touchpoints).toEqual([expect.objectContaining({ summary: "復職後の勤務時間を相談", peoplePresent: 1 })]);
    expect(d.requests[0]).toMatchObject({ what: "残業なしで1か月", reason: "再発予防のため" });
    expect(JSON.stringify(d)).not.toContain("上司 課長");

    const text = (await pdfText(await renderCaseDisclosurePdf(d))).replace(/\s+/g, "");
    for (const expected of [
      "EMP-777について記録している情報",
      "同意の記録",
      "上司への就業上の配慮に必要な範囲",
      "不眠が続いている",
      "復職後の勤務時間を相談",
      "残業なしで1か月",
      "訂正や利用の停止",
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain("上司課長");
    expect(await db().auditLog.findFirst({ where: { action: "case.disclose", entityId: s.caseId } })).toMatchObject({
      actorId: s.admin.userId,
      detail: { format: "json" },
    });
  });

  it("is for admins only; another team's case is not found", async () => {
    const s = await setup();
    await expect(discloseCase(s.nurse, s.caseId, "pdf", now)).rejects.toMatchObject({ code: "forbidden" });
    const other = await createTeamWithRoles(db());
    await expect(discloseCase(await ctxFor(db(), other.admin.user.id), s.caseId, "pdf", now)).rejects.toMatchObject({ code: "notFound" });
  });
});
