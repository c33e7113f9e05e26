import { writeFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { checkA11y, login, PHONE, shot, signInAs, test } from "./fixtures";

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("the stance changes in two taps from the person page, with its reason kept", async ({ page }) => {
    await signInAs(page);
    await page.goto("/key-persons");
    await page.getByPlaceholder("氏名・ふりがな・部署・役職・タグ").fill("センター長");
    const list = page.getByRole("list", { name: "キーパーソン" });
    await expect(list.getByRole("link")).toHaveCount(1);
    await list.getByRole("link").first().click();
    const control = page.getByTestId("stance-control");
    await expect(control).toBeVisible();
    const current = await control.getByRole("radio", { checked: true }).textContent();
    const target = current === "応援者" ? "協力的" : "応援者";
    await control.getByRole("radio", { name: target }).click();
    await control.getByPlaceholder(/面談同席/).fill("説明会で協力を申し出てくれた");
    await shot(page, "stance-control-phone");
    await control.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("協力度を記録しました。", { exact: false })).toBeVisible();
    await expect(page.getByTestId("stance-history")).toContainText("説明会で協力を申し出てくれた");
    await expect(control.getByRole("radio", { checked: true })).toHaveText(target);
    await checkA11y(page);
  });

  test("find a key person, log a give, and see the balance change", async ({ page }) => {
    await signInAs(page);
    await page.goto("/key-persons");
    await page.getByPlaceholder("氏名・ふりがな・部署・役職・タグ").fill("センター長");
    const list = page.getByRole("list", { name: "キーパーソン" });
    await expect(list.getByRole("link")).toHaveCount(1);
    await shot(page, "key-persons-phone");
    await list.getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const gives = page.getByTestId("person-balance").locator("dd").first();
    const before = Number(await gives.textContent());
    await shot(page, "key-person-phone");

    await page.getByRole("link", { name: "接点を記録", exact: true }).click();
    await expect(page.getByRole("heading", { name: "接点を記録" })).toBeVisible();
    await page
      .locator("label")
      .filter({ hasText: /^先出し協力$/ })
      .click();
    await page.getByLabel("何があったか").fill("熱中症対策の掲示物を作って渡した");
    await shot(page, "log-touchpoint-phone");
    await page.getByRole("button", { name: "記録する" }).click();
    await expect(page.getByTestId("person-balance")).toBeVisible();
    await expect(gives).toHaveText(String(before + 1));
    await expect(page.getByText("熱中症対策の掲示物を作って渡した")).toBeVisible();

    // Delete it, then undo.
    const item = page.locator("li").filter({ hasText: "熱中症対策の掲示物を作って渡した" });
    await item.getByRole("button", { name: "削除" }).click();
    await expect(page.getByText("接点を削除しました")).toBeVisible();
    await page.getByRole("status").filter({ hasText: "接点を削除しました" }).getByRole("button", { name: "元に戻す" }).click();
    await expect(page.getByText("熱中症対策の掲示物を作って渡した")).toBeVisible();
  });

  test("log a touchpoint from scratch, picking the person by name", async ({ page }) => {
    await signInAs(page);
    await page.getByRole("link", { name: "＋接点を記録" }).click();
    await page.getByRole("button", { name: "記録する" }).click();
    await expect(page.getByText("相手を1人以上選んでください。")).toBeVisible();
    await page.getByPlaceholder("氏名で検索").fill("工場長");
    await page
      .getByRole("button", { name: /工場長/ })
      .first()
      .click();
    await page
      .locator("label")
      .filter({ hasText: /^傾聴$/ })
      .click();
    await page.getByLabel("何があったか").fill("夜勤明けの様子を伺った（取り消し確認）");
    await page.getByRole("button", { name: "記録する" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();
    // The save is confirmed where the nurse lands, with an undo for a slip of the finger.
    const toast = page.getByTestId("toast");
    await expect(toast).toContainText("との接点を記録しました");
    await shot(page, "touchpoint-logged-toast");
    await toast.getByRole("button", { name: "元に戻す" }).click();
    await expect(toast).toContainText("記録を取り消しました");
    await page.goto("/touchpoints");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("夜勤明けの様子を伺った（取り消し確認）")).toHaveCount(0);
  });

  test("adding someone already on the list: warned, pointed to them, and saved only when confirmed", async ({ page }) => {
    await signInAs(page);
    await page.goto("/key-persons/new");
    // The center head again, typed with a full-width space.
    await page.getByRole("textbox", { name: "氏名", exact: true }).fill("吉田　智子");
    // The boss is found by typing, like every other person picker.
    const bossPicker = page.getByRole("group", { name: "上司（上司の上司へつながる）" });
    await bossPicker.getByRole("searchbox").fill("センター長");
    await bossPicker
      .getByRole("button", { name: /センター長/ })
      .first()
      .click();
    await expect(bossPicker).toContainText("吉田 智子");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    const warning = page.getByTestId("namesakes");
    await expect(warning).toContainText("同じ名前の人がすでに登録されています");
    await expect(warning.getByRole("link", { name: "吉田 智子" })).toHaveAttribute("href", /\/key-persons\//);
    await checkA11y(page);
    await shot(page, "key-person-namesake-phone");
    await warning.getByRole("button", { name: "別の人として登録する" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^吉田\s?智子/ })).toBeVisible();
    await expect(page.locator("section").filter({ has: page.getByRole("heading", { name: "報告ライン" }) })).toContainText("吉田 智子");

    // It was the same person after all: merged into the first record (which is kept), then undone.
    await page.getByRole("link", { name: "重複をまとめる" }).click();
    // The picker offers the other record only, never the person herself.
    await page.getByRole("searchbox").fill("吉田 智子");
    await expect(page.getByRole("button", { name: /^吉田\s?智子/ })).toHaveCount(1);
    await page.getByRole("searchbox").fill("センター長");
    await page
      .getByRole("button", { name: /センター長/ })
      .first()
      .click();
    await expect(page.getByTestId("merge-counts")).toBeVisible();
    await page.getByRole("link", { name: "こちらを残す" }).click();
    await expect(page.getByTestId("merge-counts")).toContainText("接点");
    await checkA11y(page);
    await shot(page, "key-person-merge-phone");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "この2件をまとめる" }).click();
    const notice = page.getByTestId("merged-notice");
    await expect(notice).toContainText("の記録をここにまとめました");
    await expect(page.getByRole("heading", { level: 1, name: /^吉田\s?智子/ })).toBeVisible();
    await expect(page.locator("p").filter({ hasText: "センター長" }).first()).toBeVisible();
    page.once("dialog", (d) => d.accept());
    await notice.getByRole("button", { name: "元に戻す" }).click();
    await expect(notice).toHaveCount(0);
    await page.goto("/key-persons?q=吉田");
    await expect(page.getByRole("link", { name: /吉田\s?智子/ })).toHaveCount(2);
  });

  test("bulk edit: two people get a tag at once, and the toast's undo takes it back", async ({ page }) => {
    await signInAs(page);
    await page.goto("/key-persons");
    const list = page.getByRole("list", { name: "キーパーソン" });
    await expect(list.getByRole("listitem").first()).toBeVisible();
    const boxes = list.getByRole("checkbox");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const bar = page.getByTestId("bulk-bar");
    await expect(bar).toContainText("2人を選択中");
    await bar.getByLabel("変更する内容").selectOption({ label: "タグを付ける" });
    await bar.getByRole("textbox", { name: "タグ" }).fill("");
    page.once("dialog", (d) => d.accept());
    await bar.getByRole("button", { name: "まとめて変更" }).click();
    await expect(bar.getByRole("alert")).toBeVisible();
    await bar.getByRole("textbox", { name: "タグ" }).fill("夏の施策");
    await checkA11y(page);
    await shot(page, "key-person-bulk-phone");
    // The confirmation names the tag, not only the kind of change.
    let question = "";
    page.once("dialog", (d) => {
      question = d.message();
      void d.accept();
    });
    await bar.getByRole("button", { name: "まとめて変更" }).click();
    await expect.poll(() => question).toBe("選択した2人について「タグを付ける」（#夏の施策）を行います。よろしいですか？");
    await expect(page.getByText("2人を変更しました。")).toBeVisible();
    await expect(bar).toHaveCount(0);
    await expect(list.getByText(/#夏の施策/)).toHaveCount(2);
    await page.getByRole("button", { name: "元に戻す" }).click();
    await expect(page.getByText("元に戻しました。")).toBeVisible();
    await expect(list.getByText(/#夏の施策/)).toHaveCount(0);
  });

  test("the phone menu lists the pages without repeating the name and the bell of the bar above it", async ({ page }) => {
    await signInAs(page);
    await page.getByRole("button", { name: "メニュー" }).click();
    const menu = page.locator("#mobile-nav");
    await expect(menu.getByRole("navigation", { name: "メインナビゲーション" })).toBeVisible();
    await expect(menu.getByRole("link", { name: /通知/ })).toHaveCount(0);
    await expect(menu.getByText("つながりノート", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("banner").getByRole("link", { name: /通知/ })).toBeVisible();
    await shot(page, "menu-phone");
  });

  test("open a visit briefing for a department", async ({ page }) => {
    await signInAs(page, { role: "ADMIN" });
    await page.goto("/departments");
    await shot(page, "departments-phone");
    const row = page.getByRole("listitem").filter({ hasText: "出荷課" });
    await row.getByRole("link", { name: "訪問前ブリーフィング" }).click();
    await expect(page.getByRole("heading", { name: "出荷課 訪問前ブリーフィング" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "キーパーソン（協力度順）" })).toBeVisible();
    // Open cases only as "at least k" (k = 10 in the demo), never an exact small count.
    await expect(page.getByTestId("briefing-cases")).toHaveText(
      /^(継続中 10件以上|10件未満のため件数は表示しません（0件のときも同じ表示です）。)$/,
    );
    await expect(page.getByText("EMP-")).toHaveCount(0);
    // An empty suggestion says so in words, not with a bare dash.
    await expect(page.locator("article").getByText("—", { exact: true })).toHaveCount(0);
    await shot(page, "briefing-phone");
  });

  test("import a CSV with one bad row: rejected whole, with the row named", async ({ page }) => {
    await signInAs(page, { role: "ADMIN" });
    await page.goto("/import");
    await page.getByLabel("キーパーソン").check();
    const csv = [
      "外部ID,氏名,部署,種別,協力度,影響力",
      "X1,取込 太郎,出荷課,上司（ライン管理職）,中立,3",
      "X2,取込 花子,出荷課,人事,とても協力的,3",
    ].join("\r\n");
    await page.getByLabel("CSVファイル").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + csv) });
    await page.getByRole("button", { name: "内容を確認" }).click();
    await expect(page.getByText("エラーがあるため、このファイルは取り込めません。1件も変更していません。")).toBeVisible();
    const errors = page.getByTestId("import-errors");
    await expect(errors).toContainText("3行目");
    await expect(errors).toContainText("協力度");
    await expect(errors).toContainText("とても協力的");
    await shot(page, "import-rejected-phone");
    await page.goto("/key-persons?q=取込");
    await expect(page.getByText("条件に合うキーパーソンはいません。")).toBeVisible();
  });
});

test("two nurses editing the same person: the second save is refused and both versions are shown", async ({ page, browser }) => {
  await signInAs(page);
  await page.goto("/key-persons?q=工場長");
  await page.getByRole("list", { name: "キーパーソン" }).getByRole("link").first().click();
  await page.waitForURL(/\/key-persons\/[^/]+$/);
  const url = page.url();
  await page.getByRole("link", { name: "編集", exact: true }).first().click();

  const other = await browser.newContext({ locale: "ja-JP" });
  const p2 = await other.newPage();
  await signInAs(p2);
  await p2.goto(`${url}/edit`);
  // Fill only once the form is hydrated: hydration re-applies the saved text and would mix the two.
  await p2.waitForLoadState("networkidle");
  await p2.getByLabel("困りごと").fill("統括の編集：夜勤の人員不足");
  await expect(p2.getByLabel("困りごと")).toHaveValue("統括の編集：夜勤の人員不足");
  await p2.getByRole("button", { name: "保存" }).click();
  await expect(p2.getByTestId("next-step")).toBeVisible();
  await other.close();

  await page.waitForLoadState("networkidle");
  await page.getByLabel("困りごと").fill("教育担当の編集：繁忙期の残業");
  await expect(page.getByLabel("困りごと")).toHaveValue("教育担当の編集：繁忙期の残業");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("ほかの人が先にこのキーパーソンを更新しました")).toBeVisible();
  await expect(page.getByTestId("mine-painPoints")).toHaveText("教育担当の編集：繁忙期の残業");
  await expect(page.getByTestId("theirs-painPoints")).toHaveText("統括の編集：夜勤の人員不足");
  await shot(page, "conflict-desktop");
});

test("a user of the second team gets 404 for a first-team key person", async ({ page }) => {
  await signInAs(page, { role: "ADMIN" });
  await page.goto("/key-persons");
  await page.getByRole("list", { name: "キーパーソン" }).getByRole("link").first().click();
  await page.waitForURL(/\/key-persons\/[^/]+$/);
  const path = new URL(page.url()).pathname;
  await page.goto("/sign-in");
  await page.context().clearCookies();
  await signInAs(page, { role: "ADMIN", teamOf: "other@demo.example" });
  const res = await page.goto(path);
  expect(res?.status()).toBe(404);
  expect((await page.request.get(`/api/key-persons/export`)).status()).toBe(200);
  const csv = await (await page.request.get(`/api/key-persons/export`)).text();
  expect(csv.startsWith("\uFEFF外部ID,氏名")).toBe(true);
  expect(csv).not.toContain("北辰");
  // The same list as a workbook, for LibreOffice's default import (which guesses a CSV's encoding wrongly).
  const xlsx = await page.request.get(`/api/key-persons/export?format=xlsx`);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml.sheet");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
});

test("an admin erases a person for good: what goes is listed, the name is typed again, nothing of him is left", async ({ page }) => {
  await signInAs(page, { role: "ADMIN" });
  await page.goto("/key-persons/new");
  await page.getByRole("textbox", { name: "氏名", exact: true }).fill("消去 テスト太郎");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^消去 テスト太郎/ })).toBeVisible();
  // Before erasing, what the team holds about him can be handed to him (開示): PDF and JSON.
  const pdfHref = await page.getByRole("link", { name: "PDF", exact: true }).getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const json = await (await page.request.get(pdfHref!.replace("format=pdf", "format=json"))).json();
  expect(json.person.name).toBe("消去 テスト太郎");
  await page.getByRole("link", { name: "記録を消去" }).click();
  await expect(page.getByTestId("erase-counts")).toContainText("接点への登場");
  await page.getByLabel("本人からの請求").check();
  await page.getByLabel(/確認のため氏名を入力/).fill("別の人");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "消去する" }).click();
  await expect(page.getByText("入力された氏名が一致しません。")).toBeVisible();
  await page.getByLabel(/確認のため氏名を入力/).fill("消去 テスト太郎");
  await checkA11y(page);
  await shot(page, "key-person-erase-desktop");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "消去する" }).click();
  await expect(page.getByText("記録を消去しました。監査ログに件数が残っています。")).toBeVisible();
  await expect(page).toHaveURL(/\/key-persons$/);
  await page.goto(`/key-persons?q=${encodeURIComponent("テスト太郎")}`);
  await expect(page.getByText("条件に合うキーパーソンはいません。")).toBeVisible();
});

test("desktop screenshots of the list, detail and touchpoints", async ({ page }) => {
  await login(page, "lead@demo.example");
  await page.goto("/key-persons");
  await expect(page.getByRole("list", { name: "キーパーソン" })).toBeVisible();
  await shot(page, "key-persons-desktop");
  await page.getByRole("list", { name: "キーパーソン" }).getByRole("link").first().click();
  await expect(page.getByTestId("stance-history")).toBeVisible();
  // Two stance changes on one day: one point on a real time axis, the day's changes in order.
  const personPath = new URL(page.url()).pathname;
  const labels: Record<string, string> = { NEUTRAL: "中立", COOPERATIVE: "協力的", CHAMPION: "応援者" };
  for (const step of [0, 1]) {
    await page.goto(`${personPath}/edit`);
    await page.waitForLoadState("networkidle");
    const select = page.getByRole("combobox", { name: "協力度" });
    const current = await select.inputValue();
    const next = Object.keys(labels).find((s) => s !== current)!;
    await select.selectOption(next);
    await page.getByRole("button", { name: "保存" }).click();
    await page.waitForURL(/\/key-persons\/[^/]+$/);
    if (step === 1) await expect(page.getByTestId("stance-chart")).toHaveAttribute("aria-label", new RegExp(`→ ${labels[next]}$`));
  }
  const tickText = page.getByTestId("stance-axis").locator("span");
  await expect(tickText.first()).toBeVisible();
  const ticks = await tickText.allTextContents();
  expect(ticks.length).toBeGreaterThan(1);
  expect(new Set(ticks).size).toBe(ticks.length);
  for (const tick of ticks) expect(tick).toMatch(/^\d{4}年(\d+月)?$|^\d+月\d+日$/);
  await shot(page, "key-person-desktop");
  await page.goto("/touchpoints");
  await expect(page.getByTestId("nurse-balance")).toBeVisible();
  await shot(page, "touchpoints-desktop");
  // The team's log is paged, with the one pager every paged list uses.
  const pager = page.getByRole("navigation", { name: "ページ送り" });
  await pager.getByRole("link", { name: "次へ" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pager.getByRole("link", { name: "前へ" })).toBeVisible();
  await page.goto("/departments");
  await shot(page, "departments-desktop");
});

test.describe("mentions, at phone width", () => {
  test.use({ viewport: PHONE });
  test("his name in another person's touchpoint is shown before disclosure, disclosed in outward words, and redacted by erasure", async ({
    page,
  }) => {
    await signInAs(page, { role: "ADMIN" });
    await page.goto("/key-persons/new");
    await page.getByRole("textbox", { name: "氏名", exact: true }).fill("言及 花子");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^言及 花子/ })).toBeVisible();
    const personPath = new URL(page.url()).pathname;

    // A touchpoint with someone else names her; the form says what is written is disclosed on request.
    await page.goto("/touchpoints/new");
    await page.getByPlaceholder("氏名で検索").fill("工場長");
    await page
      .getByRole("button", { name: /工場長/ })
      .first()
      .click();
    await page
      .locator("label")
      .filter({ hasText: /^傾聴$/ })
      .click();
    await expect(page.getByTestId("disclosed-hint")).toHaveText("本人から開示を求められた場合、この記録は本人に開示されます。");
    await page.getByLabel("何があったか").fill("言及　花子さんは繁忙期で疲れていると聞いた。ほかの話題。");
    await page.getByRole("button", { name: "記録する" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();

    // Before handing over the disclosure: the sentence that names her, found in another record.
    await page.goto(personPath);
    await page.getByRole("link", { name: "内容を確認" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "開示の内容の確認：言及 花子さん" })).toBeVisible();
    await expect(page.getByTestId("mentions")).toContainText("「言及　花子さんは繁忙期で疲れていると聞いた。」");
    await checkA11y(page);
    await shot(page, "disclosure-preview-phone");
    const pdf = await page.request.get(`/api/key-persons${personPath.replace("/key-persons", "")}/disclosure?format=pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    writeFileSync("e2e/.screenshots/disclosure.pdf", await pdf.body());
    const json = await (await page.request.get(`/api/key-persons${personPath.replace("/key-persons", "")}/disclosure?format=json`)).json();
    expect(json.person.stance).toBe("ときどきご相談している");
    expect(json.mentions.map((m: { text: string }) => m.text)).toEqual(["言及　花子さんは繁忙期で疲れていると聞いた。"]);

    // Erasing her lists the mention, and afterwards the touchpoint says （消去済み）.
    await page.goto(`${personPath}/erase`);
    await expect(page.getByTestId("mentions")).toContainText("接点の記録");
    await page.getByLabel("本人からの請求").check();
    await page.getByLabel(/確認のため氏名を入力/).fill("言及 花子");
    await shot(page, "key-person-erase-mentions-phone");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "消去する" }).click();
    await expect(page.getByText("記録を消去しました。監査ログに件数が残っています。")).toBeVisible();
    await page.goto("/touchpoints");
    await expect(page.getByText("（消去済み）さんは繁忙期で疲れていると聞いた。ほかの話題。").first()).toBeVisible();
  });
});
