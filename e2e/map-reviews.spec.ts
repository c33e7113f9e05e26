import { expect, type Page } from "@playwright/test";
import { checkA11y, login, PHONE, shot, signOut, test } from "./fixtures";

const MENTEE = "伊藤 さくら";

async function startReview(page: Page) {
  await page.goto("/reviews");
  await page.waitForLoadState("networkidle");
  await page.getByRole("combobox", { name: "メンティー" }).selectOption({ label: MENTEE });
  await page.getByRole("button", { name: "レビューを始める" }).click();
  await page.waitForURL(/\/reviews\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test("the mentor opens the junior's map, pins a comment and sets an action; the junior completes it; the next review shows it done and the stance move", async ({
  page,
}) => {
  // The mentor looks at the junior's map.
  await login(page, "mentor@demo.example");
  await page.goto("/map");
  await page.waitForLoadState("networkidle");
  await page.getByRole("combobox", { name: "表示範囲" }).selectOption("mentee");
  await page.getByRole("combobox", { name: "メンティー" }).selectOption({ label: MENTEE });
  await page.getByRole("button", { name: "表示", exact: true }).click();
  await page.waitForURL(/scope=mentee/);
  await expect(page.locator(".react-flow__node-person").first()).toBeVisible();
  await expect(page.locator(".react-flow__node-nurse")).toContainText(MENTEE);
  await expect(page.getByTestId("gaps")).toBeVisible();
  await checkA11y(page);
  await shot(page, "map-mentee-desktop");
  const png = page.waitForEvent("download");
  await page.getByRole("button", { name: "PNGで保存" }).click();
  expect((await png).suggestedFilename()).toMatch(/^relationship-map-.*\.png$/);
  // The first view keeps card text readable: the canvas is not zoomed out below 0.8.
  const scale = await page.locator(".react-flow__viewport").evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  expect(scale).toBeGreaterThanOrEqual(0.79);
  // The grid and the list show the same people.
  const people = await page.locator(".react-flow__node-person").count();
  await page.getByRole("button", { name: "一覧" }).click();
  await expect(page.locator("table tbody tr")).toHaveCount(people);
  await page.getByRole("button", { name: "影響力×関心度" }).click();
  await expect(page.getByRole("heading", { name: "影響力 × 関心度" })).toBeVisible();
  // All five interest columns fit the box: nothing clipped.
  const gridBox = page.getByRole("region", { name: "影響力 × 関心度" });
  expect(await gridBox.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  await checkA11y(page);
  await shot(page, "map-grid-desktop");

  // A review: pin a comment to 佐々木 誠 and set an action about him.
  await startReview(page);
  await expect(page.getByTestId("since")).toContainText("前回のレビュー");
  await checkA11y(page);
  await page.getByTestId("pin-select").selectOption({ label: "人：佐々木 誠" });
  await page.getByRole("textbox", { name: "コメントを書く" }).fill("まず配送管理課の困りごとを聴いてから依頼しましょう。");
  await page.getByRole("button", { name: "投稿" }).click();
  await expect(page.getByTestId("thread").filter({ hasText: "まず配送管理課の困りごと" })).toContainText("人：佐々木 誠");
  await expect(page.locator(".react-flow__node-person", { hasText: "佐々木 誠" })).toContainText("1");
  await page.getByRole("textbox", { name: "内容" }).fill("佐々木さんに繁忙期の状況を聞く");
  await page.getByLabel("期限").fill("2030-01-31");
  await page.getByRole("combobox", { name: "関係する人（接点を記録すると完了）" }).selectOption({ label: "佐々木 誠" });
  await page.getByRole("button", { name: "追加", exact: true }).click();
  await expect(page.getByTestId("review-actions")).toContainText("佐々木さんに繁忙期の状況を聞く");
  await shot(page, "review-desktop");
  await signOut(page);

  // The junior sees it on her home page (and the bell), ticks it off, and moves 佐々木 up a step.
  await login(page, "junior@demo.example");
  await expect(page.getByRole("link", { name: /通知（未読 [0-9]+ 件）/ }).first()).toBeVisible();
  const actions = page.getByTestId("home-actions");
  await expect(actions).toContainText("佐々木さんに繁忙期の状況を聞く");
  await actions.getByRole("listitem").filter({ hasText: "佐々木さんに繁忙期の状況を聞く" }).getByRole("button", { name: "完了" }).click();
  await expect(page.getByRole("status").filter({ hasText: "完了にしました" })).toBeVisible();
  await expect(actions).not.toContainText("佐々木さんに繁忙期の状況を聞く");
  await page.goto("/map");
  await page.waitForLoadState("networkidle");
  await page.locator(".react-flow__node-person", { hasText: "佐々木 誠" }).click();
  await page.getByTestId("detail-panel").getByRole("link", { name: "詳細ページ" }).click();
  await page.waitForURL(/\/key-persons\/[^/]+$/);
  await page.goto(`${new URL(page.url()).pathname}/edit`);
  await page.waitForLoadState("networkidle");
  await page.getByRole("combobox", { name: "協力度" }).selectOption("COOPERATIVE");
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/key-persons\/[^/]+$/);
  await page.goto("/notifications");
  await expect(page.getByTestId("notifications")).toContainText("アクションを追加しました");
  await checkA11y(page);
  await signOut(page);

  // The mentor's next review shows the action done and the stance move in between.
  await login(page, "mentor@demo.example");
  await startReview(page);
  const since = page.getByTestId("since");
  await expect(since).toContainText("佐々木さんに繁忙期の状況を聞く");
  await expect(since.getByRole("heading", { name: "完了したアクション" })).toBeVisible();
  await expect(since).toContainText("佐々木 誠：中立 → 協力的");
  await shot(page, "review-since-desktop");
});

test("a nurse gives an unplaced person a boss from the map, found by name; the search is drawn only for the row being set", async ({
  page,
}) => {
  await login(page, "lead@demo.example");
  await page.goto("/map");
  await page.waitForLoadState("networkidle");
  const unplaced = page.getByTestId("unplaced");
  const rows = unplaced.getByRole("listitem").filter({ has: page.getByRole("button", { name: "上司を選ぶ" }) });
  expect(await rows.count()).toBeGreaterThan(1);
  // No row draws the search until it is opened.
  await expect(unplaced.getByRole("searchbox")).toHaveCount(0);
  const row = rows.first();
  const name = (await row.getByRole("button").first().textContent())!.trim();
  await row.getByRole("button", { name: "上司を選ぶ" }).click();
  const group = unplaced.getByRole("group", { name: `${name}さんの上司` });
  const search = group.getByRole("searchbox", { name: "氏名で検索" });
  await expect(search).toBeFocused();
  await expect(unplaced.getByRole("searchbox")).toHaveCount(1);
  await expect(unplaced.getByRole("button", { name: "登録", exact: true })).toBeDisabled();
  // Cancel closes it; opened again, a boss is found by name, set, and the person leaves the list.
  await page.getByRole("button", { name: "キャンセル" }).click();
  await expect(unplaced.getByRole("searchbox")).toHaveCount(0);
  await row.getByRole("button", { name: "上司を選ぶ" }).click();
  // The person himself is never offered as his own boss.
  await search.fill(name);
  await expect(group.getByText("該当するキーパーソンがいません。")).toBeVisible();
  await search.fill("部長");
  const first = group.getByRole("listitem").first().getByRole("button");
  const boss = (await first.locator("span").first().textContent())!.trim();
  await checkA11y(page);
  await shot(page, "map-unplaced-desktop");
  await first.click();
  await expect(group).toContainText(boss);
  await page.getByRole("button", { name: "登録", exact: true }).click();
  await expect(unplaced.getByRole("button", { name, exact: true })).toHaveCount(0);

  // His page names the boss; the boss is taken off again there, so the demo team is as it was.
  await page.goto(`/key-persons?q=${encodeURIComponent(name)}`);
  await page.getByRole("list", { name: "キーパーソン" }).getByRole("link", { name }).first().click();
  await page.waitForURL(/\/key-persons\/[^/]+$/);
  await expect(page.getByRole("main")).toContainText(boss);
  await page.goto(`${new URL(page.url()).pathname}/edit`);
  await page.waitForLoadState("networkidle");
  await page.getByRole("group", { name: "上司（上司の上司へつながる）" }).getByRole("button", { name: "外す" }).click();
  await page.getByRole("button", { name: "保存" }).click();
  await page.waitForURL(/\/key-persons\/[^/]+$/);
  await page.goto("/map");
  await expect(page.getByTestId("unplaced").getByRole("button", { name, exact: true })).toBeVisible();
});

test("another nurse gets 404 for a review; the mentee reads hers but cannot start or pin", async ({ page }) => {
  await login(page, "junior@demo.example");
  await page.goto("/reviews");
  await page.getByRole("link", { name: "11月のふりかえり", exact: true }).click();
  await page.waitForURL(/\/reviews\/[^/]+$/);
  const path = new URL(page.url()).pathname;
  await expect(page.getByRole("button", { name: "レビューを始める" })).toHaveCount(0);
  await expect(page.getByTestId("pin-select")).toHaveCount(0);
  await signOut(page);
  await login(page, "nurse@demo.example");
  expect((await page.goto(path))?.status()).toBe(404);
});

test.describe("phone width", () => {
  test.use({ viewport: PHONE });
  test("the mentor's list names gives and asks in each cell, not only in the heading", async ({ page }) => {
    await login(page, "mentor@demo.example");
    await page.goto("/reviews");
    const row = page.getByRole("row", { name: new RegExp(MENTEE) });
    await expect(row).toContainText(/先出し \d+ \/ 依頼 \d+/);
    await expect(page.getByRole("columnheader", { name: "先出し協力と依頼" })).toBeVisible();
    await checkA11y(page);
    await shot(page, "reviews-list-phone");
  });
  test("the map opens as a list on a phone, and a review fits", async ({ page }) => {
    await login(page, "junior@demo.example");
    await page.goto("/map");
    await expect(page.getByTestId("map-cards")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await checkA11y(page);
    await shot(page, "map-phone");
    await page.getByRole("button", { name: "影響力×関心度" }).click();
    await expect(page.getByRole("heading", { name: "影響力 × 関心度" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    expect(
      await page.getByRole("region", { name: "影響力 × 関心度" }).evaluate((el) => el.scrollWidth - el.clientWidth),
    ).toBeLessThanOrEqual(1);
    await shot(page, "map-grid-phone");
    await page.goto("/reviews");
    await page.getByRole("link", { name: "11月のふりかえり", exact: true }).click();
    await page.waitForURL(/\/reviews\/[^/]+$/);
    await expect(page.getByTestId("since")).toBeVisible();
    await expect(page.locator(".react-flow__node-person").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    await shot(page, "review-phone");
  });
});
