// 保健師だより: a proposal from a pilot's run, figures only from k answers, frozen issues, names only of
// people who agreed, another team's newsletter not found, sharing by link, one A4 page, erasure.
import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import { addResult, createInitiative } from "@/lib/initiatives/initiatives";
import { createInitiativeSchema, resultSchema } from "@/lib/initiatives/schemas";
import { translatorFor } from "@/lib/i18n/translator";
import { redactMentions } from "@/lib/key-persons/mentions";
import { NEWSLETTER_LIMITS } from "@/lib/newsletters/constants";
import {
  createNewsletter,
  getNewsletter,
  getNewsletterIssue,
  issueNewsletter,
  setThanksConsent,
  updateNewsletter,
} from "@/lib/newsletters/newsletters";
import { newsletterPdf } from "@/lib/newsletters/pdf";
import { newsletterSchema } from "@/lib/newsletters/schemas";
import { newsletterText } from "@/lib/newsletters/text";
import { createShareLink, resolveShareLink, viewShareLink } from "@/lib/share/links";
import { shareLinkSchema } from "@/lib/reports/schemas";
import { submitAnswer } from "@/lib/surveys/answer";
import { createSurveySchema } from "@/lib/surveys/schemas";
import { createSurvey } from "@/lib/surveys/surveys";
import { setupTestDatabase } from "../support/db";
import { createDepartment, createPerson, createTeamWithRoles, ctxFor } from "../support/factories";
import { pdfText } from "../support/pdf";

const db = setupTestDatabase();
const NOW = new Date("2026-07-10T01:00:00Z");
const t = translatorFor("ja");

async function setup() {
  const team = await createTeamWithRoles(db());
  const ctx = await ctxFor(db(), team.nurse.user.id);
  const dept = await createDepartment(db(), team.team.id, "製造一課");
  const boss = await createPerson(db(), team.team.id, { name: "山田 太郎", departmentId: dept.id });
  const other = await createPerson(db(), team.team.id, { name: "佐藤花子" });
  const ini = await createInitiative(
    ctx,
    createInitiativeSchema.parse({
      title: "朝礼5分ミニ講話",
      kind: "MINI_TALK",
      ownerIds: [team.nurse.user.id],
      departmentIds: [dept.id],
      championIds: [boss.id],
    }),
  );
  const run = await addResult(
    ctx,
    resultSchema.parse({ initiativeId: ini.id, runOn: "2026-07-10", participants: "20", targetHeadcount: "25" }),
  );
  const survey = await createSurvey(
    ctx,
    createSurveySchema.parse({
      resultId: run.id,
      title: "ミニ講話アンケート",
      opensAt: "2026-07-10T00:00:00Z",
      closesAt: "2026-07-17T00:00:00Z",
      questions: [
        { kind: "SCALE", role: "SATISFACTION", text: "満足しましたか", options: [], required: true },
        { kind: "SINGLE", role: "USEFUL", text: "役に立ちそうですか", options: ["とても", "少し", "いいえ"], required: true },
        { kind: "MULTIPLE", role: "INTENT", text: "明日から試すこと", options: ["水分", "休憩"], required: false },
        { kind: "TEXT", role: "COMMENT", text: "ひとこと", options: [], required: false },
      ],
    }),
  );
  const answer = (i: number) =>
    submitAnswer(
      db(),
      survey.code,
      { q0: [String(3 + (i % 3))], q1: [String(i % 2)], q2: ["0"], q3: i === 0 ? ["短くて聞きやすかった"] : [] },
      {
        answered: false,
        address: null,
        now: NOW,
      },
    );
  return { ...team, ctx, boss, other, run, survey, answer };
}

const edit = (n: { id: string; version: number }, patch: Record<string, unknown> = {}) =>
  newsletterSchema.parse({
    id: n.id,
    version: n.version,
    title: "ミニ講話をやりました",
    lead: "7月10日、製造一課で朝礼5分のミニ講話を行いました。",
    goodExample: "課長が朝礼の時間を5分空けてくれた。",
    comment1: "短くて聞きやすかった",
    closing: "ご意見は保健室へ。",
    ...patch,
  });

describe("保健師だより", () => {
  it("starts from the run, prints figures only from k answers, and freezes what it issues", async () => {
    const { ctx, run, answer } = await setup();
    for (let i = 0; i < 4; i++) await answer(i);
    const { id, created } = await createNewsletter(ctx, run.id);
    expect(created).toBe(true);
    // Pressing again opens the same draft.
    expect(await createNewsletter(ctx, run.id)).toEqual({ id, created: false });
    let data = await getNewsletter(ctx, id);
    expect(data.newsletter.title).toContain("朝礼5分ミニ講話");
    expect(data.newsletter.lead).toContain("製造一課");
    expect(data.newsletter.lead).toContain("20人");
    // Nobody agreed to be thanked yet: the proposal names nobody.
    expect(data.newsletter).toMatchObject({ thanks: "", thanksKeyPersonId: null });
    // Four answers, k = 10 (the team's): no figure from the survey, and no free text to pick.
    expect(data.figures).toMatchObject({ k: 10, responses: null, satisfaction: null, charts: [], missing: "underK", participants: 20 });
    expect(data.texts).toEqual([]);

    for (let i = 4; i < 12; i++) await answer(i);
    data = await getNewsletter(ctx, id);
    expect(data.figures).toMatchObject({ responses: 12, rate: 0.6, missing: null });
    expect(data.figures.satisfaction?.n).toBe(12);
    expect(data.figures.charts.map((c) => c.question)).toEqual(["満足しましたか", "役に立ちそうですか", "明日から試すこと"]);
    // Single choices add up to 100; the free text is there to pick from (team only).
    expect(data.figures.charts[1]!.bars.reduce((a, b) => a + b.percent, 0)).toBe(100);
    expect(data.texts).toEqual(["短くて聞きやすかった"]);

    const saved = await updateNewsletter(ctx, edit(data.newsletter));
    // A second tab still on the old version is refused, not overwritten.
    await expect(updateNewsletter(ctx, edit(data.newsletter, { title: "古い版" }))).rejects.toMatchObject({ messageKey: "staleEdit" });
    await expect(issueNewsletter(ctx, { id, version: data.newsletter.version })).rejects.toMatchObject({ messageKey: "staleEdit" });
    const issue = await issueNewsletter(ctx, { id, version: saved.version });
    expect(issue.number).toBe(1);

    // Later edits and answers change the draft, never the issued number.
    await updateNewsletter(ctx, edit({ id, version: saved.version }, { title: "書き直した見出し" }));
    for (let i = 12; i < 15; i++) await answer(i);
    const frozen = await getNewsletterIssue(ctx, issue.id);
    expect(frozen).toMatchObject({ number: 1, title: "ミニ講話をやりました", comment1: "短くて聞きやすかった" });
    expect(frozen.figures.responses).toBe(12);
    expect(JSON.stringify(frozen.figures)).not.toMatch(/短くて|userId|keyPerson/);
    const text = newsletterText(frozen, t, "ja");
    expect(text).toContain("回答 12人（回答率 60%）");
    expect(text).toContain("「短くて聞きやすかった」");
  });

  it("names only people whose consent is recorded, however the name is written", async () => {
    const { ctx, run, boss, other, answer } = await setup();
    for (let i = 0; i < 10; i++) await answer(i);
    const { id } = await createNewsletter(ctx, run.id);
    const v1 = await updateNewsletter(
      ctx,
      edit({ id, version: 1 }, { thanksKeyPersonId: boss.id, thanks: "山田 太郎さん、ありがとうございました。" }),
    );
    await expect(issueNewsletter(ctx, { id, version: v1.version })).rejects.toMatchObject({ messageKey: "newsletters.noConsent" });
    await setThanksConsent(ctx, { keyPersonId: boss.id, consent: true }, NOW);
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: boss.id } })).thanksConsentOn?.toISOString().slice(0, 10)).toBe(
      "2026-07-10",
    );
    // Another person named in a sentence, with a space the stored name does not have: refused, by name.
    const v2 = await updateNewsletter(
      ctx,
      edit({ id, version: v1.version }, { thanksKeyPersonId: boss.id, thanks: "山田太郎さんと佐藤 花子さんに感謝します。" }),
    );
    await expect(issueNewsletter(ctx, { id, version: v2.version })).rejects.toMatchObject({
      messageKey: "newsletters.namedWithoutConsent",
      current: { names: [other.name] },
    });
    const v3 = await updateNewsletter(
      ctx,
      edit({ id, version: v2.version }, { thanksKeyPersonId: boss.id, thanks: "山田太郎さんに感謝します。" }),
    );
    expect((await issueNewsletter(ctx, { id, version: v3.version })).number).toBe(1);
    // Withdrawn consent: the next issue cannot name him.
    await setThanksConsent(ctx, { keyPersonId: boss.id, consent: false }, NOW);
    await expect(issueNewsletter(ctx, { id, version: v3.version })).rejects.toMatchObject({ messageKey: "newsletters.noConsent" });
    // Only a champion of this pilot can be picked to thank.
    await expect(updateNewsletter(ctx, edit({ id, version: v3.version }, { thanksKeyPersonId: other.id }))).rejects.toMatchObject({
      fieldErrors: { thanksKeyPersonId: ["invalidChoice"] },
    });
  });

  it("keeps another team's newsletter out of reach and shares an issue by link, PDF only", async () => {
    const { ctx, run, answer } = await setup();
    for (let i = 0; i < 10; i++) await answer(i);
    const { id } = await createNewsletter(ctx, run.id);
    const { version } = await updateNewsletter(ctx, edit({ id, version: 1 }));
    const issue = await issueNewsletter(ctx, { id, version });
    const stranger = await setup();
    // Each called only when awaited: a rejection nobody waits for yet would be an unhandled one.
    for (const attempt of [
      () => getNewsletter(stranger.ctx, id),
      () => getNewsletterIssue(stranger.ctx, issue.id),
      () => createNewsletter(stranger.ctx, run.id),
      () => updateNewsletter(stranger.ctx, edit({ id, version })),
      () => issueNewsletter(stranger.ctx, { id, version }),
      () => createShareLink(stranger.ctx, shareLinkSchema.parse({ newsletterIssueId: issue.id, label: "他チーム" })),
    ])
      await expect(attempt()).rejects.toMatchObject({ code: "notFound" });
    expect(shareLinkSchema.safeParse({ label: "どちらもない" }).success).toBe(false);

    const link = await createShareLink(
      ctx,
      shareLinkSchema.parse({ newsletterIssueId: issue.id, label: "社内報担当", allowDownload: true }),
    );
    const { state, link: found } = await resolveShareLink(db(), link.token);
    expect(state).toBe("ok");
    const view = await viewShareLink(db(), found!.id);
    expect(view.kind === "newsletter" && view.newsletter.title).toBe("ミニ講話をやりました");
    // The database holds a link to exactly one thing.
    await expect(db().$executeRaw`UPDATE "ShareLink" SET "newsletterIssueId" = NULL WHERE id = ${found!.id}`).rejects.toThrow();
  });

  it("fits one A4 page at every sentence's limit, and erasure reaches the issued copy", async () => {
    const { ctx, run, boss, answer } = await setup();
    for (let i = 0; i < 10; i++) await answer(i);
    await setThanksConsent(ctx, { keyPersonId: boss.id, consent: true }, NOW);
    const { id } = await createNewsletter(ctx, run.id);
    const long = (max: number) => "あ".repeat(max - 10) + "。ここまで書けます。";
    const L = NEWSLETTER_LIMITS;
    const { version } = await updateNewsletter(
      ctx,
      edit(
        { id, version: 1 },
        {
          title: "見".repeat(L.title),
          lead: long(L.lead),
          goodExample: long(L.goodExample),
          comment1: long(L.comment),
          comment2: long(L.comment),
          thanksKeyPersonId: boss.id,
          thanks: `山田太郎さん${long(L.thanks - 6)}`,
          closing: long(L.closing),
        },
      ),
    );
    const issue = await issueNewsletter(ctx, { id, version });
    const frozen = await getNewsletterIssue(ctx, issue.id);
    const pdf = await newsletterPdf(frozen, t, "ja");
    const { totalPages } = await extractText(new Uint8Array(pdf));
    expect(totalPages).toBe(1);
    // The widest figures a survey can give: three questions of eight options with long words each.
    const widest = [0, 1, 2].map(() => ({
      question: "質".repeat(200),
      n: 10,
      bars: Array.from({ length: 8 }, (_, i) => ({ label: `選択肢${i}`.repeat(10), percent: 12 })),
    }));
    const crowded = await newsletterPdf({ ...frozen, figures: { ...frozen.figures, charts: widest } }, t, "ja");
    if (process.env.NEWSLETTER_PDF_OUT) (await import("node:fs")).writeFileSync(process.env.NEWSLETTER_PDF_OUT, crowded);
    expect((await extractText(new Uint8Array(crowded))).totalPages).toBe(1);
    const text = await pdfText(pdf);
    expect(text).toContain("保健師だより");
    expect(text).toContain("満足しましたか");

    await db().$transaction((tx) => redactMentions(tx, ctx.teamId, boss));
    expect((await getNewsletterIssue(ctx, issue.id)).thanks).toContain("（消去済み）");
    expect((await getNewsletterIssue(ctx, issue.id)).thanks).not.toContain("山田");
  });
});
