// A 保健師だより from a finished pilot: consent recorded on a key person's page, the draft proposed from
// the run and its survey (no number typed), a participant's words picked and edited, issued after the
// nurse confirms she read it, the one-page PDF looked at, the text to paste, and a link a manager opens
// signed out.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { checkA11y, PHONE, shot, signInAs, test } from "./fixtures";

test("a key person's consent to be thanked is recorded on his page and can be withdrawn", async ({ page }) => {
  await signInAs(page, { role: "NURSE" });
  await page.goto("/key-persons/new");
  await page.getByRole("textbox", { name: "氏名", exact: true }).fill("謝辞 テスト課長");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^謝辞 テスト課長/ })).toBeVisible();
  const consent = page.getByTestId("thanks-consent");
  await expect(consent).toContainText("同意の記録はありません");
  await consent.getByRole("button", { name: "同意を記録" }).click();
  await expect(consent).toContainText("名前を出して感謝することに同意");
  page.once("dialog", (d) => d.accept());
  await consent.getByRole("button", { name: "同意を取り消す" }).click();
  await expect(consent).toContainText("同意の記録はありません");
});

test("from a finished pilot to a shared one-page 保健師だより without typing a number", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // Sharing is an admin's; issuing is any nurse's.
  await signInAs(page, { role: "ADMIN" });
  // The demo's finished pilot: its closed survey names it.
  await page.goto("/s/TEAM347");
  const surveyTitle = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const initiative = surveyTitle.replace(/ アンケート$/, "");
  await page.goto("/initiatives");
  await page.getByRole("link", { name: initiative }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(initiative.replace(/[()（）]/g, ".")) })).toBeVisible();
  const row = page.getByTestId("initiative-results").getByRole("row").filter({ hasText: "回答 18件" });
  // The demo holds its draft, proposed from the run (the button that makes one is in the survey's test).
  await row.getByRole("link", { name: "保健師だより" }).click();
  await expect(page).toHaveURL(/\/newsletters\/[^/]+$/);

  // The proposal: the survey's figures (k = 10 met by 18 answers) and the champion who agreed.
  await expect(page.getByRole("textbox", { name: "見出し" })).toHaveValue(/を実施しました/);
  const preview = page.getByTestId("newsletter-preview");
  await expect(preview).toContainText("回答 18人");
  await expect(preview).toContainText("満足度");
  await expect(preview).toContainText("ご協力への感謝");
  await shot(page, "newsletter-editor-desktop");

  // A participant's words, picked from the free text and edited before they go anywhere.
  await page.getByText("自由記述（チームだけが見られます）").click();
  await page.getByTestId("newsletter-texts").getByRole("listitem").first().getByRole("button", { name: "声 1 に使う" }).click();
  const voice = page.getByRole("textbox", { name: "参加者の声 1" });
  await expect(voice).not.toHaveValue("");
  await voice.fill("5分で終わるので、忙しい時期でも参加しやすかった。");
  await expect(page.getByText("保存していない変更があります。")).toBeVisible();
  await page.getByRole("button", { name: "下書きを保存" }).click();
  await expect(page.getByText("保存しました。")).toBeVisible();
  await expect(preview).toContainText("「5分で終わるので、忙しい時期でも参加しやすかった。」");

  // Issuing asks first whether every sentence was read.
  const issue = page.getByRole("button", { name: /号として発行/ });
  await issue.click();
  await expect(page.getByText("発行する前に、すべての文を読んだことを確認してください。")).toBeVisible();
  await page.getByLabel("すべての文を読み、社内に出してよい内容であることを確認しました").check();
  await issue.click();
  await expect(page.getByText(/第\d+号を発行しました。/)).toBeVisible();
  const issues = page.getByTestId("newsletter-issues");
  await expect(issues.getByRole("listitem").first()).toContainText("号");
  await checkA11y(page);

  // The PDF: one A4 page, looked at as an image.
  const href = await issues.getByRole("link", { name: "PDF" }).first().getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  mkdirSync("e2e/.screenshots", { recursive: true });
  writeFileSync("e2e/.screenshots/newsletter.pdf", bytes);
  try {
    execFileSync("pdftoppm", ["-png", "-r", "50", "e2e/.screenshots/newsletter.pdf", "e2e/.screenshots/newsletter"]);
  } catch {
    // pdftoppm is CI's (poppler-utils); the PDF itself is checked above.
  }
  // The text to paste into the company newsletter: the same figures and words.
  const text = await page.getByTestId("newsletter-text").inputValue();
  expect(text).toContain("回答 18人");
  expect(text).toContain("「5分で終わるので、忙しい時期でも参加しやすかった。」");

  // A link for the company newsletter's editor, opened signed out.
  await page.getByLabel("宛先のメモ").fill("社内報 編集担当");
  await page.getByLabel("PDF のダウンロードを許可する").check();
  await page.getByRole("button", { name: "共有リンクを作成" }).click();
  const link = await page.getByTestId("share-link").inputValue();
  const outsider = await browser.newContext({ locale: "ja-JP", viewport: PHONE });
  const reader = await outsider.newPage();
  await reader.goto(link);
  await expect(reader.getByTestId("newsletter")).toContainText("回答 18人");
  await expect(reader.getByTestId("newsletter")).toContainText("「5分で終わるので、忙しい時期でも参加しやすかった。」");
  // Nothing of the team's own: no free text that was not picked, no editor.
  await expect(reader.getByText("自由記述")).toHaveCount(0);
  await checkA11y(reader);
  await shot(reader, "newsletter-shared-phone");
  expect((await reader.request.get(`${link}/pdf`)).headers()["content-type"]).toBe("application/pdf");
  expect((await reader.request.get(`${link}/xlsx`)).status()).toBe(404);
  await outsider.close();

  await page.setViewportSize(PHONE);
  await shot(page, "newsletter-editor-phone");
});
