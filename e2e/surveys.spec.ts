// A pilot survey from a finished mini talk to its results: create it from the templates, print the
// poster, answer on a 375 px phone with JavaScript on and off, see nothing before five answers, close.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { expect, type Browser } from "@playwright/test";
import { checkA11y, PHONE, shot, signInAs, test } from "./fixtures";

const hasPdftoppm = (() => {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** One person on her own phone: a fresh browser context, so no cookie of anyone else's. */
async function answerOnPhone(browser: Browser, path: string, opts: { js: boolean; scale: string; comment?: string; check?: boolean }) {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: opts.js, locale: "ja-JP" });
  const page = await context.newPage();
  await page.goto(path);
  if (opts.check) {
    // axe runs in the page, so on a page with JavaScript: the form, then the form with its errors.
    await checkA11y(page);
    await shot(page, "survey-answer-phone");
    await page.getByRole("button", { name: "回答を送る" }).click();
    await expect(page.getByRole("alert")).toContainText("次の項目を確認してください。");
    await checkA11y(page);
    await shot(page, "survey-answer-errors-phone");
  }
  await page
    .getByRole("group", { name: /満足しましたか/ })
    .getByLabel(opts.scale, { exact: true })
    .check();
  await page
    .getByRole("group", { name: /役立ちそうですか/ })
    .getByLabel("とても役立つ")
    .check();
  if (opts.comment) await page.getByRole("textbox", { name: /感想やご意見/ }).fill(opts.comment);
  await page.getByRole("button", { name: "回答を送る" }).click();
  await expect(page.getByRole("status")).toHaveText("回答を受け付けました。ご協力ありがとうございました。");
  return { context, page };
}

test("a mini talk's survey: from the templates to five anonymous answers on phones and a closed survey", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, { role: "NURSE" });
  await page.goto("/initiatives/new");
  await page.getByLabel("施策名").fill("朝礼5分 熱中症ミニ講話");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { name: /朝礼5分 熱中症ミニ講話/ })).toBeVisible();
  await page.getByLabel("参加者数").fill("6");
  await page.getByLabel("対象人数").fill("10");
  await page.getByRole("button", { name: "結果を記録" }).click();
  await page.getByRole("link", { name: "アンケートを作る" }).click();

  // The templates, in the nurse's words; the last question moves up, then the survey is saved.
  await expect(page.getByRole("heading", { name: "アンケートを作る" })).toBeVisible();
  const questions = page.getByTestId("survey-question");
  await expect(questions).toHaveCount(4);
  await page.getByRole("button", { name: "質問4を上へ" }).click();
  await expect(page.getByRole("textbox", { name: "質問3の文" })).toHaveValue(/感想やご意見/);
  await page.getByRole("button", { name: "質問3を下へ" }).click();
  await shot(page, "survey-editor-desktop");
  await page.getByRole("button", { name: "アンケートを作成" }).click();
  await expect(page.getByRole("heading", { name: /朝礼5分 熱中症ミニ講話 アンケート/ })).toBeVisible();
  await expect(page.getByText("受付中", { exact: true })).toBeVisible();
  const link = await page.getByTestId("survey-link").inputValue();
  const path = new URL(link).pathname;
  expect(path).toMatch(/^\/s\/[3-9A-Y]{7}$/);
  await expect(page.getByText("回答が5件そろうまで")).toBeVisible();

  // The poster: a one-page A4 PDF, looked at as an image; the slide: a 1920×1080 PNG.
  const poster = await page.request.get(page.url().replace(/\/surveys\/([^/]+)$/, "/api/surveys/$1/poster"));
  expect(poster.headers()["content-type"]).toBe("application/pdf");
  const pdf = await poster.body();
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  mkdirSync("e2e/.screenshots", { recursive: true });
  writeFileSync("e2e/.screenshots/survey-poster.pdf", pdf);
  if (hasPdftoppm) {
    execFileSync("pdftoppm", ["-png", "-r", "50", "e2e/.screenshots/survey-poster.pdf", "e2e/.screenshots/survey-poster"]);
    expect(existsSync("e2e/.screenshots/survey-poster-1.png")).toBe(true);
  }
  const slide = await page.request.get(page.url().replace(/\/surveys\/([^/]+)$/, "/api/surveys/$1/slide"));
  const png = await slide.body();
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
  writeFileSync("e2e/.screenshots/survey-slide.png", png);

  // The public page: plain HTML, small, with no framework script.
  const bare = await request.get(path);
  const html = await bare.text();
  expect(html.length).toBeLessThan(30_000);
  expect(html).not.toContain("/_next/");

  // Phones: JavaScript on, then off (a missing answer keeps what was typed, then a plain POST goes through).
  const first = await answerOnPhone(browser, path, { js: true, scale: "5", comment: "水筒を持ち歩きます", check: true });
  await checkA11y(first.page);
  await shot(first.page, "survey-answered-phone");
  await first.page.goto(path);
  await expect(first.page.getByRole("status")).toHaveText("このブラウザからはすでに回答いただいています。ありがとうございました。");
  await first.context.close();

  const noJs = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: "ja-JP" });
  const phone = await noJs.newPage();
  await phone.goto(path);
  await phone.getByRole("textbox", { name: /感想やご意見/ }).fill("休憩の取り方を変えたい");
  await phone.getByRole("button", { name: "回答を送る" }).click();
  await expect(phone.getByRole("alert")).toContainText("次の項目を確認してください。");
  await expect(phone.getByText("回答してください。").first()).toBeVisible();
  await expect(phone.getByRole("textbox", { name: /感想やご意見/ })).toHaveValue("休憩の取り方を変えたい");
  await phone
    .getByRole("group", { name: /満足しましたか/ })
    .getByLabel("4", { exact: true })
    .check();
  await phone
    .getByRole("group", { name: /役立ちそうですか/ })
    .getByLabel("少し役立つ")
    .check();
  await phone.getByRole("button", { name: "回答を送る" }).click();
  await expect(phone.getByRole("status")).toHaveText("回答を受け付けました。ご協力ありがとうございました。");
  await noJs.close();

  for (const [js, scale] of [
    [false, "4"],
    [true, "3"],
  ] as const)
    await (await answerOnPhone(browser, path, { js, scale })).context.close();

  // Four answers: the team still sees only the count.
  await page.reload();
  await expect(page.getByTestId("survey-count")).toContainText("回答 4件");
  await expect(page.getByTestId("survey-result")).toHaveCount(0);
  await (await answerOnPhone(browser, path, { js: true, scale: "5" })).context.close();

  // Five: the distribution, the mean with its range, the comments (team only).
  await page.reload();
  await expect(page.getByTestId("survey-count")).toContainText("回答 5件 · 回答率 83%（参加者 6人）");
  await expect(page.getByTestId("survey-mean")).toContainText("平均 4.2");
  await expect(page.getByText("水筒を持ち歩きます")).toBeVisible();
  await shot(page, "survey-results-desktop");
  // The public page never shows results.
  const after = await (await request.get(path)).text();
  expect(after).not.toContain("平均");
  expect(after).not.toContain("水筒");

  // The run took its satisfaction from the answers.
  await page.getByRole("link", { name: /← 朝礼5分 熱中症ミニ講話/ }).click();
  await expect(page.getByTestId("initiative-results")).toContainText("アンケートから");
  await expect(page.getByTestId("initiative-results")).toContainText("4.2");
  await page.getByRole("link", { name: "アンケート（回答 5件）" }).click();

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "受付を終了" }).click();
  await expect(page.getByText("終了", { exact: true })).toBeVisible();
  const closed = await browser.newContext({ viewport: PHONE });
  const late = await closed.newPage();
  await late.goto(path);
  await expect(late.getByRole("alert")).toHaveText("このアンケートの受付は終了しました。");
  await closed.close();

  // Five answers are enough for the team, not for what leaves it: a 保健師だより of this run prints no
  // survey figure while fewer than the team's k (10) answered, and says so.
  await page.getByRole("link", { name: /← 朝礼5分 熱中症ミニ講話/ }).click();
  await page.getByRole("button", { name: "保健師だよりを作る" }).click();
  await expect(page).toHaveURL(/\/newsletters\/[^/]+$/);
  await expect(page.getByText("アンケートの回答が10人未満のため、数字は載りません")).toBeVisible();
  await expect(page.getByTestId("newsletter-preview")).not.toContainText("数字で見る");
  await expect(page.getByTestId("newsletter-preview")).toContainText("朝礼5分 熱中症ミニ講話");
});

test("a survey the team does not have is not found, and an unknown public code says so", async ({ page, request }) => {
  await signInAs(page);
  const res = await page.goto("/surveys/not-a-survey-of-ours");
  expect(res?.status()).toBe(404);
  const unknown = await request.get("/s/ZZZZZZZ");
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toContain("アンケートが見つかりません");
});
