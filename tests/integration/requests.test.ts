import { describe, expect, it } from "vitest";
import { getMyDay } from "@/lib/home/queries";
import { mergePeople } from "@/lib/key-persons/merge";
import { keyPersonDetail, personTimeline } from "@/lib/key-persons/queries";
import { emailMessage, fallbackMessage, lineMessage } from "@/lib/requests/message";
import { createRequest, deleteDraft, transitionRequest, undoRequestStatus, updateRequest } from "@/lib/requests/mutations";
import { acceptanceRates, getRequest } from "@/lib/requests/queries";
import { createRequestSchema, missingEssentials, updateRequestSchema } from "@/lib/requests/schemas";
import { versionChanges } from "@/lib/requests/versions";
import { createTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import ja from "@/messages/ja.json";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const ask = {
  what: "Aさんのフォロー面談後に5分だけお時間をいただく",
  dueOn: "2026-11-30",
  effortMinutes: 5,
  reason: "面談直後だと様子を具体的に共有できるので",
  benefit: "部下の状況を短時間で把握できます",
  nurseSupport: "要点は私がメモにまとめます",
};

async function setup() {
  const t = await createTeamWithRoles(db());
  const ctx = await ctxFor(db(), t.nurse.user.id);
  const person = await createPerson(db(), t.team.id, { name: "製造 課長", ownerId: t.nurse.user.id });
  return { ...t, ctx, person };
}

describe("requests", () => {
  it("walks the state machine: sent → declined → fallback sent → fallback accepted → thanks owed → thanked", async () => {
    const { ctx, person } = await setup();
    const { id } = await createRequest(
      ctx,
      createRequestSchema.parse({
        ...ask,
        keyPersonId: person.id,
        fallbackWhat: "メールで3行の要約をお送りするので、ご一読だけ",
        fallbackMinutes: 1,
      }),
    );
    const step = async (to: string) => transitionRequest(ctx, { id, version: (await getRequest(ctx, id)).version, to: to as "SENT" });
    await expect(step("ACCEPTED")).rejects.toMatchObject({ messageKey: "invalidTransition" });
    await step("SENT");
    await step("DECLINED");
    await step("FALLBACK_SENT");
    await step("FALLBACK_ACCEPTED");
    const r = await getRequest(ctx, id);
    expect(r.status).toBe("FALLBACK_ACCEPTED");
    // Status changes are the request's own history; the touchpoint log and the balance count one
    // ask for the request, the fallback part of it.
    expect(r.events.map((e) => e.status)).toEqual(["DRAFT", "SENT", "DECLINED", "FALLBACK_SENT", "FALLBACK_ACCEPTED"]);
    expect(r.touchpoints.map((t) => t.type)).toEqual(["ASK"]);
    const timeline = await personTimeline(ctx, person.id);
    expect(timeline.touchpoints.map((t) => t.summary)).toEqual([`依頼：${ask.what}`]);
    expect((await keyPersonDetail(ctx, person.id)).balance).toMatchObject({ gives: 0, asks: 1 });
    const askTp = await db().touchpoint.findFirstOrThrow({ where: { requestId: id }, select: { principles: true } });
    expect(askTp.principles).toContain("CONTRAST");
    expect((await getMyDay(ctx)).thanksOwed.map((x) => x.id)).toEqual([id]);
    // Thanks are owed for what was accepted: the smaller fallback, not the declined original.
    expect((await getMyDay(ctx)).thanksOwed[0].what).toBe("メールで3行の要約をお送りするので、ご一読だけ");
    expect((await keyPersonDetail(ctx, person.id)).thanksOwed[0].what).toBe("メールで3行の要約をお送りするので、ご一読だけ");
    await createTouchpoint(
      ctx,
      createTouchpointSchema.parse({
        type: "THANKS",
        occurredOn: new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10),
        keyPersonIds: [person.id],
      }),
    );
    expect((await getMyDay(ctx)).thanksOwed).toEqual([]);
    await step("DONE");
    await expect(step("SENT")).rejects.toMatchObject({ messageKey: "invalidTransition" });
  });

  it("needs a fallback before sending one, and refuses stale or foreign changes", async () => {
    const { ctx, person, mentor } = await setup();
    const { id } = await createRequest(ctx, createRequestSchema.parse({ ...ask, keyPersonId: person.id }));
    await transitionRequest(ctx, { id, version: 1, to: "SENT" });
    await expect(transitionRequest(ctx, { id, version: 1, to: "DECLINED" })).rejects.toMatchObject({ messageKey: "staleEdit" });
    await transitionRequest(ctx, { id, version: 2, to: "DECLINED" });
    await expect(transitionRequest(ctx, { id, version: 3, to: "FALLBACK_SENT" })).rejects.toMatchObject({
      fieldErrors: { fallbackWhat: ["required"] },
    });
    await expect(transitionRequest(await ctxFor(db(), mentor.user.id), { id, version: 3, to: "FALLBACK_SENT" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const other = await createTeamWithRoles(db());
    await expect(getRequest(await ctxFor(db(), other.admin.user.id), id)).rejects.toMatchObject({ code: "notFound" });
  });

  it("editing a sent request keeps what was sent as sent: a new version beside it, the ask's words unchanged, a wrong person corrected", async () => {
    const { ctx, person, team, nurse } = await setup();
    const other = await createPerson(db(), team.id, { name: "総務 係長", ownerId: nurse.user.id });
    const sentAt = new Date("2026-12-01T01:00:00Z");
    const { id } = await createRequest(ctx, createRequestSchema.parse({ ...ask, dueOn: "2026-12-18", keyPersonId: person.id }));
    // A draft's edits are not versions: nothing has gone out yet.
    await updateRequest(ctx, updateRequestSchema.parse({ ...ask, dueOn: "2026-12-18", keyPersonId: person.id, id, version: 1 }));
    await transitionRequest(ctx, { id, version: 2, to: "SENT" }, sentAt);
    const editedAt = new Date("2026-12-03T01:00:00Z");
    await updateRequest(
      ctx,
      updateRequestSchema.parse({
        ...ask,
        what: "面談後に3分だけお時間をいただく",
        effortMinutes: 3,
        dueOn: "2026-12-11",
        keyPersonId: other.id,
        id,
        version: 3,
      }),
      editedAt,
    );
    // Saving the same content again adds nothing.
    await updateRequest(
      ctx,
      updateRequestSchema.parse({
        ...ask,
        what: "面談後に3分だけお時間をいただく",
        effortMinutes: 3,
        dueOn: "2026-12-11",
        keyPersonId: other.id,
        id,
        version: 4,
      }),
    );
    const r = await getRequest(ctx, id);
    expect(r.versions.map((v) => [v.number, v.what, v.effortMinutes, v.dueOn?.toISOString().slice(0, 10)])).toEqual([
      [1, ask.what, 5, "2026-12-18"],
      [2, "面談後に3分だけお時間をいただく", 3, "2026-12-11"],
    ]);
    expect(r.versions[1].at).toEqual(editedAt);
    expect(versionChanges(r.versions[0], r.versions[1]).map((c) => [c.field, c.before, c.after])).toEqual([
      ["what", ask.what, "面談後に3分だけお時間をいただく"],
      ["dueOn", "2026-12-18", "2026-12-11"],
      ["effortMinutes", "5", "3"],
    ]);
    // The ask on the timeline keeps the words that were sent; a wrong person is corrected on it.
    expect((await personTimeline(ctx, person.id)).touchpoints).toEqual([]);
    expect((await personTimeline(ctx, other.id)).touchpoints.map((t) => t.summary)).toEqual([`依頼：${ask.what}`]);
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: person.id } })).lastContactAt).toBeNull();
  });

  it("a weekly agreement books its check-ins so the rhythm holds", async () => {
    const { ctx, person } = await setup();
    const now = new Date("2026-11-20T03:00:00Z");
    const { id } = await createRequest(ctx, createRequestSchema.parse({ ...ask, keyPersonId: person.id, frequency: "WEEKLY" }));
    await transitionRequest(ctx, { id, version: 1, to: "SENT" }, now);
    await transitionRequest(ctx, { id, version: 2, to: "ACCEPTED" }, now);
    const first = (await getRequest(ctx, id)).touchpoints.find((t) => t.followUpDueOn);
    expect(first?.followUpDueOn?.toISOString().slice(0, 10)).toBe("2026-11-27");
    // The check-in is booked on the ask itself, not on a touchpoint of its own.
    expect((await getRequest(ctx, id)).touchpoints.map((t) => t.type)).toEqual(["ASK"]);
    await createTouchpoint(
      ctx,
      createTouchpointSchema.parse({ type: "LISTENING", occurredOn: "2026-11-27", keyPersonIds: [person.id], clearsFollowUpId: first!.id }),
      new Date("2026-11-27T03:00:00Z"),
    );
    const dues = (await getRequest(ctx, id)).touchpoints
      .filter((t) => t.followUpDueOn && !t.followUpDoneAt)
      .map((t) => t.followUpDueOn!.toISOString().slice(0, 10));
    expect(dues).toEqual(["2026-12-04"]);
  });

  it("counts acceptance under each person's kind as it is now: after the kind is edited, and after a merge moves the request", async () => {
    const { ctx, team, person } = await setup();
    const now = new Date("2026-11-20T03:00:00Z");
    const hr = await db().keyPerson.create({ data: { teamId: team.id, kind: "HR", stance: "NEUTRAL", name: "人事 担当" } });
    const answered = async (keyPersonId: string, to: "ACCEPTED" | "DECLINED") => {
      const { id } = await createRequest(ctx, createRequestSchema.parse({ ...ask, keyPersonId }));
      await transitionRequest(ctx, { id, version: 1, to: "SENT" }, now);
      await transitionRequest(ctx, { id, version: 2, to }, now);
    };
    await answered(person.id, "ACCEPTED");
    await answered(hr.id, "DECLINED");
    const byKind = async () => (await acceptanceRates(ctx, 365, now)).byKind.map((r) => [r.key, r.decided, r.accepted]);
    expect(await byKind()).toEqual([
      ["HR", 1, 0],
      ["LINE_MANAGER", 1, 1],
    ]);
    // The line manager turns out to work in HR: both answers are HR's now.
    await db().keyPerson.update({ where: { id: person.id }, data: { kind: "HR" } });
    expect(await byKind()).toEqual([["HR", 2, 1]]);
    // Merged into a safety officer's record, the HR person's request counts under safety.
    const safety = await db().keyPerson.create({ data: { teamId: team.id, kind: "SAFETY", stance: "NEUTRAL", name: "安全 管理者" } });
    await mergePeople(ctx, { keptId: safety.id, keptVersion: 1, mergedId: hr.id, mergedVersion: 1 }, now);
    expect(await byKind()).toEqual([
      ["HR", 1, 1],
      ["SAFETY", 1, 0],
    ]);
  });

  it("takes back a mis-tapped answer: the status returns, the history keeps the correction, the rate and the check-in follow", async () => {
    const { ctx, person, mentor } = await setup();
    const now = new Date("2026-11-20T03:00:00Z");
    const { id } = await createRequest(ctx, createRequestSchema.parse({ ...ask, keyPersonId: person.id, frequency: "WEEKLY" }));
    const version = async () => (await getRequest(ctx, id)).version;
    await transitionRequest(ctx, { id, version: 1, to: "SENT" }, now);
    // Nothing to take back after sending (the ask is on the timeline; edit the request instead).
    await expect(undoRequestStatus(ctx, { id, version: await version() })).rejects.toMatchObject({ messageKey: "nothingToUndo" });
    await transitionRequest(ctx, { id, version: await version(), to: "ACCEPTED" }, now);
    expect((await acceptanceRates(ctx, 365, now)).byNurse[0]).toMatchObject({ decided: 1, accepted: 1 });
    // A stale page cannot take back what it did not see.
    await expect(undoRequestStatus(ctx, { id, version: 1 })).rejects.toMatchObject({ messageKey: "staleEdit" });
    await undoRequestStatus(ctx, { id, version: await version() }, new Date("2026-11-20T03:05:00Z"));
    const r = await getRequest(ctx, id);
    expect(r.status).toBe("SENT");
    expect(r.respondedAt).toBeNull();
    // The booked check-in of the weekly agreement goes with the acceptance.
    expect(r.touchpoints.filter((t) => t.followUpDueOn && !t.followUpDoneAt)).toEqual([]);
    expect(r.events.map((e) => [e.status, !!e.undoneAt])).toHaveLength(3);
    expect(r.events.map((e) => [e.status, !!e.undoneAt])).toEqual(
      expect.arrayContaining([
        ["DRAFT", false],
        ["SENT", false],
        ["ACCEPTED", true],
      ]),
    );
    expect((await acceptanceRates(ctx, 365, now)).byNurse).toEqual([]);
    // The right answer is then one tap away.
    await transitionRequest(ctx, { id, version: await version(), to: "DECLINED" }, now);
    expect((await getRequest(ctx, id)).status).toBe("DECLINED");
    expect((await acceptanceRates(ctx, 365, now)).byNurse[0]).toMatchObject({ decided: 1, accepted: 0 });
    // A colleague cannot take back another nurse's record.
    const other = await ctxFor(db(), mentor.user.id);
    await expect(undoRequestStatus(other, { id, version: await version() })).rejects.toMatchObject({ code: "forbidden" });
    // Another team's member does not find it at all.
    const stranger = await ctxFor(db(), (await createTeamWithRoles(db())).admin.user.id);
    await expect(undoRequestStatus(stranger, { id, version: await version() })).rejects.toMatchObject({ code: "notFound" });
    await expect(deleteDraft(stranger, id)).rejects.toMatchObject({ code: "notFound" });
  });

  it("deletes a draft, but not a sent request", async () => {
    const { ctx, person } = await setup();
    const draft = await createRequest(ctx, createRequestSchema.parse({ ...ask, keyPersonId: person.id }));
    const sent = await createRequest(ctx, createRequestSchema.parse({ ...ask, keyPersonId: person.id }));
    await transitionRequest(ctx, { id: sent.id, version: 1, to: "SENT" });
    await deleteDraft(ctx, draft.id);
    await expect(getRequest(ctx, draft.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(deleteDraft(ctx, sent.id)).rejects.toMatchObject({ messageKey: "requestLocked" });
  });

  it("computes acceptance rates by nurse, kind of key person, principle and fallback", async () => {
    const { ctx, person, nurse } = await setup();
    const run = async (to: ("SENT" | "ACCEPTED" | "DECLINED")[], extra: Record<string, unknown> = {}) => {
      const { id } = await createRequest(ctx, createRequestSchema.parse({ ...ask, keyPersonId: person.id, ...extra }));
      for (const [i, s] of to.entries()) await transitionRequest(ctx, { id, version: i + 1, to: s });
    };
    await run(["SENT", "ACCEPTED"], { principles: ["REASON"], fallbackWhat: "小さな代案" });
    await run(["SENT", "ACCEPTED"], { principles: ["REASON"] });
    await run(["SENT", "DECLINED"], { principles: ["AUTHORITY"] });
    // Two principles count under each; none counts under NONE; the same list twice adds up.
    await run(["SENT", "ACCEPTED"], { principles: ["REASON", "RECIPROCITY"] });
    await run(["SENT", "DECLINED"], { principles: ["REASON", "RECIPROCITY"] });
    await run(["SENT", "DECLINED"], { principles: [] });
    await run(["SENT"]);
    // A list never written (SQL leaves it NULL) counts everywhere but under a principle.
    await run(["SENT", "ACCEPTED"], { principles: ["CONTRAST"] });
    await db().$executeRaw`UPDATE "Request" SET principles = NULL WHERE "teamId" = ${ctx.teamId} AND principles = '{CONTRAST}'`;
    const rates = await acceptanceRates(ctx);
    expect(rates.byNurse).toEqual([{ key: nurse.user.id, label: "Nurse", decided: 7, accepted: 4, rate: 4 / 7 }]);
    expect(rates.byKind).toEqual([{ key: "LINE_MANAGER", decided: 7, accepted: 4, rate: 4 / 7 }]);
    expect(rates.byPrinciple).toEqual([
      { key: "AUTHORITY", decided: 1, accepted: 0, rate: 0 },
      { key: "NONE", decided: 1, accepted: 0, rate: 0 },
      { key: "REASON", decided: 4, accepted: 3, rate: 3 / 4 },
      { key: "RECIPROCITY", decided: 2, accepted: 1, rate: 1 / 2 },
    ]);
    expect(rates.byFallback).toEqual([
      { key: "with", decided: 1, accepted: 1, rate: 1 },
      { key: "without", decided: 6, accepted: 3, rate: 3 / 6 },
    ]);
  });

  it("composes polite Japanese messages and warns about what is missing", () => {
    // The catalog's plain {placeholder} texts, filled the way next-intl fills them.
    const t = (key: string, values: Record<string, string | number> = {}) => {
      const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], ja.requests.message);
      return String(text).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
    };
    const m = {
      personName: "製造 課長",
      nurseName: "伊藤",
      what: ask.what,
      doer: "製造 課長",
      due: "11月30日",
      effortMinutes: 5,
      frequency: "ONCE",
      benefit: ask.benefit,
      reason: ask.reason,
      nurseSupport: ask.nurseSupport,
      fallbackWhat: "メールでの共有",
      fallbackMinutes: 1,
    };
    // 何を written as a request is asked directly, not as 「…いただく」をお願い…; 誰が 製造課長 is how he is addressed.
    expect(lineMessage(t, m)).toBe(
      "製造課長、お疲れさまです。面談直後だと様子を具体的に共有できるので、Aさんのフォロー面談後に5分だけお時間をいただけないでしょうか（11月30日まで・5分ほど）。要点は私がメモにまとめます。ご検討いただけると助かります。",
    );
    const email = emailMessage(t, m);
    expect(email.startsWith("製造課長\n\nいつもお世話になっております。伊藤です。")).toBe(true);
    expect(email).toContain("・期限：11月30日");
    expect(email).toContain("・こちらで準備すること：要点は私がメモにまとめます");
    expect(email).toContain("・製造課長にとって：");
    // A 何を that is a thing, not a request, is wrapped; a person without a titled 誰が gets さん.
    const morimoto = { ...m, personName: "森本 ゆかり", doer: "", what: "朝礼での5分講話" };
    expect(lineMessage(t, morimoto)).toContain("森本 ゆかりさん、お疲れさまです。");
    expect(lineMessage(t, morimoto)).toContain("「朝礼での5分講話」をお願いできないでしょうか");
    expect(lineMessage(t, { ...morimoto, doer: "森本課長" })).toContain("森本課長、お疲れさまです。");
    expect(lineMessage(t, { ...morimoto, what: "資料に目を通してください" })).toContain("資料に目を通していただけないでしょうか");
    // The fallback is the smaller ask alone: the nurse's part of the first is not repeated.
    const fallback = fallbackMessage(t, m);
    expect(fallback).toContain("「メールでの共有」だけでもお願いできないでしょうか（1分ほど）。");
    expect(fallback).not.toContain("要点は私がメモにまとめます");
    expect(fallbackMessage(t, { ...m, fallbackWhat: "休憩室に掲示物を1枚貼らせていただく" })).toContain(
      "休憩室に掲示物を1枚貼らせていただくだけでも難しいでしょうか（1分ほど）。",
    );
    expect(missingEssentials({ dueOn: "", effortMinutes: null, reason: "x", benefit: "", doer: "" })).toEqual([
      "noDate",
      "noEffort",
      "noBenefit",
      "noDoer",
    ]);
  });
});
