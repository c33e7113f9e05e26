import { expect } from "@playwright/test";
import { login, PASSWORD, signOut, test } from "./fixtures";

test("another nurse's touchpoint edit page answers 403, not an error", async ({ page }) => {
  await login(page, "mentor@demo.example");
  await page.goto("/touchpoints");
  const href = await page.locator('a[href$="/edit"][href^="/touchpoints/"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  await signOut(page);
  await login(page, "junior@demo.example");
  const res = await page.goto(href!);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "権限がありません" })).toBeVisible();
});

test("the browser's own requests find the site's icon, signed out", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  // An ICO directory: reserved 0, type 1 (icon), at least one image.
  const body = await icon.body();
  expect([body.readUInt16LE(0), body.readUInt16LE(2)]).toEqual([0, 1]);
  expect(body.readUInt16LE(4)).toBeGreaterThan(0);
});

test("sign-in never redirects off the site", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=/%5Cevil.example/x");
  await page.getByLabel(/^メールアドレス\*?$/).fill("junior@demo.example");
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();
  expect(new URL(page.url()).host).toBe("127.0.0.1:3210");
});

test("a search for a wildcard character finds it literally; an over-long search says so", async ({ page }) => {
  await login(page, "lead@demo.example");
  await page.goto("/key-persons?q=%25");
  // Nobody's name holds "%": before, it was a wildcard and listed everyone.
  await expect(page.getByText("条件に合うキーパーソンはいません。")).toBeVisible();
  await page.goto(`/key-persons?q=${"あ".repeat(101)}`);
  await expect(page.getByText("検索語が長すぎます（100文字まで）。短くしてください。")).toBeVisible();
});

test("after sign-out the old session cookie no longer works, on any device", async ({ page, browser }) => {
  await login(page, "junior@demo.example");
  const cookies = await page.context().cookies();
  const other = await browser.newContext();
  await other.addCookies(cookies);
  expect((await other.request.get("/api/key-persons")).status()).toBe(200);
  await signOut(page);
  // The copied cookie (another device, or a stolen one) is refused now.
  expect((await other.request.get("/api/key-persons")).status()).toBe(401);
  // That device, opening a page, lands on sign-in told why.
  const device = await other.newPage();
  await device.goto("/key-persons");
  await expect(device.getByTestId("session-ended")).toContainText("この端末のサインインは終了しています");
  await other.close();
});

test("pages carry a nonce-based CSP and a Permissions-Policy, and run without CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/sign-in");
  const csp = res?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res?.headers()["permissions-policy"]).toContain("camera=()");
  await login(page, "lead@demo.example");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "成果ダッシュボード" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("report downloads answer 404 to another team and the audit export 403 to a junior", async ({ page, browser }) => {
  await login(page, "lead@demo.example");
  await page.goto("/reports");
  const href = await page.getByRole("list", { name: "成果レポート" }).getByRole("link").first().getAttribute("href");
  const reportId = href!.split("/").pop()!;
  expect((await page.request.get(`/api/reports/${reportId}/pdf`)).status()).toBe(200);

  const outsider = await browser.newContext({ locale: "ja-JP" });
  const p2 = await outsider.newPage();
  await login(p2, "other@demo.example");
  for (const fmt of ["pdf", "xlsx", "csv"]) expect((await p2.request.get(`/api/reports/${reportId}/${fmt}`)).status()).toBe(404);
  expect((await p2.goto(`/reports/${reportId}`))?.status()).toBe(404);
  await outsider.close();

  const junior = await browser.newContext({ locale: "ja-JP" });
  const p3 = await junior.newPage();
  await login(p3, "junior@demo.example");
  expect((await p3.request.get("/api/audit/export")).status()).toBe(403);
  await junior.close();
});

test("imports answer 400 with a clear message for a broken upload or a file that is not a CSV", async ({ page }) => {
  await login(page, "lead@demo.example");
  const broken = await page.request.post("/api/import?kind=keyPersons&mode=preview", {
    headers: { "Content-Type": "multipart/form-data; boundary=----x" },
    data: '------x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nno end',
  });
  expect(broken.status()).toBe(400);
  expect((await broken.json()).message).toBe("badUpload");
  const xlsx = Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000", "latin1"), Buffer.alloc(64, 0)]);
  const binary = await page.request.post("/api/import?kind=keyPersons&mode=preview", {
    multipart: {
      file: { name: "people.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: xlsx },
    },
  });
  expect(binary.status()).toBe(400);
  expect((await binary.json()).message).toBe("notCsv");
});

test("the outbox and SSO settings: a junior gets 403, another team's admin gets 404 for a mail", async ({ page }) => {
  await login(page, "lead@demo.example");
  await page.goto("/settings");
  await page.getByRole("list", { name: "メンバー" }).getByRole("link", { name: /伊藤/ }).first().click();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "パスワード再設定リンクを発行" }).click();
  await expect(page.getByTestId("reset-link")).toBeVisible();
  await page.goto("/settings/mail");
  const href = await page.getByTestId("outbox").getByRole("link", { name: "本文を見る" }).first().getAttribute("href");
  expect(href).toMatch(/^\/settings\/mail\/\w+$/);
  await signOut(page);

  await login(page, "junior@demo.example");
  for (const path of ["/settings/mail", "/settings/sso", href!]) expect((await page.goto(path))?.status()).toBe(403);
  await signOut(page);

  await login(page, "other@demo.example");
  expect((await page.goto(href!))?.status()).toBe(404);
  expect((await page.goto("/settings/mail"))?.status()).toBe(200);
});
