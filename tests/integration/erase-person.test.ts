import { describe, expect, it } from "vitest";
import { eraseKeyPerson, erasePreview } from "@/lib/key-persons/erase";
import { createRequest, transitionRequest } from "@/lib/requests/mutations";
import { createRequestSchema } from "@/lib/requests/schemas";
import { startReview } from "@/lib/reviews/mutations";
import { createTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { isSealed, openText, sealText } from "@/lib/crypto/sealed-text";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const now = new Date("2026-11-30T01:00:00Z");
const NAME = "消去 対象男";

async function setup() {
  const t = await createTeamWithRoles(db());
  const nurse = await ctxFor(db(), t.nurse.user.id);
  const admin = await ctxFor(db(), t.admin.user.id);
  const him = await createPerson(db(), t.team.id, { name: NAME, ownerId: t.nurse.user.id });
  await db().keyPerson.update({ where: { id: him.id }, data: { notes: "家庭の事情で朝が苦手", painPoints: "人手不足" } });
  const other = await createPerson(db(), t.team.id, { name: "残る 人", ownerId: t.nurse.user.id });
  const report = await db().keyPerson.create({ data: { teamId: t.team.id, kind: "LINE_MANAGER", name: "部下", reportsToId: him.id } });
  const log = (keyPersonIds: string[], summary: string) =>
    createTouchpoint(nurse, createTouchpointSchema.parse({ type: "GIVE", occurredOn: "2026-11-20", keyPersonIds, summary }), now);
  const alone = await log([him.id], "本人とだけ話した");
  const shared = await log([him.id, other.id], "二人と打ち合わせ");
  const { id: requestId } = await createRequest(
    nurse,
    createRequestSchema.parse({ keyPersonId: him.id, what: "面談に同席", nurseSupport: "資料は私が" }),
  );
  await transitionRequest(nurse, { id: requestId, version: 1, to: "SENT" }, now);
  await transitionRequest(nurse, { id: requestId, version: 2, to: "ACCEPTED" }, now);
  await db().stanceChange.create({
    data: {
      teamId: t.team.id,
      keyPersonId: him.id,
      fromStance: "NEUTRAL",
      toStance: "COOPERATIVE",
      reason: "面談後",
      changedById: t.nurse.user.id,
    },
  });
  const link = await db().personLink.create({
    data: { teamId: t.team.id, fromId: him.id, toId: other.id, type: "INFLUENCES", note: "同期", createdById: t.nurse.user.id },
  });
  await db().mentorAssignment.create({ data: { teamId: t.team.id, mentorId: t.mentor.user.id, menteeId: t.nurse.user.id } });
  const mentor = await ctxFor(db(), t.mentor.user.id);
  const review = await startReview(mentor, { menteeId: t.nurse.user.id, title: "" }, now);
  await db().reviewComment.create({
    data: { teamId: t.team.id, reviewId: review.id, authorId: t.mentor.user.id, keyPersonId: him.id, body: "この人には先にお礼を" },
  });
  await db().reviewComment.create({
    data: { teamId: t.team.id, reviewId: review.id, authorId: t.mentor.user.id, linkId: link.id, body: "この線は強い" },
  });
  const c = await db().case.create({
    data: {
      teamId: t.team.id,
      employeeCode: "E1",
      kind: "OTHER",
      openedOn: new Date("2026-11-01"),
      keyPersons: { create: [{ keyPersonId: him.id, teamId: t.team.id }] },
    },
  });
  return { ...t, nurse, admin, him, other, report, alone, shared, reviewId: review.id, caseId: c.id };
}

describe("erasing a key person", () => {
  it("removes everything recorded about him in one go, keeps others' records, and audits counts only", async () => {
    const s = await setup();
    const preview = await erasePreview(s.admin, s.him.id);
    expect(preview.counts).toMatchObject({
      touchpoints: 3,
      alone: 2,
      requests: 1,
      commitments: 1,
      links: 1,
      comments: 2,
      stanceChanges: 1,
      cases: 1,
      reports: 1,
      snapshots: 1,
    });

    await eraseKeyPerson(s.admin, { id: s.him.id, version: 1, reason: "REQUEST", confirmName: "消去　対象男" });
    expect(await db().keyPerson.findUnique({ where: { id: s.him.id } })).toBeNull();
    expect(await db().touchpoint.findUnique({ where: { id: s.alone.id } })).toBeNull();
    // The meeting with someone else stays, without him.
    expect(await db().touchpointParticipant.findMany({ where: { touchpointId: s.shared.id }, select: { keyPersonId: true } })).toEqual([
      { keyPersonId: s.other.id },
    ]);
    expect(await db().request.count({ where: { teamId: s.team.id } })).toBe(0);
    expect(await db().commitment.count({ where: { teamId: s.team.id } })).toBe(0);
    expect(await db().personLink.count({ where: { teamId: s.team.id } })).toBe(0);
    expect(await db().reviewComment.count({ where: { teamId: s.team.id } })).toBe(0);
    expect(await db().stanceChange.count({ where: { teamId: s.team.id } })).toBe(0);
    expect(await db().caseKeyPerson.count({ where: { caseId: s.caseId } })).toBe(0);
    expect(await db().case.count({ where: { id: s.caseId } })).toBe(1);
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: s.report.id } })).reportsToId).toBeNull();

    // Nothing left anywhere that names him or repeats what was noted about him.
    const dump = JSON.stringify(
      await Promise.all([
        db().mentorReview.findMany({ where: { teamId: s.team.id } }),
        db().auditLog.findMany({ where: { teamId: s.team.id } }),
        db().touchpoint.findMany({ where: { teamId: s.team.id } }),
        db().keyPerson.findMany({ where: { teamId: s.team.id } }),
      ]),
    );
    for (const trace of [NAME, "家庭の事情", "人手不足", "面談に同席", "この人には先にお礼を", "同期"])
      expect(dump, trace).not.toContain(trace);
    const snapshot = (await db().mentorReview.findUniqueOrThrow({ where: { id: s.reviewId } })).snapshot as { people: { id: string }[] };
    expect(snapshot.people.map((p) => p.id)).not.toContain(s.him.id);
    const entry = await db().auditLog.findFirstOrThrow({ where: { teamId: s.team.id, action: "keyPerson.erase" } });
    expect(entry).toMatchObject({
      actorId: s.admin.user.id,
      entityId: s.him.id,
      detail: { reason: "REQUEST", touchpoints: 3, requests: 1 },
    });
  });

  it("redacts his name where it stands in text that stays, sealed case notes included, and lists it before", async () => {
    const t = await createTeamWithRoles(db());
    const nurse = await ctxFor(db(), t.nurse.user.id);
    const admin = await ctxFor(db(), t.admin.user.id);
    const him = await createPerson(db(), t.team.id, { name: "吉田 智子", ownerId: t.nurse.user.id });
    await db().keyPerson.update({ where: { id: him.id }, data: { nameKana: "よしだ ともこ" } });
    const other = await createPerson(db(), t.team.id, { name: "佐々木 誠", ownerId: t.nurse.user.id });
    await db().keyPerson.update({ where: { id: other.id }, data: { notes: "上司の吉田　智子さんと相談して決める人。吉田さんは別の課。" } });
    // Another person's touchpoint, written with his reading in katakana and no space.
    const tp = await createTouchpoint(
      nurse,
      createTouchpointSchema.parse({
        type: "LISTENING",
        occurredOn: "2026-11-20",
        keyPersonIds: [other.id],
        summary: "部下のヨシダトモコさんは不眠で休みがちと聞いた",
      }),
      now,
    );
    // A mentee's reflection.
    await db().mentorAssignment.create({ data: { teamId: t.team.id, mentorId: t.mentor.user.id, menteeId: t.nurse.user.id } });
    const review = await startReview(await ctxFor(db(), t.mentor.user.id), { menteeId: t.nurse.user.id, title: "" }, now);
    await db().mentorReview.update({
      where: { id: review.id },
      data: { selfWentWell: "吉田 智子さんが面談の時間を取ってくれた。ほかは順調。" },
    });
    // A case touchpoint: stored sealed.
    const c = await db().case.create({ data: { teamId: t.team.id, employeeCode: "E9", kind: "OTHER", openedOn: new Date("2026-11-01") } });
    const caseNote = await db().touchpoint.create({
      data: {
        teamId: t.team.id,
        type: "MEETING",
        occurredAt: now,
        nurseId: t.nurse.user.id,
        caseId: c.id,
        summary: sealText("吉田智子課長に配慮を依頼"),
        participants: { create: { keyPersonId: other.id, teamId: t.team.id, type: "MEETING", occurredAt: now } },
      },
    });
    expect(isSealed((await db().touchpoint.findUniqueOrThrow({ where: { id: caseNote.id } })).summary)).toBe(true);

    const preview = await erasePreview(admin, him.id);
    expect(
      preview.mentions
        .filter((m) => !m.sealed)
        .map((m) => [m.table, m.excerpt])
        .sort(),
    ).toEqual(
      [
        ["KeyPerson", "上司の吉田　智子さんと相談して決める人。"],
        ["MentorReview", "吉田 智子さんが面談の時間を取ってくれた。"],
        ["Touchpoint", "部下のヨシダトモコさんは不眠で休みがちと聞いた"],
      ].sort(),
    );
    expect(preview.mentions.filter((m) => m.sealed)).toHaveLength(1);

    const versionBefore = (await db().keyPerson.findUniqueOrThrow({ where: { id: other.id } })).version;
    await eraseKeyPerson(admin, { id: him.id, version: preview.person.version, reason: "REQUEST", confirmName: "吉田 智子" });
    // A form open on the redacted record meanwhile cannot save his name back: its version moved on.
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: other.id } })).version).toBe(versionBefore + 1);
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: other.id } })).notes).toBe(
      "上司の（消去済み）さんと相談して決める人。吉田さんは別の課。",
    );
    expect((await db().touchpoint.findUniqueOrThrow({ where: { id: tp.id } })).summary).toBe(
      "部下の（消去済み）さんは不眠で休みがちと聞いた",
    );
    expect((await db().mentorReview.findUniqueOrThrow({ where: { id: review.id } })).selfWentWell).toBe(
      "（消去済み）さんが面談の時間を取ってくれた。ほかは順調。",
    );
    const sealed = (await db().touchpoint.findUniqueOrThrow({ where: { id: caseNote.id } })).summary;
    expect(isSealed(sealed)).toBe(true);
    expect(openText(sealed)).toBe("（消去済み）課長に配慮を依頼");
    const entry = await db().auditLog.findFirstOrThrow({ where: { teamId: t.team.id, action: "keyPerson.erase" } });
    expect(entry.detail).toMatchObject({ mentions: 4 });
    expect(JSON.stringify(entry)).not.toContain("吉田");
  });

  it("is for admins, asks for the name again, refuses a stale page, and another team's person is not found", async () => {
    const s = await setup();
    await expect(eraseKeyPerson(s.nurse, { id: s.him.id, version: 1, reason: "LEFT", confirmName: NAME })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(erasePreview(s.nurse, s.him.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(eraseKeyPerson(s.admin, { id: s.him.id, version: 1, reason: "LEFT", confirmName: "別の人" })).rejects.toMatchObject({
      fieldErrors: { confirmName: ["nameMismatch"] },
    });
    await expect(eraseKeyPerson(s.admin, { id: s.him.id, version: 9, reason: "LEFT", confirmName: NAME })).rejects.toMatchObject({
      messageKey: "staleEdit",
    });
    const other = await createTeamWithRoles(db());
    await expect(
      eraseKeyPerson(await ctxFor(db(), other.admin.user.id), { id: s.him.id, version: 1, reason: "LEFT", confirmName: NAME }),
    ).rejects.toMatchObject({ code: "notFound" });
    expect(await db().keyPerson.count({ where: { id: s.him.id } })).toBe(1);
  });
});
