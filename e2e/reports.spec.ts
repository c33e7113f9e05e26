import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect } from "@playwright/test";
import { checkA11y, PHONE, shot, signInAs, test } from "./fixtures";

test("the dashboard shows success data with charts and tables, and the manager preview hides small groups", async ({ page }) => {
  await signInAs(page, { role: "ADMIN" });
  await page.getByRole("link", { name: "成果ダッシュボード" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "成果ダッシュボード" })).toBeVisible();
  await expect(page.getByTestId("summary")).toContainText("高リスク者の改善率は");
  await expect(page.locator('[data-table="improvement.byDepartment"]')).toBeVisible();
  await expect(page.locator('[data-suppressed="team"]').first()).toBeVisible();
  await checkA11y(page);
  // Charts load as they near the screen: after scrolling through the page, they are all drawn. A
  // scroll before hydration is not seen by the observers, so the pass repeats until they are.
  await expect(async () => {
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 500) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 60));
      }
    });
    expect(await page.locator(".recharts-wrapper").count()).toBeGreaterThan(3);
  }).toPass({ timeout: 20_000 });
  await shot(page, "dashboard-desktop");

  // Filters live in the URL.
  await page.getByLabel("期間", { exact: true }).selectOption("12m");
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/period=12m/);
  await expect(page.getByTestId("period")).toContainText("直近12か月");

  // A department tree starts at its top levels; a branch opens on demand, and the URL keeps it.
  const byDept = page.locator('[data-table="improvement.byDepartment"]');
  const rowsBefore = await byDept.locator("tbody tr").count();
  await byDept
    .getByRole("link", { name: /の内訳を開く/ })
    .first()
    .click();
  await expect(page).toHaveURL(/open=/);
  await expect.poll(() => byDept.locator("tbody tr").count()).toBeGreaterThan(rowsBefore);
  await expect(byDept.getByRole("link", { name: /の内訳を閉じる/ }).first()).toHaveAttribute("aria-expanded", "true");
  await byDept.screenshot({ path: "e2e/.screenshots/dashboard-tree.png" });

  // The department filter searches by part of a name instead of listing every department.
  await page.getByRole("combobox", { name: "部署" }).fill("川崎");
  await page
    .getByRole("option", { name: /川崎工場/ })
    .first()
    .click();
  await expect(page.getByTestId("dept-chosen")).toContainText("川崎工場");
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/dept=/);
  await expect(page.getByTestId("dept-chosen")).toContainText("川崎工場");
  await checkA11y(page);
  await page.getByRole("button", { name: "すべての部署に戻す" }).click();
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page.getByTestId("dept-chosen")).toHaveCount(0);

  await page.getByRole("link", { name: "見せ方プレビュー（管理職・人事向け）" }).click();
  await expect(page.locator('[data-suppressed="true"]').first()).toHaveText("*");
  await expect(page.locator('[data-suppressed="team"]')).toHaveCount(0);
  expect(await page.content()).not.toMatch(/EMP-\d/);

  // A section's CSV: UTF-8 with BOM. Case figures leave the team only as issued reports.
  const res = await page.request.get("/api/dashboard/csv?section=pilots&period=12m");
  expect(res.status()).toBe(200);
  const body = await res.body();
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(body.toString("utf8")).toContain("段階ごとの施策数");
  const cases = await page.request.get("/api/dashboard/csv?section=improvement&period=12m");
  expect(cases.status()).toBe(422);
  expect((await cases.json()).message).toBe("caseFiguresViaReports");

  await page.setViewportSize(PHONE);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "成果ダッシュボード" })).toBeVisible();
  // Charts settle their size after the first paint; then nothing is wider than the phone.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  await shot(page, "dashboard-phone");
});

test("a nurse who cannot read every case sees case figures only as issued reports publish them", async ({ page }) => {
  await signInAs(page, { role: "NURSE" });
  await page.goto("/dashboard");
  const improvement = page.locator('[data-section="improvement"]');
  await expect(page.getByText(/^担当外のケースを含むため、ケースの数字は発行済みレポート/).first()).toBeVisible();
  // The live period's sentences about cases are gone; the rest of the dashboard is live.
  await expect(page.getByTestId("summary")).not.toContainText("高リスク者の改善率は");
  await expect(page.locator('[data-table="pilots.byStage"]')).toBeVisible();
  await checkA11y(page);
  await shot(page, "dashboard-nurse");
  await page.setViewportSize(PHONE);
  await expect(improvement).toBeVisible();
  await shot(page, "dashboard-nurse-phone");
});

test("the dashboard's department filter: arrows wrap and keep the match in view, Escape closes before it clears", async ({ page }) => {
  await signInAs(page);
  await page.goto("/dashboard");
  const filter = page.getByRole("combobox", { name: "部署" });
  await filter.fill("課");
  const list = page.getByRole("listbox", { name: "部署" });
  const options = list.getByRole("option");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  // Up from the first match wraps to the last, and the list scrolls to it.
  await filter.press("ArrowUp");
  await expect(options.last()).toHaveAttribute("aria-selected", "true");
  await expect(options.last()).toBeInViewport();
  await page.screenshot({ path: "e2e/.screenshots/dashboard-department-filter.png" });
  // Hovering a match highlights it, as the keyboard does.
  await options.nth(1).hover();
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  // Escape closes the list and keeps the text; ↓ opens it again on the first match.
  await filter.press("Escape");
  await expect(list).toBeHidden();
  await expect(filter).toHaveValue("課");
  await filter.press("ArrowDown");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  const first = (await options.first().textContent())!;
  await filter.press("Enter");
  await expect(page.getByTestId("dept-chosen")).toHaveText(first);
  await expect(list).toBeHidden();
  await checkA11y(page);
});

test("a long list on the dashboard stops at 20 rows, its total in sight, and shows the rest on request", async ({ page }) => {
  await signInAs(page, { role: "ADMIN", newTeam: "部署の多い会社" });
  // 26 people, each in a department of its own.
  const csv = ["部署,氏名", ...Array.from({ length: 26 }, (_, i) => `営業${String(i + 1).padStart(2, "0")}課,担当 ${i + 1}`)].join("\n");
  await page.goto("/import");
  await page.getByLabel("CSVファイル").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "内容を確認" }).click();
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.getByText("取り込みました（新規 26件・更新 0件）")).toBeVisible();

  await page.goto("/dashboard");
  const coverage = page.locator('[data-table="allies.coverage"] tbody');
  // The total, 20 departments and the offer of the other 6.
  await expect(coverage.locator("tr")).toHaveCount(22);
  await expect(coverage.locator("tr").first()).toContainText("協力的以上の人がいる部署");
  await expect(coverage.locator("tr").first()).toContainText("(0/26)");
  await checkA11y(page);
  await coverage.getByRole("link", { name: "残り6件を表示" }).click();
  await expect(page).toHaveURL(/more=allies-coverage/);
  await expect(coverage.locator("tr")).toHaveCount(27);
  await expect(coverage.getByRole("link", { name: /残り/ })).toHaveCount(0);
});

test("build a report, issue it, download PDF and Excel, share it with a passcode, then revoke", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, { role: "ADMIN" });
  await page.goto("/reports");
  await expect(page.getByRole("list", { name: "成果レポート" })).toContainText("産業保健活動の成果報告");
  // The demo's return recorded after its quarter was published waits for the next quarter, and says so.
  await expect(page.getByTestId("late-entries")).toHaveText("確定後に追加された記録 1件");
  await checkA11y(page);
  await shot(page, "reports-late-entries");
  await page.getByRole("link", { name: "新しいレポート" }).click();
  await page.getByRole("button", { name: "作成" }).click();
  await expect(page.getByText("入力してください。").first()).toBeVisible();
  await page.getByLabel("タイトル").fill("E2E 上期の成果報告");
  // Managers and HR by default; the team's own sections are locked for them.
  await expect(page.getByRole("radio", { name: "管理職・人事向け" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /活動量と先出し協力・依頼/ })).toBeDisabled();
  await page.getByRole("radio", { name: /チーム内向け/ }).check();
  await expect(page.getByRole("checkbox", { name: /活動量と先出し協力・依頼/ })).toBeEnabled();
  await shot(page, "report-form-desktop");
  await page.getByRole("radio", { name: "管理職・人事向け" }).check();
  await page.getByRole("button", { name: "直近12か月" }).click();
  await page.getByRole("button", { name: "作成" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E2E 上期の成果報告" })).toBeVisible();
  // A draft first: the nurse edits it, and the preview is what goes out.
  await page.getByRole("button", { name: "下書きを作る" }).click();
  const editor = page.getByRole("form", { name: "発行前の編集" });
  await expect(editor).toBeVisible();
  const preview = page.getByTestId("draft-preview");
  const firstSentence = (await preview.getByTestId("summary").getByRole("listitem").first().innerText()).trim();
  await editor.getByLabel("1文目を載せない").check();
  await editor
    .getByRole("group", { name: "高リスク者の改善" })
    .getByLabel("この章へのひとこと（任意）")
    .fill("職場の皆さまのご協力に感謝します。");
  await editor.getByRole("button", { name: "編集を保存" }).click();
  await expect(preview.getByTestId("section-comment")).toHaveText("職場の皆さまのご協力に感謝します。");
  await expect(preview.getByTestId("summary")).not.toContainText(firstSentence);
  await checkA11y(page);
  await shot(page, "report-draft-desktop");
  await page.getByRole("button", { name: "発行する" }).click();
  await expect(page.getByTestId("issues")).toContainText("第1版");
  await checkA11y(page);
  await shot(page, "report-detail-desktop");

  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("issues").getByRole("link", { name: "PDF" }).first().click(),
  ]);
  const pdfPath = await pdf.path();
  const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
  expect(text).toContain("E2E 上期の成果報告");
  expect(text).toContain("高リスク者の改善");
  expect(text).toMatch(/\d+\.\d%/);
  expect(text).not.toMatch(/EMP-\d/);
  expect(text).toContain("職場の皆さまのご協力に感謝します。");
  expect(text).not.toContain(firstSentence);
  // The default edition is for managers and HR: none of the team's own working figures.
  for (const internal of ["ギブ", "アスク", "非協力", "無関心", "依頼が先出し協力より多く", "承諾率"]) expect(text).not.toContain(internal);
  execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "70", "-png", pdfPath, "e2e/.screenshots/report-pdf-page"]);

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("issues").getByRole("link", { name: "Excel" }).first().click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(readFileSync(await xlsx.path())).buffer);
  expect(wb.worksheets.map((w) => w.name)).toContain("高リスク者の改善");
  expect(wb.worksheets.map((w) => w.name)).toContain("集計の方法");

  // Share with a passcode; the link is shown once.
  await page.getByLabel("宛先のメモ").fill("第二工場 管理職向け");
  await page.getByLabel("パスコード（任意・6文字以上）").fill("kanri-2026");
  await page.getByRole("button", { name: "共有リンクを作成" }).click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(/\/share\/[\w-]{43}$/);

  const guest = await browser.newContext({ locale: "ja-JP" });
  const viewer = await guest.newPage();
  const first = await viewer.goto(link);
  expect(first?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(first?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(first?.headers()["cache-control"]).toContain("no-store");
  await viewer.getByLabel("パスコード").fill("wrong-pass");
  await viewer.getByRole("button", { name: "開く" }).click();
  await expect(viewer.getByText("パスコードが違います。")).toBeVisible();
  await viewer.getByLabel("パスコード").fill("kanri-2026");
  await viewer.getByRole("button", { name: "開く" }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "E2E 上期の成果報告" })).toBeVisible();
  const html = await viewer.content();
  expect(html).not.toMatch(/EMP-\d/);
  expect(html).not.toContain("lead@demo.example");
  // Not even the team's vocabulary reaches a manager's page (the catalog it carries is the public one).
  const raw = await (await viewer.request.get(link)).text();
  for (const internal of ["ギブ", "非協力", "無関心", "応援者"]) expect(raw).not.toContain(internal);
  await checkA11y(viewer);
  await shot(viewer, "share-desktop");
  // No downloads unless the link allows them.
  expect((await viewer.request.get(`${link}/pdf`)).status()).toBe(404);

  page.once("dialog", (d) => d.accept());
  await page.getByTestId("share-links").getByRole("button", { name: "取り消す" }).first().click();
  await expect(page.getByTestId("share-links")).toContainText("取り消し済み");
  await viewer.reload();
  await expect(viewer.getByTestId("share-state")).toHaveText("このリンクは取り消されました。");
  expect(await viewer.locator("main").innerText()).not.toContain("高リスク者の改善");
  await guest.close();

  // Guessed at until it locks: the passcode field goes, since no passcode can open it now.
  await page.getByLabel("宛先のメモ").fill("第二工場 管理職向け（再送）");
  await page.getByLabel("パスコード（任意・6文字以上）").fill("kanri-2027");
  await page.getByRole("button", { name: "共有リンクを作成" }).click();
  await expect(page.getByTestId("share-link")).not.toHaveValue(link);
  const second = await page.getByTestId("share-link").inputValue();
  const guesser = await browser.newContext({ locale: "ja-JP" });
  const guessing = await guesser.newPage();
  await guessing.goto(second);
  for (let i = 0; i < 5; i++) {
    await guessing.getByLabel("パスコード").fill(`guess-${i}`);
    await guessing.getByRole("button", { name: "開く" }).click();
    if (i < 4) await expect(guessing.getByText("パスコードが違います。")).toBeVisible();
  }
  await expect(guessing.getByTestId("share-state")).toBeVisible();
  await expect(guessing.getByLabel("パスコード")).toHaveCount(0);
  await guesser.close();
});

test("the demo share link works signed out, with downloads, and a nurse cannot manage links", async ({ page, browser }) => {
  const guest = await browser.newContext({ locale: "ja-JP", viewport: PHONE });
  const viewer = await guest.newPage();
  await viewer.goto("/share/demo-hokushin-committee-report-2026");
  await expect(viewer.getByRole("heading", { level: 1, name: "産業保健活動の成果報告（直近12か月）" })).toBeVisible();
  // Small groups are grouped, and what cannot be published is said in a sentence, not a wall of "*".
  await expect(viewer.getByText(/人数の少ない区分から個人が推測されないよう/).first()).toBeVisible();
  await shot(viewer, "share-phone");
  const pdf = await viewer.request.get("/share/demo-hokushin-committee-report-2026/pdf");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  // Parameters are ignored: the page is the frozen report whatever is asked for.
  await viewer.goto("/share/demo-hokushin-committee-report-2026?dept=x&period=custom&from=2020-01-01");
  await expect(viewer.getByText("直近12か月").first()).toBeVisible();
  // An unknown token is a 404, said in the share page's words.
  const unknown = await viewer.goto("/share/no-such-link-0000000000000000000000000000000");
  expect(unknown?.status()).toBe(404);
  await expect(viewer.getByTestId("share-state")).toHaveText("このリンクは見つかりません。URL をご確認ください。");
  await checkA11y(viewer);
  await guest.close();

  await signInAs(page);
  await page.goto("/reports");
  await page.getByRole("link", { name: "産業保健活動の成果報告（直近12か月）" }).click();
  await expect(page.getByText("共有リンクの作成と管理は管理者が行います。")).toBeVisible();
  await expect(page.getByRole("button", { name: "共有リンクを作成" })).toHaveCount(0);
});

test.describe("phone width", () => {
  test.use({ viewport: PHONE });
  test("the team edition's preview does not speak of recipients; a share link counts downloads apart from views", async ({ page }) => {
    await signInAs(page, { role: "ADMIN" });
    await page.goto("/reports");
    await page.getByRole("link", { name: "チームの振り返り（直近12か月・チーム内）" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "最新版の内容（チームの中だけで読む版です）" })).toBeVisible();
    await expect(page.getByText("共有先に見える内容")).toHaveCount(0);
    await checkA11y(page);
    await shot(page, "report-team-edition-phone");

    // Opening the share page is a view; its PDF is a download, counted apart.
    expect((await page.request.get("/share/demo-hokushin-committee-report-2026/pdf")).status()).toBe(200);
    await page.goto("/reports");
    await page.getByRole("link", { name: "産業保健活動の成果報告（直近12か月）" }).click();
    await expect(page.getByText(/閲覧 \d+回 · ダウンロード [1-9]\d*回/).first()).toBeVisible();
  });
});
