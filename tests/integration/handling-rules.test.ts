import { describe, expect, it } from "vitest";
import { handlingRules, rulesMarkdown } from "@/lib/rules/handling-rules";
import { renderRulesPdf } from "@/lib/rules/handling-rules-pdf";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles, ctxFor } from "../support/factories";
import { pdfText } from "../support/pdf";

const db = setupTestDatabase();
const now = new Date("2026-11-30T01:00:00Z");

describe("handling rules draft (取扱規程案)", () => {
  it("is written from the team's actual settings, and the PDF and Markdown say the same", async () => {
    const t = await createTeamWithRoles(db());
    await db().team.update({
      where: { id: t.team.id },
      data: {
        retainCaseYears: 7,
        retainPersonYears: 4,
        retainAuditYears: 6,
        minGroupSize: 5,
        minGroupDecidedOn: new Date("2026-10-15"),
        minGroupMinuteRef: "第12回議事録",
        requireTwoFactor: true,
        caseNamesOn: false,
      },
    });
    await db().auditReview.create({ data: { teamId: t.team.id, month: "2026-10", reviewedById: t.admin.user.id, figures: {} } });
    const doc = await handlingRules(await ctxFor(db(), t.admin.user.id), now);
    const all = [doc.preamble, ...doc.articles.flatMap((a) => [a.heading, ...a.paragraphs, ...a.items])].join("\n");
    expect(all).toContain(t.team.name);
    expect(all).toContain("終了等の日から7年");
    expect(all).toContain("：4年");
    expect(all).toContain("監査ログ：6年");
    expect(all).toContain("最小集計人数 5人。2026年10月15日の衛生委員会の決定による。議事録：第12回議事録");
    expect(all).toContain("二要素認証でサインインする");
    expect(all).toContain("直近の点検：2026年10月");
    expect(all).toContain("（氏名は記録しない）");
    // Who may read what comes from the permission table itself.
    const nurse = doc.articles[2].items.find((i) => i.startsWith("保健師"))!;
    expect(nurse).toContain("担当するケースの閲覧");
    expect(nurse).not.toContain("すべてのケースの閲覧");
    expect(doc.articles[2].items.find((i) => i.startsWith("管理者"))).toContain("すべてのケースの閲覧");
    expect(doc.members.map((m) => m.name)).toContain(t.nurse.user.name);

    const md = rulesMarkdown(doc);
    expect(md).toMatch(/^# 健康情報等の取扱規程（案）/);
    expect(md).toContain("## 第8条（保存期間）");
    expect(md).toContain(`| ${t.nurse.user.name} | 保健師 |`);
    // The committee reads what we keep about managers in the words they would read themselves.
    expect(md).toContain("私たちとの連携の状況とその経緯");
    expect(md).not.toContain("協力度");

    const pdf = (await pdfText(await renderRulesPdf(doc))).replace(/\s+/g, "");
    expect(pdf).toContain("健康情報等の取扱規程（案）");
    expect(pdf).toContain("第8条（保存期間）");
    expect(pdf).toContain("終了等の日から7年");
    expect(pdf).toContain("第12回議事録");
  });

  it("falls back to the default group size wording without a committee decision", async () => {
    const t = await createTeamWithRoles(db());
    const doc = await handlingRules(await ctxFor(db(), t.admin.user.id), now);
    expect(doc.articles[4].paragraphs.join("")).toContain("最小集計人数 10人）");
    expect(doc.articles[5].items.join("")).toContain("二要素認証は任意とする");
  });
});
