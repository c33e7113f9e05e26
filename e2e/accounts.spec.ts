import { expect } from "@playwright/test";
import { checkA11y, inviteAndJoin, linkIn, login, mailTo, shot, STRONG, test, PHONE } from "./fixtures";

// Accounts through the real mail path: the app sends to the test's SMTP server (e2e/mail-server.ts),
// and each step follows the link in the mail that arrived there.

const NEWER = "umi-ni-hikaru-michi";

test("a forgotten password is reset with the link that arrives by mail; the link works once", async ({ page, browser }) => {
  await inviteAndJoin(page, browser, "forgot.e2e@demo.example", "忘却 さくら");
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "パスワードを忘れた場合" }).click();
  await expect(page.getByRole("heading", { name: "パスワードの再設定" })).toBeVisible();
  await shot(page, "forgot-password");
  await page.getByLabel(/^メールアドレス\*?$/).fill("forgot.e2e@demo.example");
  await page.getByRole("button", { name: "再設定のリンクを送る" }).click();
  await expect(page.getByText("入力されたアドレスが登録されていれば", { exact: false })).toBeVisible();
  // An unknown address gets exactly the same answer.
  await page.goto("/forgot-password");
  await page.getByLabel(/^メールアドレス\*?$/).fill("nobody.e2e@demo.example");
  await page.getByRole("button", { name: "再設定のリンクを送る" }).click();
  await expect(page.getByText("入力されたアドレスが登録されていれば", { exact: false })).toBeVisible();

  const mail = await mailTo("forgot.e2e@demo.example", "パスワードの再設定");
  expect(mail.text).toContain("30分間");
  const link = linkIn(mail.text, "/reset-password/");
  await page.goto(link);
  await expect(page.getByText("forgot.e2e@demo.example の新しいパスワード", { exact: false })).toBeVisible();
  await page.getByLabel(/^新しいパスワード\*?$/).fill(NEWER);
  await page.getByLabel("新しいパスワード（確認）").fill("something-else-entirely");
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page.getByText("確認用のパスワードが一致しません。")).toBeVisible();
  await page.getByLabel("新しいパスワード（確認）").fill(NEWER);
  await shot(page, "reset-password");
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page.getByText("パスワードを設定しました。", { exact: false })).toBeVisible();
  expect((await mailTo("forgot.e2e@demo.example", "パスワードが変更されました")).text).toContain("忘却 さくら");

  await page.goto(link);
  await expect(page.getByText("このリンクはすでに使われています。")).toBeVisible();
  await login(page, "forgot.e2e@demo.example", NEWER);
});

test("a member changes her password and signs out her other devices", async ({ page, browser }) => {
  await inviteAndJoin(page, browser, "change.e2e@demo.example", "変更 ゆり");
  const phone = await browser.newContext({
    locale: "ja-JP",
    viewport: PHONE,
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
  });
  const onPhone = await phone.newPage();
  await login(onPhone, "change.e2e@demo.example", STRONG);
  await login(page, "change.e2e@demo.example", STRONG);

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "アカウントとセキュリティ" })).toBeVisible();
  const sessions = page.getByTestId("sessions");
  // Here, the phone, and the browser she joined with.
  await expect(sessions.getByRole("listitem")).toHaveCount(3);
  await expect(sessions).toContainText("Safari 18 / iPhone 18.0");
  await expect(sessions).toContainText("この端末");
  await shot(page, "account");

  await page.getByLabel("現在のパスワード").fill("not-my-password-at-all");
  await page.getByLabel(/^新しいパスワード\*?$/).fill(NEWER);
  await page.getByLabel("新しいパスワード（確認）").fill(NEWER);
  await page.getByRole("button", { name: "パスワードを変更する" }).click();
  await expect(page.getByText("現在のパスワードが正しくありません。")).toBeVisible();
  await page.getByLabel("現在のパスワード").fill(STRONG);
  await page.getByRole("button", { name: "パスワードを変更する" }).click();
  await expect(page.getByText("パスワードを変更しました。", { exact: false })).toBeVisible();
  // This device stays signed in; the phone is signed out.
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  expect((await onPhone.request.get("/api/key-persons")).status()).toBe(401);
  await page.reload();
  await expect(page.getByRole("heading", { name: "アカウントとセキュリティ" })).toBeVisible();

  // Sign in on the phone again, then end that session from here.
  await login(onPhone, "change.e2e@demo.example", NEWER);
  await page.reload();
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "サインアウトさせる" }).click();
  await expect(page.getByText("サインアウトさせました。")).toBeVisible();
  expect((await onPhone.request.get("/api/key-persons")).status()).toBe(401);

  await onPhone.goto("/sign-in");
  await login(onPhone, "change.e2e@demo.example", NEWER);
  await onPhone.goto("/account");
  await shot(onPhone, "account-phone");
  await checkA11y(onPhone);
  await phone.close();
});

test("failed sign-ins lock the account; the holder is told by mail and lifts the lock with its link", async ({ page, browser }) => {
  await inviteAndJoin(page, browser, "locked.e2e@demo.example", "施錠 あや");
  for (let i = 0; i < 5; i++) {
    await page.goto("/sign-in");
    await page.getByLabel(/^メールアドレス\*?$/).fill("locked.e2e@demo.example");
    await page.getByLabel("パスワード").fill(`wrong-guess-${i}`);
    await page.getByRole("button", { name: "サインイン", exact: true }).click();
    await expect(page.getByText(/メールアドレスまたはパスワードが正しくありません。|一時的にロックしています/)).toBeVisible();
  }
  await page.getByLabel("パスワード").fill(STRONG);
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByText("一時的にロックしています", { exact: false })).toBeVisible();

  const mail = await mailTo("locked.e2e@demo.example", "サインインを一時的に止めました");
  await page.goto(linkIn(mail.text, "/unlock/"));
  await expect(page.getByText("locked.e2e@demo.example のサインインのロックを解除します。")).toBeVisible();
  await page.getByRole("button", { name: "ロックを解除する" }).click();
  await expect(page.getByText("ロックを解除しました。", { exact: false })).toBeVisible();
  await login(page, "locked.e2e@demo.example", STRONG);
});

test("an admin issues a reset link for a member and reads the team's outbox", async ({ page }) => {
  await login(page, "lead@demo.example");
  await page.goto("/settings");
  await page.getByRole("list", { name: "メンバー" }).getByRole("link", { name: /高橋/ }).first().click();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "パスワード再設定リンクを発行" }).click();
  await expect(page.getByText("再設定リンクを発行し、本人にメールしました。", { exact: false })).toBeVisible();
  const link = await page.getByTestId("reset-link").inputValue();
  expect(link).toMatch(/\/reset-password\/[\w-]+$/);

  await page.goto("/settings");
  await page.getByRole("link", { name: "メール送信" }).click();
  await expect(page.getByRole("heading", { name: "メール送信", level: 1 })).toBeVisible();
  const outbox = page.getByTestId("outbox");
  // In the member's language: another spec may have switched 高橋 to English meanwhile.
  await expect(outbox).toContainText(/パスワードの再設定（管理者から）|Reset your password \(from your admin\)/);
  await expect(outbox).not.toContainText("lead@demo.example");
  await expect(outbox.getByText("送信済み").first()).toBeVisible();
  await shot(page, "outbox");
  // A delivered mail keeps no body (its link would be a secret left lying around).
  await outbox.getByRole("link", { name: "本文を見る" }).first().click();
  await expect(page.getByText("送信済みのため本文は残していません。")).toBeVisible();
});

test("security review findings: foreign origins, malformed paths, and cache headers", async ({ page }) => {
  await login(page, "lead@demo.example");
  const foreign = await page.request.post("/api/import", {
    headers: { Origin: "https://evil.example" },
    multipart: { kind: "people", file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("name\nx\n") } },
  });
  expect(foreign.status()).toBe(403);
  expect((await page.request.get("/api/auth/callback/credentials")).status()).toBe(404);
  expect((await page.request.get("/key-persons/%ED%A0%80")).status()).toBe(400);
  // An API path that is not valid UTF-8 is a bad request too, not a server error.
  for (const path of ["/api/cases/%ED%A0%80/disclosure", "/api/key-persons/%ED%A0%80"])
    expect((await page.request.get(path)).status(), path).toBe(400);
  const api = await page.request.get("/api/key-persons");
  expect(api.status()).toBe(200);
  expect(api.headers()["cache-control"]).toContain("no-store");
});
