// The public answer page is written as strings: everything a nurse or a respondent typed is escaped,
// and a refused answer comes back with what was typed and a message at the field.
import { describe, expect, it } from "vitest";
import { answerPageHtml } from "@/app/s/[code]/answer-page";
import { translatorFor } from "@/lib/i18n/translator";
import type { PublicSurvey } from "@/lib/surveys/answer";

const survey: PublicSurvey = {
  id: "s1",
  code: "HEAT349",
  title: `講話 <img src=x onerror="alert(1)">`,
  byCode: false,
  state: "open",
  opensAt: new Date(),
  closesAt: new Date(),
  questions: [
    { position: 0, kind: "SCALE", text: "満足度", options: [], required: true },
    { position: 1, kind: "SINGLE", text: "役立つ？", options: ["<b>はい</b>", "いいえ"], required: true },
    { position: 2, kind: "TEXT", text: "ひとこと", options: [], required: false },
  ],
};

describe("the answer page", () => {
  it("escapes the title, the options and what was typed", () => {
    const html = answerPageHtml({
      t: translatorFor("ja"),
      lang: "ja",
      nonce: "n0",
      survey,
      values: { q2: [`</textarea><script>alert(2)</script>`] },
      errors: { q0: "required" },
    });
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).toContain('<p class="err" id="q0-error">回答してください。</p>');
    expect(html).toContain('<fieldset id="q0" aria-describedby="q0-error">');
    expect(html).toContain('<script nonce="n0">');
    expect(html.length).toBeLessThan(30_000);
  });
  it("in English when the browser asks for it", () => {
    const html = answerPageHtml({ t: translatorFor("en"), lang: "en", nonce: "", survey });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Send my answers");
  });
});
