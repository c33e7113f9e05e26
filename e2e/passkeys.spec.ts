import { expect, type BrowserContext, type Page } from "@playwright/test";
import { checkA11y, inviteAndJoin, login, shot, signOut, STRONG, test } from "./fixtures";

// Passkeys with Chromium's virtual authenticator (DevTools protocol). WebAuthn needs a domain, so
// this test opens the app at localhost (WEBAUTHN_ORIGINS in playwright.config.ts).

async function withAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

test("a member adds a passkey, then uses it after her password and instead of it", async ({ page, browser }) => {
  await inviteAndJoin(page, browser, "passkey.e2e@demo.example", "鍵 はるか");
  const context = await browser.newContext({ locale: "ja-JP", baseURL: "http://localhost:3210" });
  const p = await context.newPage();
  await withAuthenticator(context, p);
  await login(p, "passkey.e2e@demo.example", STRONG);
  await p.goto("/account/two-factor");
  await p.getByLabel(/^パスキーの名前/).fill("仕事用PC");
  await p.getByRole("button", { name: "パスキーを追加" }).click();
  await expect(p.getByText("パスキーを登録しました。")).toBeVisible();
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
  await p.getByRole("button", { name: "パスキーを使う" }).click();
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
