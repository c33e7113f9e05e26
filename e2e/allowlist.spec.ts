import { expect } from "@playwright/test";
import { checkA11y, login, shot, test } from "./fixtures";

// The browser tests' server trusts one proxy hop (TRUSTED_PROXY_HOPS=1), so X-Forwarded-For stands
// for the address a company's load balancer would report.

test("a team open only to its office network: outsiders see a clear page, and the admin cannot shut herself out", async ({ browser }) => {
  const office = await browser.newContext({ locale: "ja-JP", extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.10" } });
  const page = await office.newPage();
  await login(page, "other@demo.example");
  await page.goto("/settings");
  await expect(page.getByText("あなたの現在の接続元: 203.0.113.10", { exact: false })).toBeVisible();
  const allowlist = page.getByLabel("接続を許可するネットワーク（IP アドレスの範囲）");
  const save = page.locator("form").filter({ hasText: "チーム名" }).getByRole("button", { name: "保存", exact: true });
  await allowlist.fill("198.51.100.0/24");
  await save.click();
  await expect(page.getByText("いまの接続元がこの範囲に含まれていません。", { exact: false })).toBeVisible();
  await allowlist.fill("203.0.113.0/24\nnot-a-range");
  await save.click();
  await expect(page.getByText("IP アドレスの範囲の形式が正しくありません", { exact: false })).toBeVisible();
  await allowlist.fill("203.0.113.0/24");
  await save.click();
  await expect(page.getByText("保存しました")).toBeVisible();
  await checkA11y(page);

  // From a café: signed in, but nothing of the team opens.
  const cafe = await browser.newContext({ locale: "ja-JP", extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.5" } });
  const outside = await cafe.newPage();
  await outside.goto("/sign-in");
  await outside.getByLabel(/^メールアドレス/).fill("other@demo.example");
  await outside.getByLabel("パスワード").fill("demo-pass-2026");
  await outside.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(outside.getByRole("heading", { name: "このネットワークからは利用できません" })).toBeVisible();
  await expect(outside.getByText("接続元: 198.51.100.5", { exact: false })).toBeVisible();
  await shot(outside, "address-refused");
  await checkA11y(outside);
  expect((await outside.request.get("/api/key-persons")).status()).toBe(403);
  await outside.goto("/key-persons");
  await expect(outside).toHaveURL(/\/address-refused$/);
  await cafe.close();

  // Back as it was.
  await allowlist.fill("");
  await save.click();
  await expect(page.getByText("保存しました")).toBeVisible();
  await office.close();
});
