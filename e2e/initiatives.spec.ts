import { expect } from "@playwright/test";
import { checkA11y, PHONE, shot, signInAs, test } from "./fixtures";

test.describe("wide screen", () => {
  test.use({ viewport: { width: 1920, height: 1000 } });
  test("move a pilot to adopted with its results, by drag and by keyboard", async ({ page }) => {
    await signInAs(page, { role: "ADMIN" });
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
    // The before/after fields name the indicator they measure, with its unit.
    await page.getByLabel("復職後の再休職者数 実施前（人）").fill("2");
    await page.getByLabel("復職後の再休職者数 実施後（人）").fill("0");
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
  await signInAs(page);
  await page.goto("/initiatives/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("施策名").fill("健康だより 部署別版（試行）");
  // Target departments: search, add with the keyboard, and see each chosen one as a chip under the label.
  const departments = page.getByRole("group", { name: "対象部署" });
  const search = departments.getByRole("combobox", { name: "対象部署を検索" });
  await search.fill("出荷");
  await expect(departments.getByRole("option", { name: /^出荷課/ })).toBeVisible();
  await search.press("Enter");
  await search.fill("製造");
  await search.press("ArrowDown");
  await search.press("Enter");
  const chips = departments.getByRole("list", { name: "選択中" }).getByRole("listitem");
  await expect(chips).toHaveCount(2);
  await expect(chips.first()).toContainText("出荷課");
  const labelBox = await departments.getByText("対象部署", { exact: true }).boundingBox();
  const chipBox = await chips.first().boundingBox();
  expect(chipBox!.y).toBeGreaterThan(labelBox!.y);
  await shot(page, "initiative-form-departments");
  await chips.nth(1).getByRole("button").click();
  await expect(chips).toHaveCount(1);
  // An indicator needs its direction chosen: nothing is pre-ticked.
  await page.getByLabel("効果を見る指標（例：高リスク者の割合）").fill("配布部署の数");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("指標が良くなる向きを選んでください。")).toBeVisible();
  await page.getByRole("group", { name: "指標が良くなる向き" }).getByLabel("高いほど良い（例：提出率）").check();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { name: /健康だより 部署別版（試行）/ })).toBeVisible();
  await expect(page.getByText(/· 出荷課$/)).toBeVisible();
  // Evaluated and beyond are not offered before a result is recorded (they would only be refused).
  await expect(page.getByRole("combobox", { name: "ステージを変更" }).locator('option[value="EVALUATED"]')).toHaveCount(0);
  await expect(page.getByText("評価・採用・展開に進めるには、先に結果を記録してください")).toBeVisible();
  await page.getByRole("combobox", { name: "ステージを変更" }).selectOption("STOPPED");
  await page.getByRole("button", { name: "移動" }).click();
  await expect(page.getByText("中止の理由を入力してください。")).toBeVisible();
  await page.getByLabel("中止の理由").fill("人事の別施策と重複");
  await page.getByRole("button", { name: "移動" }).click();
  await expect(page.getByText("中止の理由：人事の別施策と重複")).toBeVisible();
});

test.describe("laptop width", () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test("every stage fits at 1280 px, and a card moves by its stage menu from the keyboard", async ({ page }) => {
    await signInAs(page, { role: "ADMIN" });
    await page.goto("/initiatives");
    const board = page.getByTestId("initiative-board");
    for (const name of ["アイデア", "提案中", "お試し中", "評価済み", "本採用", "展開中", "中止"]) {
      const box = await page.getByRole("region", { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(1280);
    }
    expect(await board.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await shot(page, "initiatives-board-1280");

    // The select + 移動 pair is gone from the cards: each has a stage menu for the keyboard.
    await expect(board.getByRole("combobox")).toHaveCount(0);
    const idea = page.getByRole("region", { name: "アイデア", exact: true });
    const card = idea.getByTestId("initiative-card").filter({ hasText: "夜勤者向け 食事のミニ講話" });
    await card.getByRole("link").focus();
    await page.keyboard.press("Tab");
    const menuButton = card.getByRole("button", { name: "「夜勤者向け 食事のミニ講話」のステージを変更" });
    await expect(menuButton).toBeFocused();
    await expect(menuButton).toHaveCSS("opacity", "1");
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu", { name: "ステージを変更" });
    await expect(menu.getByRole("menuitem", { name: "提案中" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: "お試し中" })).toBeFocused();
    await expect(menu.getByRole("menuitem", { name: "評価済み" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(menu).toHaveCount(0);
    await expect(menuButton).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("region", { name: "提案中", exact: true })).toContainText("夜勤者向け 食事のミニ講話");
    await expect(idea).not.toContainText("夜勤者向け 食事のミニ講話");
    // Focus follows the card to its new column.
    await expect(
      page
        .getByRole("region", { name: "提案中", exact: true })
        .getByRole("button", { name: "「夜勤者向け 食事のミニ講話」のステージを変更" }),
    ).toBeFocused();

    // Stopped is a collapsed column that opens on request.
    await page.getByRole("button", { name: /^中止（\d+件）を表示$/ }).click();
    await expect(page.getByRole("region", { name: "中止", exact: true })).toContainText("昼休みウォーキング企画");
    await shot(page, "initiatives-board-1280-stopped");
  });
});

test("the department picker: arrows wrap and keep the highlighted department in view, Escape closes before it clears", async ({ page }) => {
  await signInAs(page);
  await page.goto("/initiatives/new");
  await page.waitForLoadState("networkidle");
  const departments = page.getByRole("group", { name: "対象部署" });
  const search = departments.getByRole("combobox", { name: "対象部署を検索" });
  await search.focus();
  const list = departments.getByRole("listbox");
  await expect(list).toBeVisible();
  // Up from the first match wraps to the last one, which the list scrolls to.
  await search.press("ArrowUp");
  const last = list.getByRole("option").last();
  await expect(last).toHaveAttribute("aria-selected", "true");
  await expect(last).toBeInViewport();
  await search.press("ArrowDown");
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(list.getByRole("option").first()).toBeInViewport();
  await checkA11y(page);
  await page.setViewportSize(PHONE);
  await search.press("ArrowUp");
  await expect(last).toBeInViewport();
  await shot(page, "department-picker-phone");
  // Escape closes the list and keeps what was typed; a second Escape clears it.
  await search.fill("課");
  await expect(list).toBeVisible();
  await search.press("Escape");
  await expect(list).toBeHidden();
  await expect(search).toHaveValue("課");
  await search.press("ArrowDown");
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await search.press("Escape");
  await search.press("Escape");
  await expect(search).toHaveValue("");
});
