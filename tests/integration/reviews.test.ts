// Mentor reviews end to end in the domain layer: access, snapshots, "since last review", action
// items flowing into the mentee's home and completed by a touchpoint, threads and notifications.
import { describe, expect, it } from "vitest";
import { tokyoDay } from "@/lib/dates";
import { getMyDay } from "@/lib/home/queries";
import { createLink } from "@/lib/map/links";
import { loadMap } from "@/lib/map/queries";
import { loadTeamContext } from "@/lib/auth/context";
import { listNotifications } from "@/lib/reviews/notifications";
import { addAction, addComment, editComment, saveSelfReflection, setActionDone, startReview } from "@/lib/reviews/mutations";
import { listReviews, mentorDashboard, reviewDetail } from "@/lib/reviews/queries";
import { commentSchema } from "@/lib/reviews/schemas";
import { createTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { setupTestDatabase } from "../support/db";
import { createDepartment, createMember, createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

async function setup() {
  const t = await createTeamWithRoles(db());
  await db().mentorAssignment.create({ data: { teamId: t.team.id, mentorId: t.mentor.user.id, menteeId: t.nurse.user.id } });
  const other = await createMember(db(), t.team.id, "NURSE", { name: "Other" });
  const otherMentor = await createMember(db(), t.team.id, "MENTOR", { name: "Other mentor" });
  const company = await createDepartment(db(), t.team.id, "本社");
  const hr = await createDepartment(db(), t.team.id, "人事部", company);
  const factory = await createDepartment(db(), t.team.id, "工場", company);
  const boss = await createPerson(db(), t.team.id, {
    name: "工場長",
    departmentId: factory.id,
    ownerId: t.nurse.user.id,
    stance: "NEUTRAL",
  });
  const hrHead = await createPerson(db(), t.team.id, {
    name: "人事課長",
    departmentId: hr.id,
    ownerId: t.nurse.user.id,
    stance: "INDIFFERENT",
  });
  return {
    ...t,
    boss,
    hrHead,
    mentorCtx: await ctxFor(db(), t.mentor.user.id),
    menteeCtx: await ctxFor(db(), t.nurse.user.id),
    adminCtx: await ctxFor(db(), t.admin.user.id),
    otherCtx: await ctxFor(db(), other.user.id),
    otherMentorCtx: await ctxFor(db(), otherMentor.user.id),
  };
}

const touch = (keyPersonIds: string[], type: "GIVE" | "ASK" = "GIVE", occurredOn = "2026-11-10") =>
  createTouchpointSchema.parse({ type, occurredOn, keyPersonIds, summary: "" });

describe("mentor reviews", () => {
  it("lets only the mentee, her mentor and admins in; everyone else gets not found", async () => {
    const s = await setup();
    const review = await startReview(s.mentorCtx, { menteeId: s.nurse.user.id, title: "" });
    await expect(reviewDetail(s.menteeCtx, review.id)).resolves.toMatchObject({ as: "mentee" });
    await expect(reviewDetail(s.adminCtx, review.id)).resolves.toMatchObject({ as: "mentor" });
    await expect(reviewDetail(s.otherCtx, review.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(reviewDetail(s.otherMentorCtx, review.id)).rejects.toMatchObject({ code: "notFound" });
    // Another mentor cannot open the mentee's map or start a review of her.
    await expect(loadMap(s.otherMentorCtx, { kind: "mentee", userId: s.nurse.user.id })).rejects.toMatchObject({ code: "notFound" });
    await expect(startReview(s.otherMentorCtx, { menteeId: s.nurse.user.id, title: "" })).rejects.toMatchObject({ code: "notFound" });
    await expect(startReview(s.menteeCtx, { menteeId: s.nurse.user.id, title: "" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await listReviews(s.otherCtx)).length).toBe(0);
    expect((await listReviews(s.otherMentorCtx)).length).toBe(0);
    expect((await listReviews(s.menteeCtx)).map((r) => r.id)).toEqual([review.id]);
  });

  it("keeps the mentee's map as a snapshot, and the next review shows what moved in between", async () => {
    const s = await setup();
    await createLink(s.menteeCtx, { fromId: s.boss.id, toId: s.hrHead.id, type: "INFLUENCES", note: "" });
    const first = await startReview(s.mentorCtx, { menteeId: s.nurse.user.id, title: "" });
    const d1 = await reviewDetail(s.mentorCtx, first.id);
    expect(d1.snapshot?.people.map((p) => p.name).sort()).toEqual(["人事課長", "工場長"]);
    expect(d1.snapshot?.links).toHaveLength(1);
    expect(d1.since).toBeNull();
    // Between the reviews: an action, a stance move, a new person, two gives, one ask.
    await addAction(s.mentorCtx, {
      reviewId: first.id,
      title: "人事課長に先週のお礼を伝える",
      dueOn: "2026-11-20",
      keyPersonId: s.hrHead.id,
    });
    await addAction(s.mentorCtx, { reviewId: first.id, title: "工場長の上司に相談する", dueOn: "2000-01-01", keyPersonId: null });
    await db().keyPerson.update({ where: { id: s.hrHead.id }, data: { stance: "COOPERATIVE" } });
    await createPerson(db(), s.team.id, { name: "安全衛生担当", ownerId: s.nurse.user.id });
    const today = tokyoDay();
    await createTouchpoint(s.menteeCtx, touch([s.hrHead.id], "GIVE", today));
    await createTouchpoint(s.menteeCtx, touch([s.boss.id], "GIVE", today));
    await createTouchpoint(s.menteeCtx, touch([s.boss.id], "ASK", today));
    // Snapshot stays as it was.
    expect((await reviewDetail(s.mentorCtx, first.id)).snapshot).toEqual(d1.snapshot);

    const second = await startReview(s.mentorCtx, { menteeId: s.nurse.user.id, title: "二回目" });
    const d2 = await reviewDetail(s.mentorCtx, second.id);
    expect(d2.since?.previous.id).toBe(first.id);
    expect(d2.since?.diff?.up).toEqual([{ id: s.hrHead.id, name: "人事課長", from: "INDIFFERENT", to: "COOPERATIVE" }]);
    expect(d2.since?.diff?.added.map((p) => p.name)).toEqual(["安全衛生担当"]);
    expect(d2.since?.diff?.gapsClosed.map((g) => g.kind)).toContain("noAlly");
    expect(d2.since).toMatchObject({ touchpoints: 3, gives: 2, asks: 1 });
    // The thanks action was completed by logging the touchpoint with 人事課長; the other is overdue.
    expect(d2.since?.actionsDone.map((a) => a.title)).toEqual(["人事課長に先週のお礼を伝える"]);
    expect(d2.since?.actionsOverdue.map((a) => a.title)).toEqual(["工場長の上司に相談する"]);
  });

  it("asks the mentee on her home page to write her reflection once a review has started, until she has", async () => {
    const s = await setup();
    expect((await getMyDay(s.menteeCtx)).reflections).toEqual([]);
    const review = await startReview(s.mentorCtx, { menteeId: s.nurse.user.id, title: "12月のふりかえり" });
    expect((await getMyDay(s.menteeCtx)).reflections).toEqual([{ id: review.id, title: "12月のふりかえり", mentor: { name: "Mentor" } }]);
    // Nobody else is asked.
    expect((await getMyDay(s.mentorCtx)).reflections).toEqual([]);
    expect((await getMyDay(s.otherCtx)).reflections).toEqual([]);
    await saveSelfReflection(s.menteeCtx, {
      reviewId: review.id,
      wentWell: "工場長に先にギブできた",
      stuck: "人事課長が忙しい",
      version: 1,
    });
    expect((await getMyDay(s.menteeCtx)).reflections).toEqual([]);
  });

  it("puts action items in the mentee's home reminders until she ticks them off", async () => {
    const s = await setup();
    const review = await startReview(s.mentorCtx, { menteeId: s.nurse.user.id, title: "" });
    const action = await addAction(s.mentorCtx, {
      reviewId: review.id,
      title: "工場長の上司に相談する",
      dueOn: "2026-12-01",
      keyPersonId: null,
    });
    await expect(addAction(s.menteeCtx, { reviewId: review.id, title: "x", dueOn: "2026-12-01", keyPersonId: null })).rejects.toMatchObject(
      { code: "forbidden" },
    );
    const day = await getMyDay(s.menteeCtx);
    expect(day.actions.map((a) => a.title)).toEqual(["工場長の上司に相談する"]);
    await setActionDone(s.menteeCtx, action.id, true);
    expect((await getMyDay(s.menteeCtx)).actions).toEqual([]);
    await setActionDone(s.menteeCtx, action.id, false);
    expect((await getMyDay(s.menteeCtx)).actions).toHaveLength(1);
    await expect(setActionDone(s.otherCtx, action.id, true)).rejects.toMatchObject({ code: "notFound" });
    for (let i = 0; i < 4; i++)
      await addAction(s.mentorCtx, { reviewId: review.id, title: `a${i}`, dueOn: "2026-12-01", keyPersonId: null });
    await expect(
      addAction(s.mentorCtx, { reviewId: review.id, title: "six", dueOn: "2026-12-01", keyPersonId: null }),
    ).rejects.toMatchObject({ code: "validation" });
  });

  it("threads replies, pins comments, keeps each author's words her own, and notifies the other side", async () => {
    const s = await setup();
    const review = await startReview(s.mentorCtx, { menteeId: s.nurse.user.id, title: "" });
    // The shell's bell: counted in the statement that loads her context, for this team only.
    const unread = async () => (await loadTeamContext(s.menteeCtx.db, s.menteeCtx.userId, s.menteeCtx.teamId))?.unreadNotifications;
    expect(await unread()).toBe(1);
    const detail = await reviewDetail(s.menteeCtx, review.id);
    await saveSelfReflection(s.menteeCtx, {
      reviewId: review.id,
      wentWell: "人事課長と話せた",
      stuck: "工場長に会えない",
      version: detail.review.version,
    });
    await expect(
      saveSelfReflection(s.menteeCtx, { reviewId: review.id, wentWell: "x", stuck: "y", version: detail.review.version }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(saveSelfReflection(s.mentorCtx, { reviewId: review.id, wentWell: "x", stuck: "y", version: 2 })).rejects.toMatchObject({
      code: "forbidden",
    });
    const pinned = await addComment(
      s.mentorCtx,
      commentSchema.parse({ reviewId: review.id, body: "まず工場長の上司を確認しよう", keyPersonId: s.boss.id }),
    );
    await expect(addComment(s.menteeCtx, commentSchema.parse({ reviewId: review.id, body: "top-level" }))).rejects.toMatchObject({
      code: "forbidden",
    });
    await addComment(s.menteeCtx, commentSchema.parse({ reviewId: review.id, body: "総務に聞いてみます", parentId: pinned.id }));
    await expect(editComment(s.menteeCtx, { id: pinned.id, body: "書き換え" })).rejects.toMatchObject({ code: "forbidden" });
    await editComment(s.mentorCtx, { id: pinned.id, body: "まず工場長の上司を確かめよう" });
    const d = await reviewDetail(s.mentorCtx, review.id);
    expect(d.threads).toHaveLength(1);
    expect(d.threads[0]).toMatchObject({ keyPersonId: s.boss.id, body: "まず工場長の上司を確かめよう" });
    expect(d.threads[0].replies.map((r) => r.body)).toEqual(["総務に聞いてみます"]);
    expect(d.review.selfStuck).toBe("工場長に会えない");
    expect((await listNotifications(s.mentorCtx)).map((n) => n.kind).sort()).toEqual(["review.reply", "review.self"]);
    expect((await listNotifications(s.menteeCtx)).map((n) => n.kind).sort()).toEqual(["review.comment", "review.started"]);
  });

  it("gives the mentor one page per mentee: balance, acceptance, stance moves, overdue actions, last review", async () => {
    const s = await setup();
    const now = new Date();
    const today = tokyoDay(now);
    await createTouchpoint(s.menteeCtx, touch([s.boss.id], "GIVE", today));
    await createTouchpoint(s.menteeCtx, touch([s.boss.id], "ASK", today));
    await createTouchpoint(s.menteeCtx, touch([s.hrHead.id], "ASK", today));
    await db().stanceChange.create({
      data: { teamId: s.team.id, keyPersonId: s.boss.id, fromStance: "NEUTRAL", toStance: "COOPERATIVE", changedById: s.nurse.user.id },
    });
    const review = await startReview(s.mentorCtx, { menteeId: s.nurse.user.id, title: "" });
    await addAction(s.mentorCtx, { reviewId: review.id, title: "late", dueOn: "2020-01-01", keyPersonId: null });
    const rows = await mentorDashboard(s.mentorCtx, now);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: s.nurse.user.id, gives: 1, asks: 2, up: 1, down: 0, overdue: 1 });
    expect(rows[0].lastReviewAt).not.toBeNull();
    expect(await mentorDashboard(s.otherMentorCtx, now)).toEqual([]);
  });
});
