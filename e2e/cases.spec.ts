import { expect } from "@playwright/test";
import { login, shot, signOut, test } from "./fixtures";

test("a nurse not on a case cannot open its URL; the admin can, and the read is audit-logged", async ({ page }) => {
  await login(page, "junior@demo.example");
  // Her home counts the case follow-ups due this week, one of them overdue, and leads to the list.
  const due = page.getByTestId("case-follow-ups");
  await expect(due).toContainText(/ケースのフォロー期限が近いもの \d+件（うち期限切れ 1件）/);
  await expect(due).not.toContainText("EMP-");
  await due.getByRole("link").click();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByTestId("case-overdue")).toHaveCount(1);
  await expect(page.getByTestId("case-overdue")).toContainText("期限切れ");
  const mine = await page.getByRole("list", { name: "担当しているケース" }).locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(mine.length).toBeGreaterThan(0);
  await expect(page.getByTestId("case-counts")).toBeVisible();
  await shot(page, "cases-desktop");
  await signOut(page);

  await login(page, "lead@demo.example");
  await page.goto("/cases");
  const all = await page.getByRole("list", { name: "担当しているケース" }).locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const notHers = all.find((h) => !mine.includes(h))!;
  expect(notHers).toBeTruthy();
  await page.goto(notHers);
  await expect(page.getByText("このページの表示は監査ログに記録されています。")).toBeVisible();
  await shot(page, "case-detail-desktop");
  await page.goto("/settings/audit");
  await expect(page.getByTestId("audit-log")).toContainText("case.read");
  await signOut(page);

  await login(page, "junior@demo.example");
  const res = await page.goto(notHers);
  expect(res?.status()).toBe(404);
  await expect(page.getByText("ページが見つかりません")).toBeVisible();
  // Her own case opens.
  expect((await page.goto(mine[0]!))?.status()).toBe(200);
});

test("registering a case needs consent first", async ({ page }) => {
  await login(page, "mentor@demo.example");
  await page.goto("/cases/new");
  await page.getByLabel("社員コード（仮名）").fill("EMP-99999");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("同意の内容を記録してください。").first()).toBeVisible();
  await page.getByLabel("同意の範囲（何を誰と共有するか）").fill("上司への就業上の配慮に必要な範囲");
  await page.getByLabel("同意の方法").fill("面談時に口頭で確認し記録");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { name: /EMP-99999/ })).toBeVisible();
  // Nothing is pre-chosen: a level must be picked, and the form clears once recorded.
  await page.getByRole("button", { name: "評価を記録" }).click();
  await expect(page.getByText("選択肢から選んでください。").first()).toBeVisible();
  await page.getByLabel("リスク区分").selectOption({ label: "要医療" });
  await page.getByLabel("メモ").fill("初回面談");
  await page.getByRole("button", { name: "評価を記録" }).click();
  await expect(page.getByTestId("assessments")).toContainText("要医療");
  await expect(page.getByRole("status").filter({ hasText: "評価を記録しました（要医療・" })).toBeVisible();
  await expect(page.getByLabel("リスク区分")).toHaveValue("");
  await expect(page.getByLabel("メモ")).toHaveValue("");
});

test("a junior nurse gets 403 for the admin-only audit log", async ({ page }) => {
  await login(page, "junior@demo.example");
  const res = await page.goto("/settings/audit");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "権限がありません" })).toBeVisible();
  await expect(page.getByTestId("audit-log")).toHaveCount(0);
});
