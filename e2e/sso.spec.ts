import { expect, type Page } from "@playwright/test";
import { login, shot, signOut, test } from "./fixtures";

// Company sign-in against a real OpenID provider the tests run (e2e/oidc-server.ts). The provider
// signs in whoever the app names; "aud." and "expired." accounts get a tampered ID token.

async function startSso(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel(/^会社のメールアドレス/).fill(email);
  await page.getByRole("button", { name: "会社のアカウントでサインイン" }).click();
}

test("an admin sets up company sign-in; domain users sign in through the identity provider", async ({ page, browser }) => {
  await login(page, "other@demo.example");
  await page.goto("/settings");
  await page.getByRole("link", { name: "SSO" }).click();
  await expect(page.getByTestId("redirect-uri")).toHaveText("http://127.0.0.1:3210/api/sso/callback");
  await page.getByLabel(/^Issuer URL/).fill("http://127.0.0.1:3299");
  await page.getByLabel(/^クライアント ID/).fill("tsunagari-note");
  await page.getByLabel(/^クライアントシークレット/).fill("test-client-secret-0123456789");
  await page.getByLabel(/^対象のメールドメイン/).fill("minato-sso.example");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  // Nothing answers there: the typo is caught when saving.
  await expect(page.getByText("この Issuer URL から OpenID Connect の設定", { exact: false })).toBeVisible();
  await page.getByLabel(/^Issuer URL/).fill("http://127.0.0.1:3213");
  await page.getByLabel("招待のない社員も、初回サインイン時に「保健師」として参加させる").check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("保存しました。ID 基盤に接続できることを確認しました。")).toBeVisible();
  await page.reload();
  await expect(page.getByText("設定済みです。変更するときだけ入力してください", { exact: false })).toBeVisible();
  // Listed is not proved: the domain's people cannot sign in until its DNS carries the team's record.
  const domain = page.getByTestId("sso-domain").filter({ hasText: "minato-sso.example" });
  await expect(domain).toContainText("未確認");
  await page.getByRole("button", { name: "DNS を確認" }).click();
  await expect(domain).toContainText("レコードが見つかりません");
  const name = (await domain.getByTestId("proof-name").textContent())!;
  const value = (await domain.getByTestId("proof-value").textContent())!;
  expect(name).toBe("_tsunagari-note.minato-sso.example");
  await fetch(`http://127.0.0.1:3214/dns?name=${encodeURIComponent(name)}&value=${encodeURIComponent(value)}`, { method: "POST" });
  await page.getByRole("button", { name: "DNS を確認" }).click();
  await expect(domain).toContainText("確認済み");
  await shot(page, "sso-settings");
  await signOut(page);

  // A domain user with no account yet joins as a nurse on her first sign-in.
  const guest = await browser.newContext({ locale: "ja-JP" });
  const p = await guest.newPage();
  let callback = "";
  p.on("request", (r) => {
    if (r.url().includes("/api/sso/callback")) callback = r.url();
  });
  await startSso(p, "kaori@minato-sso.example");
  await expect(p.getByText("IdP kaoriさん、おつかれさまです。")).toBeVisible();
  expect(callback).toContain("code=");
  await guest.close();

  // The same callback replayed in another browser is refused.
  const replay = await browser.newContext({ locale: "ja-JP" });
  const r = await replay.newPage();
  await r.goto(callback);
  await expect(r.getByText("このサインインはすでに使われたか、時間が経ちすぎました。", { exact: false })).toBeVisible();
  await replay.close();

  // A token for another application, an expired token, and an unknown domain: no session.
  for (const [email, text] of [
    ["aud.kaori@minato-sso.example", "会社のアカウントでのサインインを確認できませんでした。"],
    ["expired.kaori@minato-sso.example", "会社のアカウントでのサインインを確認できませんでした。"],
    ["kaori@unknown-company.example", "このメールアドレスのドメインでは、会社のアカウントでのサインインが設定されていません。"],
  ] as const) {
    await startSso(page, email);
    await expect(page.getByText(text)).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
  }
  await shot(page, "sso-refused");

  // The admin sees the new member and the sign-ins in the audit log.
  await login(page, "other@demo.example");
  await page.goto("/settings");
  await expect(page.getByRole("list", { name: "メンバー" })).toContainText("IdP kaori");
  await page.goto("/settings/audit?action=signIn.sso");
  await expect(page.getByTestId("audit-log")).toContainText("signIn.sso");
});
