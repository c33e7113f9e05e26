// Pilot surveys: one answer per browser or per card code, closing, the minimum of k before any result,
// no identifying column, another team's survey not found, and the run's satisfaction from the answers.
import { describe, expect, it } from "vitest";
import { addResult, createInitiative } from "@/lib/initiatives/initiatives";
import { createInitiativeSchema, resultSchema } from "@/lib/initiatives/schemas";
import { answeredCookieValue, hasAnswered, publicSurvey, submitAnswer, type FormValues } from "@/lib/surveys/answer";
import { surveyResults, meanInterval } from "@/lib/surveys/results";
import { createSurveySchema } from "@/lib/surveys/schemas";
import { closeSurvey, createSurvey, getSurvey, issueCodes, updateSurvey } from "@/lib/surveys/surveys";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";
import { findMentions, redactMentions } from "@/lib/key-persons/mentions";

const db = setupTestDatabase();
const NOW = new Date("2026-07-10T01:00:00Z");

const QUESTIONS = [
  { kind: "SCALE", role: "SATISFACTION", text: "今日の話は役に立ちましたか", options: [], required: true },
  { kind: "SINGLE", role: "USEFUL", text: "職場で使えそうですか", options: ["使える", "少し", "使えない"], required: true },
  { kind: "MULTIPLE", role: "INTENT", text: "明日から試すこと", options: ["水分", "休憩", "声かけ"], required: false },
  { kind: "TEXT", role: "COMMENT", text: "ひとこと", options: [], required: false },
];

async function setup(access: "BROWSER" | "CODES" = "BROWSER", participants = 20) {
  const t = await createTeamWithRoles(db());
  const ctx = await ctxFor(db(), t.nurse.user.id);
  const ini = await createInitiative(
    ctx,
    createInitiativeSchema.parse({ title: "朝礼5分ミニ講話", kind: "MINI_TALK", ownerIds: [t.nurse.user.id] }),
  );
  const run = await addResult(
    ctx,
    resultSchema.parse({ initiativeId: ini.id, runOn: "2026-07-10", participants: String(participants), targetHeadcount: "40" }),
  );
  const survey = await createSurvey(
    ctx,
    createSurveySchema.parse({
      resultId: run.id,
      title: "ミニ講話アンケート",
      access,
      opensAt: "2026-07-10T00:00:00Z",
      closesAt: "2026-07-17T00:00:00Z",
      questions: QUESTIONS,
    }),
  );
  return { ...t, ctx, run, survey };
}

const answer = (scale: number, extra: FormValues = {}): FormValues => ({ q0: [String(scale)], q1: ["0"], q2: ["0", "2"], ...extra });

describe("pilot surveys", () => {
  it("take an answer, refuse a second from the same browser, and keep nothing that identifies anyone", async () => {
    const { survey } = await setup();
    expect(
      await submitAnswer(db(), survey.code, answer(4, { q3: ["とても分かりやすかった"] }), {
        answered: false,
        address: "203.0.113.5",
        now: NOW,
      }),
    ).toEqual({
      ok: true,
      beyondParticipants: false,
    });
    // The browser now holds the signed cookie; with it, the same survey refuses.
    const cookie = answeredCookieValue(survey.id);
    expect(hasAnswered(survey.id, cookie)).toBe(true);
    expect(hasAnswered(survey.id, cookie.slice(1) + "x")).toBe(false);
    expect(await submitAnswer(db(), survey.code, answer(5), { answered: true, address: null, now: NOW })).toEqual({
      ok: false,
      reason: "answered",
    });
    // The raw tables: no user, address, device or time of day beside an answer.
    const columns = await db().$queryRaw<{ table_name: string; column_name: string; data_type: string }[]>`
      SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns
      WHERE table_name IN ('SurveyResponse', 'SurveyAnswer', 'SurveyCode') ORDER BY table_name, column_name`;
    const names = columns.map((c) => c.column_name.toLowerCase());
    for (const forbidden of ["userid", "ip", "address", "useragent", "createdat", "sessionid", "responseid@code"])
      expect(names.filter((n) => n === forbidden)).toEqual([]);
    expect(columns.filter((c) => c.data_type.startsWith("timestamp"))).toEqual([]);
    expect(columns.find((c) => c.table_name === "SurveyCode" && c.column_name === "responseId")).toBeUndefined();
    const [row] = await db().surveyResponse.findMany({ where: { surveyId: survey.id } });
    expect(row.answeredOn.toISOString()).toBe("2026-07-10T00:00:00.000Z");
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("explain a missing required answer, an invalid choice and an over-long text per question", async () => {
    const { survey } = await setup();
    const out = await submitAnswer(db(), survey.code, { q1: ["7"], q3: ["あ".repeat(301)] }, { answered: false, address: null, now: NOW });
    expect(out).toEqual({ ok: false, reason: "invalid", fieldErrors: { q0: "required", q1: "invalid", q3: "tooLong" } });
    expect(await db().surveyResponse.count({ where: { surveyId: survey.id } })).toBe(0);
  });

  it("are closed by their time or by the nurse, and an unknown code names no survey", async () => {
    const { ctx, survey } = await setup();
    expect(
      await submitAnswer(db(), survey.code, answer(3), { answered: false, address: null, now: new Date("2026-07-09T00:00:00Z") }),
    ).toEqual({
      ok: false,
      reason: "notOpen",
    });
    expect(
      await submitAnswer(db(), survey.code, answer(3), { answered: false, address: null, now: new Date("2026-07-18T00:00:00Z") }),
    ).toEqual({
      ok: false,
      reason: "closed",
    });
    await closeSurvey(ctx, survey.id, NOW);
    expect(await submitAnswer(db(), survey.code, answer(3), { answered: false, address: null, now: NOW })).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(await publicSurvey(db(), "ZZZZZZZ")).toBeNull();
    expect(await submitAnswer(db(), "ZZZZZZZ", answer(3), { answered: false, address: null, now: NOW })).toEqual({
      ok: false,
      reason: "unknown",
    });
  });

  it("by card code: each code once, a replayed code refused, a code of another survey unknown", async () => {
    const { ctx, survey } = await setup("CODES");
    const other = await setup("CODES");
    const [first, second] = await issueCodes(ctx, { id: survey.id, count: 2 });
    const [foreign] = await issueCodes(other.ctx, { id: other.survey.id, count: 1 });
    const by = (code: string) => submitAnswer(db(), survey.code, answer(4, { code: [code] }), { answered: false, address: null, now: NOW });
    expect(await by(`${first.slice(0, 4)}-${first.slice(4).toLowerCase()}`)).toEqual({ ok: true, beyondParticipants: false });
    expect(await by(first)).toEqual({ ok: false, reason: "invalid", fieldErrors: { code: "codeUsed" } });
    expect(await by(foreign)).toEqual({ ok: false, reason: "invalid", fieldErrors: { code: "codeNotValid" } });
    expect(await by("")).toEqual({ ok: false, reason: "invalid", fieldErrors: { code: "required" } });
    // A browser that answered by code may answer again with another card (a shared tablet).
    expect(await submitAnswer(db(), survey.code, answer(2, { code: [second] }), { answered: true, address: null, now: NOW })).toMatchObject(
      { ok: true },
    );
    const s = await getSurvey(ctx, survey.id);
    expect([s._count.codes, s.usedCodes, s._count.responses]).toEqual([2, 2, 2]);
  });

  it("show nothing before k answered, then counts, the mean with its interval, and the text; the run takes its satisfaction", async () => {
    const { ctx, survey, run } = await setup("BROWSER", 5);
    const scales = [5, 4, 4, 3, 5, 2];
    for (const [i, s] of scales.slice(0, 4).entries())
      await submitAnswer(db(), survey.code, answer(s, i === 0 ? { q3: ["水分をとります"] } : {}), {
        answered: false,
        address: null,
        now: NOW,
      });
    const early = await surveyResults(ctx, survey.id);
    expect(early).toMatchObject({ shown: false, responses: 4, k: 5, questions: [] });
    for (const s of scales.slice(4)) await submitAnswer(db(), survey.code, answer(s), { answered: false, address: null, now: NOW });
    const res = await surveyResults(ctx, survey.id);
    expect(res.shown).toBe(true);
    expect(res.responses).toBe(6);
    expect(res.rate).toBeCloseTo(6 / 5);
    if (!res.shown) throw new Error("not shown");
    expect(res.beyond).toBe(1);
    const [sat, useful, intent, comment] = res.questions;
    expect(sat.counts.map((c) => c.count)).toEqual([0, 1, 1, 2, 2]);
    expect(sat.mean).toBeCloseTo(23 / 6);
    expect(sat.interval![0]).toBeLessThan(sat.mean!);
    expect(useful.counts).toEqual([
      { label: "使える", count: 6 },
      { label: "少し", count: 0 },
      { label: "使えない", count: 0 },
    ]);
    expect(intent.counts.map((c) => c.count)).toEqual([6, 0, 6]);
    expect(comment.texts).toEqual(["水分をとります"]);
    const synced = await db().initiativeResult.findUniqueOrThrow({ where: { id: run.id } });
    expect([synced.satisfactionResponses, synced.satisfactionMean]).toEqual([6, expect.closeTo(23 / 6, 5)]);
  });

  it("can be corrected until the first answer, and not after", async () => {
    const { ctx, survey } = await setup();
    const s = await getSurvey(ctx, survey.id);
    const fields = {
      title: "改題",
      access: "BROWSER" as const,
      opensAt: "2026-07-10T00:00:00Z",
      closesAt: "2026-07-17T00:00:00Z",
      questions: createSurveySchema.parse({
        resultId: "x",
        title: "x",
        opensAt: "2026-07-10T00:00:00Z",
        closesAt: "2026-07-17T00:00:00Z",
        questions: QUESTIONS.slice(0, 2),
      }).questions,
    };
    await updateSurvey(ctx, { ...fields, id: survey.id, version: s.version });
    await expect(updateSurvey(ctx, { ...fields, id: survey.id, version: s.version })).rejects.toMatchObject({ messageKey: "staleEdit" });
    await submitAnswer(db(), survey.code, { q0: ["4"], q1: ["1"] }, { answered: false, address: null, now: NOW });
    await expect(updateSurvey(ctx, { ...fields, id: survey.id, version: s.version + 1 })).rejects.toMatchObject({
      messageKey: "surveys.answered",
    });
  });

  it("keep no name a comment wrote once he is erased: his mention is found and redacted", async () => {
    const { ctx, survey } = await setup();
    const { id } = await createPerson(db(), ctx.teamId, { name: "山田 太郎" });
    const boss = await db().keyPerson.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, nameKana: true } });
    await submitAnswer(db(), survey.code, answer(4, { q3: ["山田課長の山田太郎さんが時間をくれた。"] }), {
      answered: false,
      address: null,
      now: NOW,
    });
    const found = await findMentions(db(), ctx.teamId, boss);
    expect(found.map((m) => [m.table, m.column, m.at.toISOString().slice(0, 10)])).toEqual([["SurveyAnswer", "text", "2026-07-10"]]);
    await db().$transaction((tx) => redactMentions(tx, ctx.teamId, boss));
    const [a] = await db().surveyAnswer.findMany({ where: { teamId: ctx.teamId, text: { not: null } } });
    expect(a.text).not.toContain("山田太郎");
  });

  it("of another team are not found by members", async () => {
    const { survey } = await setup();
    const other = await setup();
    await expect(getSurvey(other.ctx, survey.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(surveyResults(other.ctx, survey.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(closeSurvey(other.ctx, survey.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(issueCodes(other.ctx, { id: survey.id, count: 1 })).rejects.toMatchObject({ code: "notFound" });
  });

  it("compute a mean's interval with the t distribution, kept within 1–5", () => {
    expect(meanInterval([])).toEqual({ mean: null, interval: null });
    expect(meanInterval([{ point: 5, count: 1 }])).toEqual({ mean: 5, interval: null });
    const { mean, interval } = meanInterval([
      { point: 4, count: 3 },
      { point: 5, count: 3 },
    ]);
    expect(mean).toBe(4.5);
    expect(interval![1]).toBe(5);
    expect(interval![0]).toBeCloseTo(4.5 - 2.57 * Math.sqrt(0.3 / 6), 5);
  });
});
