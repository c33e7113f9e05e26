import { describe, expect, it } from "vitest";
import { feedFor, issueFeed } from "@/lib/calendar/feed";
import { getMyDay } from "@/lib/home/queries";
import { setCommitmentDue } from "@/lib/requests/commitments";
import { createRequest, transitionRequest, undoRequestStatus } from "@/lib/requests/mutations";
import { getRequest } from "@/lib/requests/queries";
import { createRequestSchema } from "@/lib/requests/schemas";
import { startReview } from "@/lib/reviews/mutations";
import { reviewDetail } from "@/lib/reviews/queries";
import { createTouchpoint, deleteTouchpoint, undoLoggedTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { setupTestDatabase } from "../support/db";
import { createMember, createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const now = new Date("2026-11-30T01:00:00Z"); // 10:00 in Japan

async function setup() {
  const t = await createTeamWithRoles(db());
  const ctx = await ctxFor(db(), t.nurse.user.id);
  const person = await createPerson(db(), t.team.id, { name: "森本 ゆかり", ownerId: t.nurse.user.id });
  return { ...t, ctx, person };
}

async function accepted(
  ctx: Awaited<ReturnType<typeof setup>>["ctx"],
  keyPersonId: string,
  input: Record<string, unknown>,
  to: "ACCEPTED" | "DECLINED" = "ACCEPTED",
) {
  const { id } = await createRequest(ctx, createRequestSchema.parse({ what: "朝礼で5分いただく", keyPersonId, ...input }));
  await transitionRequest(ctx, { id, version: 1, to: "SENT" }, now);
  await transitionRequest(ctx, { id, version: 2, to }, now);
  return id;
}

describe("commitments: the nurse's own part of an accepted request", () => {
  it("becomes a dated promise on her home page, flagged when overdue and kept by the give that delivers it", async () => {
    const { ctx, person } = await setup();
    const id = await accepted(ctx, person.id, { nurseSupport: "資料作成は私が担当します", dueOn: "2026-12-04" });
    // A request without a part of her own, or one declined, promises nothing.
    await accepted(ctx, person.id, { nurseSupport: "" });
    await accepted(ctx, person.id, { nurseSupport: "日程調整は私が" }, "DECLINED");

    let day = await getMyDay(ctx, now);
    expect(day.commitments.map((c) => [c.what, c.dueOn.toISOString().slice(0, 10), c.overdue])).toEqual([
      ["資料作成は私が担当します", "2026-12-04", false],
    ]);
    const commitment = day.commitments[0]!;
    expect(commitment.keyPerson.id).toBe(person.id);
    expect((await getRequest(ctx, id)).commitment).toMatchObject({ what: "資料作成は私が担当します", doneAt: null });

    // She moves the date; the next week it is overdue.
    await setCommitmentDue(ctx, { id: commitment.id, dueOn: "2026-12-01" });
    day = await getMyDay(ctx, new Date("2026-12-02T01:00:00Z"));
    expect(day.commitments[0]).toMatchObject({ overdue: true });
    expect(day.overdueCommitments).toBe(1);

    // A give dated before the talk that made the promise cannot be the one that keeps it.
    await expect(
      createTouchpoint(
        ctx,
        createTouchpointSchema.parse({
          type: "GIVE",
          occurredOn: "2026-11-29",
          keyPersonIds: [person.id],
          summary: "前の週に渡した資料",
          keepsCommitmentId: commitment.id,
        }),
        now,
      ),
    ).rejects.toMatchObject({ fieldErrors: { occurredOn: ["beforePromise"] } });
    expect((await getMyDay(ctx, now)).commitments).toHaveLength(1);

    // Logging the give from the reminder keeps the promise, and links the give to the request.
    const give = await createTouchpoint(
      ctx,
      createTouchpointSchema.parse({
        type: "GIVE",
        occurredOn: "2026-11-30",
        keyPersonIds: [person.id],
        summary: "資料をお渡し",
        keepsCommitmentId: commitment.id,
      }),
      now,
    );
    expect((await getMyDay(ctx, now)).commitments).toEqual([]);
    const r = await getRequest(ctx, id);
    expect(r.commitment).toMatchObject({ touchpointId: give.id });
    expect(r.commitment?.doneAt).not.toBeNull();
    expect(r.touchpoints.map((t) => t.type)).toContain("GIVE");

    // Deleting that give (or undoing it) reopens the promise; restoring it keeps it again.
    await deleteTouchpoint(ctx, give.id, true);
    expect((await getMyDay(ctx, now)).commitments).toHaveLength(1);
    await deleteTouchpoint(ctx, give.id, false);
    expect((await getMyDay(ctx, now)).commitments).toHaveLength(0);
    await undoLoggedTouchpoint(ctx, give.id, new Date());
    expect((await getMyDay(ctx, now)).commitments).toHaveLength(1);
  });

  it("goes when the acceptance is undone, and comes back with the original date when it is accepted again", async () => {
    const { ctx, person } = await setup();
    const id = await accepted(ctx, person.id, { nurseSupport: "資料作成は私が担当します" });
    // Without a request date, a week from the answer.
    expect((await getMyDay(ctx, now)).commitments.map((c) => c.dueOn.toISOString().slice(0, 10))).toEqual(["2026-12-07"]);
    await undoRequestStatus(ctx, { id, version: 3 }, now);
    expect((await getMyDay(ctx, now)).commitments).toEqual([]);
    await transitionRequest(ctx, { id, version: 4, to: "ACCEPTED" }, now);
    expect((await getMyDay(ctx, now)).commitments).toHaveLength(1);
  });

  it("is hers alone: another nurse can neither move it nor keep it, another team's is not found", async () => {
    const { ctx, person, admin, team } = await setup();
    await accepted(ctx, person.id, { nurseSupport: "資料作成は私が担当します" });
    const [c] = (await getMyDay(ctx, now)).commitments;
    const other = await createTeamWithRoles(db());
    const outsider = await ctxFor(db(), other.nurse.user.id);
    await expect(setCommitmentDue(outsider, { id: c!.id, dueOn: "2026-12-10" })).rejects.toMatchObject({ code: "notFound" });
    const colleague = await ctxFor(db(), (await createMember(db(), team.id, "NURSE", { name: "同僚" })).user.id);
    await expect(setCommitmentDue(colleague, { id: c!.id, dueOn: "2026-12-10" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      createTouchpoint(
        colleague,
        createTouchpointSchema.parse({ type: "GIVE", occurredOn: "2026-11-30", keyPersonIds: [person.id], keepsCommitmentId: c!.id }),
        now,
      ),
    ).rejects.toMatchObject({ code: "validation" });
    // An admin may correct the date.
    await setCommitmentDue(await ctxFor(db(), admin.user.id), { id: c!.id, dueOn: "2026-12-10" });
    expect((await getMyDay(ctx, now)).commitments[0]!.dueOn.toISOString().slice(0, 10)).toBe("2026-12-10");
  });

  it("shows the mentor her open and overdue promises in the review, and goes into her calendar feed", async () => {
    const t = await setup();
    await db().mentorAssignment.create({ data: { teamId: t.team.id, mentorId: t.mentor.user.id, menteeId: t.nurse.user.id } });
    await accepted(t.ctx, t.person.id, { nurseSupport: "資料作成は私が担当します", dueOn: "2026-12-01" });
    await accepted(t.ctx, t.person.id, { nurseSupport: "日程調整は私が", dueOn: "2026-12-20" });
    const mentorCtx = await ctxFor(db(), t.mentor.user.id);
    const later = new Date("2026-12-05T01:00:00Z");
    const review = await startReview(mentorCtx, { menteeId: t.nurse.user.id, title: "" }, later);
    const detail = await reviewDetail(mentorCtx, review.id, later);
    expect(detail.commitments.map((c) => [c.what, c.overdue])).toEqual([
      ["資料作成は私が担当します", true],
      ["日程調整は私が", false],
    ]);
    expect(detail.overdueCommitments).toBe(1);

    const url = await issueFeed(t.ctx, false, "https://crm.example");
    const ics = (await feedFor(
      db(),
      url
        .split("/")
        .pop()!
        .replace(/\.ics$/, ""),
      "https://crm.example",
      now,
    ))!;
    expect(ics).toContain("DTSTART;VALUE=DATE:20261220");
    expect(ics).toMatch(/SUMMARY:約束/);
    // Without names turned on, the promise's text stays out of the calendar.
    expect(ics).not.toContain("日程調整は私が");
  });
});
