import { expect } from "@playwright/test";
import { login, shot, test } from "./fixtures";

test.describe("wide screen", () => {
test.use({ viewport: { width: 1920, height: 1000 } });
test("move a pilot to adopted with its results, by drag and by keyboard", async ({ page }) => {
  await login(page, "lead@demo.example");
  await page.goto("/initiatives");
  const adopted = page.getByRole("region", { name: "本採用" });
  const card = page.getByTestId("initiative-card").filter({ hasText: "腰痛予防ストレッチ" });
  await expect(page.getByRole("region", { name: "お試し中" })).toContainText("腰痛予防ストレッチ");
  await shot(page, "initiatives-board-desktop");
  // HTML5 drag and drop, dispatched on the card and the column as the browser would.
  const dt = await page.evaluateHandle(() => new DataTransfer());
  await card.dispatchEvent("dragstart", { dataTransfer: dt });
  await adopted.dispatchEvent("dragover", { dataTransfer: dt });
  await adopted.dispatchEvent("drop", { dataTransfer: dt });
  await expect(adopted).toContainText("腰痛予防ストレッチ");

  await page.getByRole("link", { name: "復職後3か月の週次チェックイン" }).click();
  await page.getByLabel("参加者数").fill("4");
  await page.getByLabel("対象人数").fill("5");
  await page.getByLabel("満足度（1〜5の平均）").fill("4.5");
  await page.getByLabel("回答数").fill("4");
  await page.getByLabel("コメント").fill("上司との週次確認で再休職ゼロ");
  await page.getByRole("button", { name: "結果を記録" }).click();
  await expect(page.getByTestId("initiative-results")).toContainText("上司との週次確認で再休職ゼロ");
  await page.getByRole("combobox", { name: "ステージを変更" }).selectOption("ADOPTED");
  await page.getByRole("button", { name: "移動" }).click();
  await expect(page.getByTestId("stage-history")).toContainText("お試し中 → 本採用");
  await shot(page, "initiative-detail-desktop");
});
});

test("stopping needs a reason, and an idea cannot be evaluated without results", async ({ page }) => {
  await login(page, "mentor@demo.example");
  await page.goto("/initiatives/new");
  await page.getByLabel("施策名").fill("健康だより 部署別版（試行）");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { name: /健康だより 部署別版（試行）/ })).toBeVisible();
  await page.getByRole("combobox", { name: "ステージを変更" }).selectOption("EVALUATED");
  await page.getByRole("button", { name: "移動" }).click();
  await expect(page.getByText("評価・本採用・展開には実施結果が必要です。")).toBeVisible();
  await page.getByRole("combobox", { name: "ステージを変更" }).selectOption("STOPPED");
  await page.getByRole("button", { name: "移動" }).click();
  await expect(page.getByText("中止の理由を入力してください。")).toBeVisible();
  await page.getByLabel("中止の理由").fill("人事の別施策と重複");
  await page.getByRole("button", { name: "移動" }).click();
  await expect(page.getByText("中止の理由：人事の別施策と重複")).toBeVisible();
});
