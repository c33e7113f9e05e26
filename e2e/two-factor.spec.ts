import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { inviteAndJoin, login, shot, signOut, STRONG, test } from "./fixtures";
// A code for the next 30-second step: the current one was just spent confirming the app.
const nextCode = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + 30_000 });

async function enrolTotp(page: Page): Promise<string> {
  await page.getByRole("button", { name: "認証アプリを登録する" }).click();
  await expect(page.getByRole("img", { name: "認証アプリ登録用のQRコード" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel(/^6桁のコード/).fill("000000");
  await page.getByRole("button", { name: "確認して有効にする" }).click();
  await expect(page.getByText("コードが正しくありません。", { exact: false })).toBeVisible();
  await page.getByLabel(/^6桁のコード/).fill(new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate());
  await page.getByRole("button", { name: "確認して有効にする" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  return secret;
}

async function signInWithCode(page: Page, email: string, secret: string) {
  await page.goto("/sign-in");
  await page.getByLabel(/^メールアドレス\*?$/).fill(email);
  await page.getByLabel("パスワード").fill(email.startsWith("other@") ? "demo-pass-2026" : STRONG);
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByRole("heading", { name: "2段階目の確認" })).toBeVisible();
  await page.getByLabel(/^確認コード/).fill("111111");
  await page.getByRole("button", { name: "確認してサインイン" }).click();
  await expect(page.getByText("コードが正しくありません。")).toBeVisible();
  await page.getByLabel(/^確認コード/).fill(nextCode(secret));
  await page.getByRole("button", { name: "確認してサインイン" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();
}

test("a member turns on an authenticator app and then signs in with its code", async ({ page, browser }) => {
  await inviteAndJoin(page, browser, "totp.e2e@demo.example", "二段 みどり");
  await login(page, "totp.e2e@demo.example", STRONG);
  await page.goto("/account");
  await page.getByRole("link", { name: "2要素認証 →" }).click();
  const secret = await enrolTotp(page);
  await shot(page, "two-factor-recovery-codes");
  await page.getByRole("button", { name: "保管しました" }).click();
  await expect(page.getByText("2要素認証は有効です", { exact: false })).toBeVisible();
  await expect(page.getByText("未使用のリカバリーコード: 10件")).toBeVisible();
  await signOut(page);
  await signInWithCode(page, "totp.e2e@demo.example", secret);
  await shot(page, "two-factor-home");
});

test("when the team requires two-factor, a member without it is walked through enrolling first", async ({ page }) => {
  // The second demo team's admin turns the requirement on for her team.
  await login(page, "other@demo.example");
  await page.goto("/settings");
  await page.getByLabel("全メンバーに2要素認証を必須にする").check();
  await page.locator("form").filter({ hasText: "チーム名" }).getByRole("button", { name: "保存", exact: true }).click();
  // She has no second factor herself: she is taken to enrol at once, and any other page leads back there.
  await expect(page).toHaveURL(/\/account\/two-factor\?required=1/);
  await page.goto("/key-persons");
  await expect(page).toHaveURL(/\/account\/two-factor\?required=1/);
  await expect(page.getByText("このチームでは2要素認証が必須です。", { exact: false })).toBeVisible();
  await shot(page, "two-factor-required");
  const secret = await enrolTotp(page);
  await page.getByRole("button", { name: "保管しました" }).click();
  await page.goto("/key-persons");
  await expect(page.getByRole("heading", { level: 1, name: "キーパーソン" })).toBeVisible();
  await signOut(page);
  await signInWithCode(page, "other@demo.example", secret);

  // Put the demo team back as it was: requirement off, then two-factor off (password required).
  await page.goto("/settings");
  await page.getByLabel("全メンバーに2要素認証を必須にする").uncheck();
  await page.locator("form").filter({ hasText: "チーム名" }).getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("保存しました", { exact: false })).toBeVisible();
  await page.goto("/account/two-factor");
  await page.getByLabel(/^確認のため/).fill("demo-pass-2026");
  await page.getByRole("button", { name: "2要素認証をオフにする" }).click();
  await expect(page.getByText("2要素認証をオフにしました。")).toBeVisible();
  await signOut(page);
  await login(page, "other@demo.example");
});
