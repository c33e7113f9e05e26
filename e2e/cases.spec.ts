import { expect } from "@playwright/test";
import { checkA11y, login, PHONE, shot, signOut, test } from "./fixtures";

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
  const mine = await page
    .getByRole("list", { name: "担当しているケース" })
    .locator("a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(mine.length).toBeGreaterThan(0);
  await expect(page.getByTestId("case-counts")).toBeVisible();
  await shot(page, "cases-desktop");
  await signOut(page);

  await login(page, "lead@demo.example");
  await page.goto("/cases");
  const all = await page
    .getByRole("list", { name: "担当しているケース" })
    .locator("a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const notHers = all.find((h) => !mine.includes(h))!;
  expect(notHers).toBeTruthy();
  await page.goto(notHers);
  await expect(page.getByText("このページの表示は監査ログに記録されています。")).toBeVisible();
  await shot(page, "case-detail-desktop");
  await page.goto("/settings/audit");
  await expect(page.getByTestId("audit-log")).toContainText("case.read");
  // On a phone the log scrolls sideways; who acted reads on one line, not a character a line.
  const desktop = page.viewportSize()!;
  await page.setViewportSize(PHONE);
  const log = page.getByTestId("audit-log");
  for (const cell of [log.getByRole("columnheader", { name: "操作した人" }), log.locator("tbody tr").first().locator("td").nth(1)]) {
    // The lines its text takes: the distinct tops of the text's boxes.
    const lines = await cell.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, (await cell.textContent()) ?? "").toBe(1);
  }
  await page.setViewportSize(desktop);
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

test("consent withdrawn, a legal hold, disclosure and erasure of a case; the retention page", async ({ page }) => {
  await login(page, "lead@demo.example");
  await page.goto("/cases/new");
  await page.getByLabel("社員コード（仮名）").fill("EMP-WD-01");
  await page.getByLabel("同意の範囲（何を誰と共有するか）").fill("上司への就業上の配慮に必要な範囲");
  await page.getByLabel("同意の方法").fill("面談時に書面で");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { name: /EMP-WD-01/ })).toBeVisible();
  const casePath = new URL(page.url()).pathname;

  // The employee's own record, for a disclosure request: PDF and JSON, file names without his code.
  const pdf = await page.request.get(`${casePath.replace("/cases/", "/api/cases/")}/disclosure?format=pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).not.toContain("EMP");
  const json = await (await page.request.get(`${casePath.replace("/cases/", "/api/cases/")}/disclosure?format=json`)).json();
  expect(json.case.employeeCode).toBe("EMP-WD-01");

  // Consent withdrawn: read-only with the reason, out of the list.
  await page.getByText("同意撤回を記録").click();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "撤回を記録する" }).click();
  await expect(page.getByText("選択肢から選んでください。").first()).toBeVisible();
  await page.getByLabel("就業上の措置の記録").check();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "撤回を記録する" }).click();
  await expect(page.getByTestId("withdrawn-banner")).toContainText("保存理由：就業上の措置の記録");
  await expect(page.getByTestId("case-summary")).toContainText("上司への就業上の配慮に必要な範囲");
  await expect(page.getByRole("button", { name: "評価を記録" })).toHaveCount(0);
  await checkA11y(page);
  await shot(page, "case-withdrawn-desktop");
  await page.setViewportSize(PHONE);
  await shot(page, "case-withdrawn-phone");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/cases");
  await expect(page.getByRole("list", { name: "担当しているケース" })).not.toContainText("EMP-WD-01");
  await expect(page.getByRole("list", { name: "同意が撤回されたケース（閲覧のみ）" })).toContainText("EMP-WD-01");

  // A legal hold stops erasure until it is lifted.
  await page.goto(casePath);
  await page.getByText("法的保全をかける").click();
  await page.getByLabel("保全の理由").selectOption({ label: "労災申請" });
  await page.getByRole("button", { name: "保全する" }).click();
  await expect(page.getByTestId("legal-hold")).toContainText("労災申請");
  await page.goto("/settings/retention");
  await expect(page.getByTestId("holds").locator(`a[href="${casePath}"]`)).toBeVisible();
  await page.getByLabel(/終了・同意撤回・削除したケース/).fill("4");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("値が小さすぎます。").first()).toBeVisible();
  await page.getByLabel(/終了・同意撤回・削除したケース/).fill("6");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("保存期間を保存しました。")).toBeVisible();
  try {
    await checkA11y(page);
    await shot(page, "retention-desktop");
    await page.setViewportSize(PHONE);
    await shot(page, "retention-phone");
  } finally {
    // The team's retention goes back to 5 years even when a check above fails: other files
    // (team-data.spec.ts's handling rules) read it.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/settings/retention");
    await page.getByLabel(/終了・同意撤回・削除したケース/).fill("5");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("保存期間を保存しました。")).toBeVisible();
  }

  await page.goto(`${casePath}/erase`);
  await expect(page.getByText(/法的保全中（労災申請）/)).toBeVisible();
  await expect(page.getByRole("button", { name: "消去する" })).toHaveCount(0);
  await page.goto(casePath);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "保全を解除" }).click();
  await expect(page.getByTestId("legal-hold")).toHaveCount(0);

  await page.getByRole("link", { name: "ケースを消去" }).click();
  await expect(page.getByTestId("erase-counts")).toContainText("リスク評価");
  await page.getByLabel("本人からの請求").check();
  await page.getByLabel(/確認のため社員コードを入力/).fill("EMP-WD-02");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "消去する" }).click();
  await expect(page.getByText("社員コードが一致しません。")).toBeVisible();
  await page.getByLabel(/確認のため社員コードを入力/).fill("EMP-WD-01");
  await checkA11y(page);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "消去する" }).click();
  await expect(page.getByText("ケースを消去しました。監査ログに件数が残っています。")).toBeVisible();
  await expect(page).toHaveURL(/\/cases$/);
  expect((await page.goto(casePath))?.status()).toBe(404);
  await page.goto("/settings/audit?action=case.");
  await expect(page.getByTestId("audit-log")).toContainText("case.erase");
});

test("lowering the minimum group size below 10 records the 衛生委員会 decision", async ({ page }) => {
  await login(page, "lead@demo.example");
  await page.goto("/settings");
  const size = page.getByLabel("集計を表示する最小人数");
  const before = await size.inputValue();
  await size.fill("8");
  await page.getByRole("button", { name: "保存", exact: true }).first().click();
  await expect(page.getByText("10人未満にするには、衛生委員会の決定（日付と議事録）を記録してください。").first()).toBeVisible();
  await page.getByLabel("衛生委員会で決定した日").fill("2026-11-12");
  await page.getByLabel("議事録の参照（回・議題など）").fill("第8回 議題3");
  await page.getByRole("button", { name: "保存", exact: true }).first().click();
  await expect(page.getByTestId("committee-record")).toContainText("第8回 議題3");
  await checkA11y(page);
  await shot(page, "settings-committee-desktop");
  await size.fill(before);
  await page.getByRole("button", { name: "保存", exact: true }).first().click();
  await expect(page.getByTestId("committee-record")).toHaveCount(Number(before) < 10 ? 1 : 0);
});

test("the monthly access-log review: figures, sign-off, CSV in UTF-8 and Shift_JIS", async ({ page }) => {
  await login(page, "lead@demo.example");
  await page.goto("/cases");
  await page.getByRole("list", { name: "担当しているケース" }).getByRole("link").first().click();
  await page.goto("/settings/audit");
  await page.getByRole("link", { name: "月次の閲覧確認" }).click();
  await expect(page.getByRole("heading", { name: "閲覧記録の月次確認" })).toBeVisible();
  await expect(page.getByTestId("reads-by-week")).toContainText("佐藤 由美");
  const month = await page.getByLabel("対象の月").inputValue();
  const sjis = await page.request.get(`/api/audit/review?month=${month}&encoding=shift_jis`);
  expect(sjis.headers()["content-type"]).toContain("Shift_JIS");
  const utf8 = await page.request.get(`/api/audit/review?month=${month}&encoding=utf-8`);
  expect([...(await utf8.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  await checkA11y(page);
  await shot(page, "access-review-desktop");
  await page.setViewportSize(PHONE);
  await shot(page, "access-review-phone");
  await page.setViewportSize({ width: 1280, height: 900 });
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "この月を確認済みにする" }).click();
  await expect(page.getByTestId("sign-off")).toContainText("確認済み");
});
