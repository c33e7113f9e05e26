import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { addAssessment, createCase, getCase, listCases, riskLevels } from "@/lib/cases/cases";
import { createCaseSchema } from "@/lib/cases/schemas";
import { rotateKeys, sealPending } from "@/lib/crypto/rotate";
import { keyId, reloadKeys } from "@/lib/crypto/secret-box";
import { reloadEnv } from "@/lib/env";
import { listTouchpoints, touchpointListSchema } from "@/lib/touchpoints/queries";
import { createTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

// This file's own keys, so the rotation below can change them without touching other files' key.
const K1 = randomBytes(32).toString("base64");
const K2 = randomBytes(32).toString("base64");
vi.stubEnv("DATA_ENCRYPTION_KEY", K1);
const switchKeys = (current: string, previous?: string) => {
  vi.stubEnv("DATA_ENCRYPTION_KEY", current);
  if (previous) vi.stubEnv("DATA_ENCRYPTION_KEY_PREVIOUS", previous);
  else delete process.env.DATA_ENCRYPTION_KEY_PREVIOUS;
  reloadEnv();
  reloadKeys();
};
afterAll(() => {
  vi.unstubAllEnvs();
  reloadEnv();
  reloadKeys();
});

const db = setupTestDatabase();
const now = new Date("2026-11-30T01:00:00Z");
const CODE = "EMP-SECRET-42";
const NAME = "秘密 花子";

async function setup() {
  switchKeys(K1);
  const t = await createTeamWithRoles(db());
  await db().team.update({ where: { id: t.team.id }, data: { caseNamesOn: true } });
  const nurse = await ctxFor(db(), t.nurse.user.id);
  const boss = await createPerson(db(), t.team.id, { name: "上司 某" });
  const c = await createCase(
    nurse,
    createCaseSchema.parse({
      employeeCode: CODE,
      employeeName: NAME,
      kind: "MENTAL_HEALTH",
      nurseIds: [t.nurse.user.id],
      openedOn: "2026-10-01",
      consentOn: "2026-10-01",
      consentScope: "上司にだけ伝える範囲",
      consentMethod: "書面で本人が署名",
      followUpPlan: "抑うつの経過を毎週確認",
    }),
  );
  await addAssessment(nurse, {
    caseId: c.id,
    riskLevelId: (await riskLevels(nurse))[0].id,
    assessedOn: "2026-10-02",
    note: "希死念慮の訴えあり",
  });
  await createTouchpoint(
    nurse,
    createTouchpointSchema.parse({
      type: "LISTENING",
      occurredOn: "2026-10-03",
      keyPersonIds: [boss.id],
      summary: "休職の可能性を上司に説明",
      caseId: c.id,
    }),
    now,
  );
  await createTouchpoint(
    nurse,
    createTouchpointSchema.parse({
      type: "GIVE",
      occurredOn: "2026-10-04",
      keyPersonIds: [boss.id],
      summary: "ストレスチェックの資料を届けた",
    }),
    now,
  );
  return { ...t, nurse, boss, caseId: c.id };
}

const SECRETS = [CODE, NAME, "上司にだけ伝える範囲", "書面で本人が署名", "抑うつ", "希死念慮", "休職の可能性"];

async function rawTables(teamId: string) {
  const rows = await Promise.all([
    db().$queryRaw<unknown[]>`SELECT * FROM "Case" WHERE "teamId" = ${teamId}`,
    db().$queryRaw<unknown[]>`SELECT * FROM "CaseAssessment" WHERE "teamId" = ${teamId}`,
    db().$queryRaw<unknown[]>`SELECT * FROM "Touchpoint" WHERE "teamId" = ${teamId}`,
  ]);
  return JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? Number(v) : v));
}

describe("a stolen database reveals no one's health", () => {
  it("stores case identifiers and free text sealed; the app reads them back; the code stays unique through its keyed hash", async () => {
    const s = await setup();
    const dump = await rawTables(s.team.id);
    for (const secret of SECRETS) expect(dump, secret).not.toContain(secret);
    // A touchpoint that is not about a case stays plain (and searchable).
    expect(dump).toContain("ストレスチェックの資料を届けた");

    const c = await getCase(s.nurse, s.caseId);
    expect(c).toMatchObject({
      employeeCode: CODE,
      employeeName: NAME,
      consentScope: "上司にだけ伝える範囲",
      followUpPlan: "抑うつの経過を毎週確認",
    });
    expect(c.assessments[0].note).toBe("希死念慮の訴えあり");
    expect((await listCases(s.nurse)).rows[0].employeeCode).toBe(CODE);
    const tps = await listTouchpoints(s.nurse, touchpointListSchema.parse({}), now);
    expect(tps.rows.map((r) => r.summary)).toContain("休職の可能性を上司に説明");
    // The same employee opened twice on one day is still refused, though the code is unreadable.
    await expect(
      createCase(
        s.nurse,
        createCaseSchema.parse({
          employeeCode: " emp-secret-42 ",
          kind: "OTHER",
          nurseIds: [s.nurse.userId],
          openedOn: "2026-10-01",
          consentOn: "2026-10-01",
          consentScope: "x",
          consentMethod: "y",
        }),
      ),
    ).rejects.toMatchObject({ messageKey: "duplicate" });
  });

  it("seals rows written plain (before sealing existed) at start-up, and a rotation re-seals everything under a new key", async () => {
    const s = await setup();
    await db().case.create({
      data: {
        teamId: s.team.id,
        employeeCode: "EMP-PLAIN-1",
        kind: "OTHER",
        openedOn: new Date("2026-01-01"),
        followUpPlan: "古い平文の計画",
      },
    });
    expect(await rawTables(s.team.id)).toContain("EMP-PLAIN-1");
    expect(await sealPending(db())).toBeGreaterThanOrEqual(2);
    expect(await rawTables(s.team.id)).not.toContain("EMP-PLAIN-1");
    expect(await db().case.count({ where: { teamId: s.team.id, employeeCodeHash: null } })).toBe(0);

    const sealedWith = async () =>
      (
        await db().$queryRaw<
          { k: string }[]
        >`SELECT DISTINCT split_part("employeeCode", '.', 2) AS k FROM "Case" WHERE "teamId" = ${s.team.id}`
      ).map((r) => r.k);
    expect(await sealedWith()).toEqual([keyId(Buffer.from(K1, "base64"))]);
    // The new key is current, the old one still read: the app works throughout.
    switchKeys(K2, K1);
    expect((await getCase(s.nurse, s.caseId)).employeeCode).toBe(CODE);
    const result = await rotateKeys(db());
    expect(result.resealed).toBeGreaterThanOrEqual(8);
    expect(await sealedWith()).toEqual([keyId(Buffer.from(K2, "base64"))]);
    // The old key retired: everything still reads, and the code's new hash still guards duplicates.
    switchKeys(K2);
    const c = await getCase(s.nurse, s.caseId);
    expect(c).toMatchObject({ employeeCode: CODE, followUpPlan: "抑うつの経過を毎週確認" });
    expect(c.assessments[0].note).toBe("希死念慮の訴えあり");
    await expect(
      createCase(
        s.nurse,
        createCaseSchema.parse({
          employeeCode: CODE,
          kind: "OTHER",
          nurseIds: [s.nurse.userId],
          openedOn: "2026-10-01",
          consentOn: "2026-10-01",
          consentScope: "x",
          consentMethod: "y",
        }),
      ),
    ).rejects.toMatchObject({ messageKey: "duplicate" });
    for (const secret of SECRETS) expect(await rawTables(s.team.id), secret).not.toContain(secret);
  });
});
