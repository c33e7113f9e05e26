import { expect } from "@playwright/test";
import { login, openMenu, PHONE, shot, signOut, test } from "./fixtures";

const TEAM = "北辰精機 産業保健チーム";
const OTHER_TEAM = "みなと物流 健康推進室";

test("a signed-out visitor is sent to sign-in, and APIs answer 401", async ({ page, request }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText("lead@demo.example")).toBeVisible();
  expect((await request.get("/api/members")).status()).toBe(401);
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("what is typed before the page's script starts is kept, and an empty form says what is missing", async ({ page }) => {
  // Hold the page's scripts back while the nurse types, as on a slow phone connection.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/sign-in", { waitUntil: "commit" });
  await expect(page.getByRole("button", { name: "サインイン", exact: true })).toBeDisabled();
  await page.getByLabel(/^メールアドレス\*?$/).fill("mentor@demo.example");
  await page.getByLabel("パスワード").fill("demo-pass-2026");
  release();
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();
  expect(page.url()).not.toContain("demo-pass-2026");

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "入力してください" })).toHaveText(
    "メールアドレスとパスワードを入力してください。",
  );
});

test("a wrong password gets a message that does not say whether the email exists", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel(/^メールアドレス\*?$/).fill("lead@demo.example");
  await page.getByLabel("パスワード").fill("wrong-password");
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "正しくありません" })).toHaveText(
    "メールアドレスまたはパスワードが正しくありません。",
  );
  await page.getByLabel(/^メールアドレス\*?$/).fill("nobody@demo.example");
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "正しくありません" })).toHaveText(
    "メールアドレスまたはパスワードが正しくありません。",
  );
});

for (const [email, name, team, role] of [
  ["lead@demo.example", "佐藤 由美", TEAM, "管理者"],
  ["mentor@demo.example", "高橋 恵子", TEAM, "教育担当"],
  ["junior@demo.example", "伊藤 さくら", TEAM, "保健師"],
  ["other@demo.example", "小林 健", OTHER_TEAM, "管理者"],
] as const) {
  test(`${email} signs in to their own team and signs out`, async ({ page }) => {
    await login(page, email);
    await expect(page.getByText(`${name}さん、おつかれさまです。`)).toBeVisible();
    await expect(page.getByText(`${team} · ${role}`)).toBeVisible();
    await page.getByRole("link", { name: "設定" }).click();
    await expect(page.getByRole("heading", { name: "設定", level: 1 })).toBeVisible();
    const members = page.getByRole("list", { name: "メンバー" });
    await expect(members).toContainText(name);
    // Each team sees only its own members.
    if (team === OTHER_TEAM) await expect(members).not.toContainText("佐藤 由美");
    else await expect(members).not.toContainText("小林 健");
    await signOut(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });
}

test("the junior nurse is warned that she asks more than she gives", async ({ page }) => {
  await login(page, "junior@demo.example");
  await expect(page.getByText("依頼が先出し協力より多くなっています。", { exact: false })).toBeVisible();
});

test("language can be switched to English and is remembered", async ({ page }) => {
  await login(page, "mentor@demo.example");
  await page.getByLabel("表示言語").selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
  await page.getByLabel("Language").selectOption("ja");
  await expect(page.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();
});

test("a user of the second team cannot open a first-team URL", async ({ page }) => {
  await login(page, "lead@demo.example");
  await page.getByRole("link", { name: "設定" }).click();
  await page.getByRole("link", { name: "高橋 恵子" }).click();
  await expect(page.getByRole("heading", { name: "高橋 恵子" })).toBeVisible();
  const memberUrl = new URL(page.url()).pathname;
  const memberId = memberUrl.split("/").pop();
  expect((await page.request.get(`/api/members/${memberId}`)).status()).toBe(200);
  await signOut(page);

  await login(page, "other@demo.example");
  const res = await page.goto(memberUrl);
  expect(res?.status()).toBe(404);
  await expect(page.getByText("ページが見つかりません")).toBeVisible();
  expect((await page.request.get(`/api/members/${memberId}`)).status()).toBe(404);
});

test("an admin invites a nurse, who joins with the link", async ({ page, browser }) => {
  await login(page, "lead@demo.example");
  await page.getByRole("link", { name: "設定" }).click();
  await page.getByRole("button", { name: "招待リンクを作成" }).click();
  await expect(page.getByText("入力してください。").first()).toBeVisible();
  await page.getByLabel("招待する人のメールアドレス").fill("hanako@demo.example");
  await page.getByRole("button", { name: "招待リンクを作成" }).click();
  const link = await page.getByTestId("invite-link").inputValue();
  expect(link).toContain("/invite/");

  const guest = await browser.newContext({ locale: "ja-JP" });
  const p2 = await guest.newPage();
  await p2.goto(link);
  await expect(p2.getByText("保健師として招待されています", { exact: false })).toBeVisible();
  await p2.getByRole("button", { name: "アカウントを作成して参加" }).click();
  await expect(p2.getByText("入力してください。").first()).toBeVisible();
  await p2.getByLabel("氏名").fill("新人 花子");
  await expect(p2.getByLabel(/^メールアドレス\*?$/)).toHaveValue("hanako@demo.example");
  await p2.getByLabel("パスワード").fill("short");
  await p2.getByRole("button", { name: "アカウントを作成して参加" }).click();
  await expect(p2.getByText("パスワードは12文字以上にしてください。")).toBeVisible();
  // Long enough but containing the email's name part: refused on the server, with the reason.
  await p2.getByLabel("パスワード").fill("hanako-pass-2026");
  await p2.getByRole("button", { name: "アカウントを作成して参加" }).click();
  await expect(p2.getByText("メールアドレスやチーム名を含むパスワードは使えません。")).toBeVisible();
  await p2.getByLabel("パスワード").fill("sakura-window-river");
  await p2.getByRole("button", { name: "アカウントを作成して参加" }).click();
  await expect(p2.getByText("新人 花子さん、おつかれさまです。")).toBeVisible();
  await guest.close();

  await page.reload();
  await expect(page.getByRole("list", { name: "メンバー" })).toContainText("新人 花子");

  // A link addressed to someone else does nothing for a signed-in member: no join button.
  await page.getByLabel("招待する人のメールアドレス").fill("someone@demo.example");
  await page.locator("form").filter({ hasText: "招待リンクを作成" }).getByLabel("役割").selectOption("ADMIN");
  await page.getByRole("button", { name: "招待リンクを作成" }).click();
  const adminLink = await page.getByTestId("invite-link").inputValue();
  const nurse = await browser.newContext({ locale: "ja-JP" });
  const p3 = await nurse.newPage();
  await login(p3, "junior@demo.example");
  await p3.goto(adminLink);
  await expect(p3.getByText("この招待は someone@demo.example 宛てです", { exact: false })).toBeVisible();
  await expect(p3.getByRole("button", { name: /として参加する/ })).toHaveCount(0);
  await nurse.close();
});

test.describe("phone width", () => {
  test.use({ viewport: PHONE });

  test("sign in, open the menu, see settings, and take screenshots", async ({ page }) => {
    await page.goto("/sign-in");
    await shot(page, "sign-in-phone");
    await login(page, "lead@demo.example");
    await shot(page, "home-phone");
    await openMenu(page);
    await shot(page, "menu-phone");
    await page.getByRole("link", { name: "設定" }).click();
    await expect(page.getByRole("heading", { name: "設定", level: 1 })).toBeVisible();
    await expect(page.getByRole("list", { name: "メンバー" })).toContainText("高橋 恵子");
    await shot(page, "settings-phone");
  });
});

test("desktop screenshots", async ({ page }) => {
  await page.goto("/sign-in");
  await shot(page, "sign-in-desktop");
  await login(page, "lead@demo.example");
  await shot(page, "home-desktop");
  await page.getByRole("link", { name: "設定" }).click();
  await expect(page.getByRole("list", { name: "メンバー" })).toContainText("高橋 恵子");
  await shot(page, "settings-desktop");
});
