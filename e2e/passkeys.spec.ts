import { expect } from "@playwright/test";
import { checkA11y, inviteAndJoin, login, shot, signOut, STRONG, test } from "./fixtures";
import { withAuthenticator } from "./webauthn";

// Passkeys with Chromium's virtual authenticator (DevTools protocol). WebAuthn needs a domain, so
// this test opens the app at localhost (WEBAUTHN_ORIGINS in playwright.config.ts).

test("a member adds a passkey, then uses it after her password and instead of it", async ({ page, browser }) => {
  await inviteAndJoin(page, browser, "passkey.e2e@demo.example", "鍵 はるか");
  const context = await browser.newContext({ locale: "ja-JP", baseURL: "http://localhost:3210" });
  const p = await context.newPage();
  await withAuthenticator(context, p);
  await login(p, "passkey.e2e@demo.example", STRONG);
  await p.goto("/account/two-factor");
  await p.getByLabel(/^パスキーの名前/).fill("仕事用PC");
  await p.getByRole("button", { name: "パスキーを追加" }).click();
  // Her first second factor comes with recovery codes, to copy, save or print.
  await expect(p.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const recovery = (await p.getByTestId("recovery-codes").getByRole("listitem").first().textContent())!.trim();
  const download = p.waitForEvent("download");
  await p.getByRole("button", { name: "テキストで保存" }).click();
  expect((await download).suggestedFilename()).toBe("tsunagari-note-recovery-codes.txt");
  await p.getByRole("button", { name: "保管しました" }).click();
  await expect(p.getByTestId("passkeys")).toContainText("仕事用PC");
  await shot(p, "passkeys");
  await checkA11y(p);

  // A passkey is a second factor: after the password, the second step accepts it.
  await signOut(p);
  await p.goto("/sign-in");
  await p.getByLabel(/^メールアドレス/).fill("passkey.e2e@demo.example");
  await p.getByLabel("パスワード").fill(STRONG);
  await p.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(p.getByRole("heading", { name: "2段階目の確認" })).toBeVisible();
  // She has no authenticator app: no code is asked for, the passkey is offered first.
  await expect(p.getByLabel(/^確認コード/)).toHaveCount(0);
  await p.getByRole("button", { name: "パスキーを使う" }).click();
  await expect(p.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();

  // Without the device, one of her recovery codes signs her in instead.
  await signOut(p);
  await p.goto("/sign-in");
  await p.getByLabel(/^メールアドレス/).fill("passkey.e2e@demo.example");
  await p.getByLabel("パスワード").fill(STRONG);
  await p.getByRole("button", { name: "サインイン", exact: true }).click();
  await p.getByRole("button", { name: "リカバリーコードを使う" }).click();
  await p.getByLabel(/^確認コード/).fill(recovery);
  await p.getByRole("button", { name: "確認してサインイン" }).click();
  await expect(p.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();

  // And on its own, without a password.
  await signOut(p);
  await p.goto("/sign-in");
  await p.getByRole("button", { name: "パスキーでサインイン" }).click();
  await expect(p.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();
  await expect(p.getByText("鍵 はるかさん、おつかれさまです。")).toBeVisible();

  // Removing it needs the password; the audit log has both changes.
  await p.goto("/account/two-factor");
  await p.getByTestId("passkeys").getByRole("button", { name: "削除" }).click();
  await p
    .getByTestId("passkeys")
    .getByLabel(/^確認のため/)
    .fill("wrong-password-here");
  await p.getByTestId("passkeys").getByRole("button", { name: "削除" }).last().click();
  await expect(p.getByText("現在のパスワードが正しくありません。")).toBeVisible();
  await p
    .getByTestId("passkeys")
    .getByLabel(/^確認のため/)
    .fill(STRONG);
  await p.getByTestId("passkeys").getByRole("button", { name: "削除" }).last().click();
  await expect(p.getByText("パスキーを削除しました。")).toBeVisible();
  await expect(p.getByText("登録されたパスキーはありません。")).toBeVisible();
  await context.close();
});

test("at an IP address passkeys are not offered, and the page says why (375 px)", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  // The suite's own address is 127.0.0.1: a browser refuses WebAuthn there.
  await page.goto("/sign-in");
  await expect(page.getByTestId("passkey-unavailable")).toHaveText(/IP アドレスで開いたページでは使えません/);
  await expect(page.getByRole("button", { name: "パスキーでサインイン" })).toHaveCount(0);
  await login(page, "junior@demo.example");
  await page.goto("/account/two-factor");
  await expect(page.getByText("パスキーは IP アドレスで開いたページでは使えません", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "パスキーを追加" })).toHaveCount(0);
  await shot(page, "passkeys-unavailable-phone");
});
