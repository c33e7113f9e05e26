import { expect } from "@playwright/test";
import { checkA11y, PHONE, shot, signInAs, test } from "./fixtures";

test("compose a request with a fallback, copy it, mark declined then fallback accepted, and see thanks owed", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page);
  await page.goto("/requests/new");
  await page.getByPlaceholder("氏名で検索").fill("センター長");
  await page
    .getByRole("button", { name: /センター長/ })
    .first()
    .click();
  await page.getByLabel("何を（具体的に）").fill("出荷課の朝礼で5分間の熱中症予防ミニ講話をさせていただく");
  await expect(page.getByTestId("composer-warnings")).toContainText("期限が入っていません");
  await page.getByLabel("いつまでに").fill("2026-12-10");
  await page.getByLabel("所要時間（分）").first().fill("5");
  await page.getByLabel("理由（〜ので）").fill("この時期は体調不良が増えるので");
  await page.getByLabel("相手にとってのメリット").fill("欠勤の予防につながります");
  await page.getByLabel("負担を減らすために私がすること").fill("資料と進行はすべて私が準備します");
  await page.getByLabel("断られたときの小さな代案（任意）").fill("休憩室に掲示物を1枚貼らせていただく");
  await expect(page.getByTestId("composer-warnings")).toHaveCount(0);
  await expect(page.getByTestId("message-text")).toContainText(
    "この時期は体調不良が増えるので、出荷課の朝礼で5分間の熱中症予防ミニ講話をさせていただけないでしょうか（12月10日まで・5分ほど）。",
  );
  await page.getByRole("button", { name: "文面をコピー" }).click();
  await expect(page.getByRole("button", { name: "コピーしました" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("熱中症予防ミニ講話");
  await shot(page, "request-composer-desktop");

  await page.getByRole("button", { name: "保存して「依頼中」にする" }).click();
  await expect(page.getByRole("heading", { name: "出荷課の朝礼で5分間の熱中症予防ミニ講話をさせていただく" })).toBeVisible();
  await page.getByRole("button", { name: "断られた" }).click();
  await expect(page.getByRole("tab", { name: "代案の文面" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("message-text")).toContainText("休憩室に掲示物を1枚貼らせていただくだけでも難しいでしょうか");
  await page.getByRole("button", { name: "代案を依頼した" }).click();
  await page.getByRole("button", { name: "代案を承諾された" }).click();
  await expect(page.getByText("お礼がまだです")).toBeVisible();
  await expect(page.getByTestId("request-history")).toContainText("代案を承諾いただいた");
  // Each status it entered is the request's own history …
  await expect(page.getByTestId("request-history").getByRole("listitem")).toHaveCount(5);
  await shot(page, "request-detail-desktop");
  // … while the person's touchpoint log holds the one ask (the fallback is part of it).
  await page.locator('main a[href^="/key-persons/"]').first().click();
  const log = page.getByRole("list", { name: "接点" });
  await expect(log.getByText("出荷課の朝礼で5分間の熱中症予防ミニ講話をさせていただく")).toHaveCount(1);
  await expect(log).not.toContainText("代案を承諾いただいた");

  await page.goto("/");
  // Thanks are owed for what was accepted: the fallback, not the declined original ask.
  const owed = page.locator("section").filter({ hasText: "お礼がまだの依頼" });
  await expect(owed).toContainText("休憩室に掲示物を1枚貼らせていただく");
  await expect(owed).not.toContainText("出荷課の朝礼で5分間の熱中症予防ミニ講話をさせていただく");
});

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("correct a request: edit it after sending, take back a mis-tapped answer, delete a draft", async ({ page }) => {
    await signInAs(page);
    await page.goto("/requests/new");
    await page.getByPlaceholder("氏名で検索").fill("センター長");
    await page
      .getByRole("button", { name: /センター長/ })
      .first()
      .click();
    await page.getByLabel("何を（具体的に）").fill("安全衛生ニュースを回覧していただく");
    await page.getByRole("button", { name: "保存して「依頼中」にする" }).click();
    await expect(page.getByRole("heading", { name: "安全衛生ニュースを回覧していただく" })).toBeVisible();

    // Changed after sending: a new version beside what was sent, which the history still shows.
    await page.getByRole("link", { name: "依頼を編集" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "依頼を編集" })).toBeVisible();
    await expect(page.getByText("ここでの変更は新しい版として経過に残り")).toBeVisible();
    await page.getByLabel("何を（具体的に）").fill("安全衛生ニュースを課内で回覧していただく");
    await page.getByLabel("所要時間（分）").first().fill("3");
    await page.getByRole("button", { name: "変更を保存" }).click();
    await expect(page.getByRole("heading", { name: "安全衛生ニュースを課内で回覧していただく" })).toBeVisible();
    const history = page.getByTestId("request-history");
    await expect(history).toContainText("依頼：安全衛生ニュースを回覧していただく");
    const version = page.getByTestId("request-version");
    await expect(version).toContainText("送った後に内容を変えました（第2版");
    await expect(version).toContainText("お願いすること：安全衛生ニュースを回覧していただく → 安全衛生ニュースを課内で回覧していただく");
    await expect(version).toContainText("所要時間：— → 3分");
    await checkA11y(page);
    await shot(page, "request-versions-phone");
    // The person's timeline keeps the ask as it was sent.
    await page.locator('main a[href^="/key-persons/"]').first().click();
    await expect(page.getByRole("list", { name: "接点" }).getByText("安全衛生ニュースを回覧していただく")).toHaveCount(1);
    await page.goBack();

    // 承諾された tapped by mistake: taken back (after a confirmation), kept in the history as undone.
    await page.getByRole("button", { name: "承諾された" }).click();
    await expect(page.getByText("お礼がまだです")).toBeVisible();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "「承諾」を取り消す" }).click();
    await expect(page.getByText("お礼がまだです")).toHaveCount(0);
    await expect(page.getByTestId("request-history")).toContainText("取り消し");
    await page.getByRole("button", { name: "断られた" }).click();
    await expect(page.getByRole("button", { name: "「辞退」を取り消す" })).toBeVisible();
    await checkA11y(page);
    await shot(page, "request-corrected-phone");

    // A draft that will not be sent is deleted.
    await page.goto("/requests/new");
    await page.getByPlaceholder("氏名で検索").fill("センター長");
    await page
      .getByRole("button", { name: /センター長/ })
      .first()
      .click();
    await page.getByLabel("何を（具体的に）").fill("書きかけの依頼（削除する）");
    await page.getByRole("button", { name: "下書きとして保存" }).click();
    await expect(page.getByRole("heading", { name: "書きかけの依頼（削除する）" })).toBeVisible();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "下書きを削除" }).click();
    await expect(page).toHaveURL(/\/requests$/);
    await expect(page.getByText("書きかけの依頼（削除する）")).toHaveCount(0);
  });

  test("a promise made in an accepted request waits on home, dated, until the give that delivers it", async ({ page }) => {
    await signInAs(page);
    await page.goto("/requests/new");
    await page.getByPlaceholder("氏名で検索").fill("センター長");
    await page
      .getByRole("button", { name: /センター長/ })
      .first()
      .click();
    await page.getByLabel("何を（具体的に）").fill("ストレスチェックの集団分析を課内で共有していただく");
    await page.getByLabel("負担を減らすために私がすること").fill("共有用の1枚資料は私が作ります");
    await expect(page.getByText("承諾されると、ここに書いたことが期限つきの「約束」としてホームに出ます。")).toBeVisible();
    await page.getByRole("button", { name: "保存して「依頼中」にする" }).click();
    await page.getByRole("button", { name: "承諾された" }).click();

    // Her part is now a promise with a date (a week ahead: the request had none), which she can move.
    const panel = page.getByTestId("commitment");
    await expect(panel).toContainText("共有用の1枚資料は私が作ります");
    await panel.getByRole("button", { name: "期限を変更" }).click();
    await panel.getByLabel("新しい期限").fill("");
    await panel.getByRole("button", { name: "保存" }).click();
    await expect(panel.getByRole("alert")).toBeVisible();
    await panel.getByLabel("新しい期限").fill("2026-12-24");
    // The day in the app's own words, whatever locale the browser draws its date control in.
    await expect(panel.getByTestId("date-hint")).toHaveText("2026年12月24日木曜日");
    await panel.getByRole("button", { name: "保存" }).click();
    await expect(panel).toContainText("2026年12月24日");
    await checkA11y(page);
    await shot(page, "request-commitment-phone");

    await page.goto("/");
    const promises = page.locator("section").filter({ has: page.getByRole("heading", { name: /あなたの約束/ }) });
    await expect(promises).toContainText("共有用の1枚資料は私が作ります");
    await shot(page, "home-commitments-phone");
    await promises.locator("li").filter({ hasText: "共有用の1枚資料は私が作ります" }).getByRole("link", { name: "届けたら記録" }).click();
    await expect(page.getByText("この記録で約束「共有用の1枚資料は私が作ります」を果たしたことにします")).toBeVisible();
    await expect(page.getByLabel("何があったか")).toHaveValue("共有用の1枚資料は私が作ります");
    await page.getByRole("button", { name: "記録する" }).click();
    await expect(page).toHaveURL(/\/key-persons\//);

    await page.goto("/");
    await expect(page.locator("section").filter({ has: page.getByRole("heading", { name: /あなたの約束/ }) })).not.toContainText(
      "共有用の1枚資料は私が作ります",
    );
  });
});
