import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { accessReview, exportReview, signOffReview } from "@/lib/audit-log/review";
import { createCase, exportCasesCsv, getCase } from "@/lib/cases/cases";
import { createCaseSchema } from "@/lib/cases/schemas";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

async function setup() {
  const t = await createTeamWithRoles(db());
  const nurse = await ctxFor(db(), t.nurse.user.id);
  const admin = await ctxFor(db(), t.admin.user.id);
  const mentor = await ctxFor(db(), t.mentor.user.id);
  const c = await createCase(
    nurse,
    createCaseSchema.parse({
      employeeCode: "EMP-R1",
      kind: "OTHER",
      nurseIds: [t.nurse.user.id],
      openedOn: "2026-10-01",
      consentOn: "2026-10-01",
      consentScope: "x",
      consentMethod: "y",
    }),
  );
  await getCase(nurse, c.id);
  await getCase(nurse, c.id);
  await getCase(admin, c.id);
  await getCase(mentor, c.id).catch(() => null);
  await exportCasesCsv(nurse);
  // The month under review: everything above happened in October 2026 (Tokyo).
  await db().auditLog.updateMany({ where: { teamId: t.team.id }, data: { createdAt: new Date("2026-10-15T03:00:00Z") } });
  return { ...t, nurse, admin, mentor, caseId: c.id };
}

describe("the monthly access-log review", () => {
  it("shows case reads by nurse and week, refused reads, reads by someone not on the case, and bulk exports", async () => {
    const s = await setup();
    const r = await accessReview(s.admin, "2026-10");
    expect(r.figures).toEqual({ caseReads: 3, refused: 1, offCase: 1, exports: 1 });
    expect(r.byWeek).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorId: s.nurse.userId, week: "2026-10-12", reads: 2 }),
        expect.objectContaining({ actorId: s.admin.userId, week: "2026-10-12", reads: 1 }),
      ]),
    );
    expect(r.refused[0]).toMatchObject({ who: s.mentor.user.name, caseId: s.caseId });
    expect(r.offCase[0]).toMatchObject({ who: s.admin.user.name, caseId: s.caseId });
    expect(r.exports[0]).toMatchObject({ action: "case.export", count: 1 });
    expect((await accessReview(s.admin, "2026-09")).figures).toEqual({ caseReads: 0, refused: 0, offCase: 0, exports: 0 });
    await expect(accessReview(s.nurse, "2026-10")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("is signed off once a month by an admin, with the figures seen, audit-logged", async () => {
    const s = await setup();
    const now = new Date("2026-11-02T00:00:00Z");
    await signOffReview(s.admin, "2026-10", now);
    expect((await accessReview(s.admin, "2026-10")).signOff).toMatchObject({ by: s.admin.user.name });
    expect(await db().auditReview.findFirst({ where: { teamId: s.team.id, month: "2026-10" } })).toMatchObject({
      figures: { caseReads: 3, refused: 1 },
    });
    expect(await db().auditLog.findFirst({ where: { teamId: s.team.id, action: "audit.review" } })).toMatchObject({
      actorId: s.admin.userId,
      entityId: "2026-10",
    });
    await expect(signOffReview(s.admin, "2026-10", now)).rejects.toMatchObject({ messageKey: "alreadyReviewed" });
    await expect(signOffReview(s.admin, "2026-12", now)).rejects.toMatchObject({ fieldErrors: { month: ["inFuture"] } });
    await expect(signOffReview(s.nurse, "2026-09", now)).rejects.toMatchObject({ code: "forbidden" });
    // Another team's sign-off is its own.
    const other = await createTeamWithRoles(db());
    expect((await accessReview(await ctxFor(db(), other.admin.user.id), "2026-10")).signOff).toBeNull();
  });

  it("exports as CSV in UTF-8 with BOM or in Shift_JIS, and the export is logged", async () => {
    const s = await setup();
    const utf8 = await exportReview(s.admin, "2026-10", "utf-8");
    const text = new TextDecoder().decode(utf8);
    expect([...utf8.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain("拒否された閲覧");
    const sjis = await exportReview(s.admin, "2026-10", "shift_jis");
    expect(sjis[0]).not.toBe(0xef);
    const decoded = iconv.decode(Buffer.from(sjis), "Shift_JIS");
    expect(decoded).toContain("担当外の閲覧");
    expect(decoded).toContain(s.admin.user.name);
    expect(await db().auditLog.count({ where: { teamId: s.team.id, action: "audit.reviewExport" } })).toBe(2);
  });
});
