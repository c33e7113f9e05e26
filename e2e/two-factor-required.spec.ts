import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { createMember, PHONE, shot, signInAs, test } from "./fixtures";

// Turning on "two-factor required" must leave a team able to work: whoever has no second factor yet
// lands on the enrolment page (never a blank page in a redirect loop), nothing a client sends opens
// another page before she enrols, and once enrolled she has a way on.

/** Every page under app/(app) (all but the enrolment page, in app/(enrol)), as a path (dynamic segments filled with an id that exists nowhere). */
function appPages(): string[] {
  const root = join(process.cwd(), "app", "(app)");
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "page.tsx") {
        const segments = relative(root, dir)
          .split(/[\\/]/)
          .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("_"))
          .map((s) => (s.startsWith("[") ? "x0000000000000000000000000" : s));
        pages.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(root);
  return [...new Set(pages)].sort();
}

/** Counts the app's own requests from now on (page loads, RSC fetches and prefetches). */
function countRequests(page: Page) {
  let n = 0;
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/_next/static")) return;
    n++;
  });
  return () => n;
}

async function expectEnrolmentPage(page: Page, requests: () => number) {
  await expect(page).toHaveURL(/\/account\/two-factor\?required=1/);
  await expect(page.getByRole("heading", { level: 1, name: "2要素認証" })).toBeVisible();
  await expect(page.getByText("このチームでは2要素認証が必須です。", { exact: false })).toBeVisible();
  // Settled: no request storm behind the page (a redirect loop fetched it ~29 times a second).
  const before = requests();
  await page.waitForTimeout(2_000);
  expect(requests() - before).toBeLessThan(6);
}

test("turning on two-factor required at 375 px: admin and member land on enrolment, pages stay shut, enrolling opens them", async ({
  page,
  browser,
}) => {
  await page.setViewportSize(PHONE);
  const admin = await signInAs(page, { role: "ADMIN", newTeam: "二要素 試験チーム" });
  const nurse = await createMember(page, { teamOf: admin.email, role: "NURSE", name: "登録前 なおみ" });

  const adminRequests = countRequests(page);
  await page.goto("/settings");
  await page.getByLabel("全メンバーに2要素認証を必須にする").check();
  await page.locator("form").filter({ hasText: "チーム名" }).getByRole("button", { name: "保存", exact: true }).click();
  await expectEnrolmentPage(page, adminRequests);
  // No navigation to pages that would only send her back.
  await expect(page.getByRole("navigation", { name: "メインナビゲーション" }).getByRole("link")).toHaveCount(0);
  await shot(page, "two-factor-required-admin-phone");

  // The member signs in through the form and lands on the same page.
  const context = await browser.newContext({ locale: "ja-JP", viewport: PHONE });
  const p = await context.newPage();
  const nurseRequests = countRequests(p);
  await p.goto("/sign-in");
  await p.getByLabel(/^メールアドレス\*?$/).fill(nurse.email);
  await p.getByLabel("パスワード").fill(nurse.password);
  await p.getByRole("button", { name: "サインイン", exact: true }).click();
  await expectEnrolmentPage(p, nurseRequests);

  // No header a client can set opens a page before she enrols: every page under (app), asked for as
  // a prefetch with a forged path (as a document and as an RSC payload), renders no page of its own
  // (every page's heading is a text-2xl h1): a document is sent to enrolment (a 307, or the refresh
  // Next streams after a loading state), and a payload carries no page.
  const pages = appPages();
  expect(pages.length).toBeGreaterThan(40);
  for (const path of pages) {
    const forged = { "next-router-prefetch": "1", "x-request-path": "/account/two-factor" };
    const doc = await p.request.get(path, { headers: forged, maxRedirects: 0 });
    const html = await doc.text();
    const location = doc.headers()["location"] ?? "";
    expect(html, path).not.toContain("text-2xl font-bold");
    expect(
      (doc.status() === 307 && location.includes("/account/two-factor?required=1")) ||
        (doc.status() === 200 && html.includes('http-equiv="refresh" content="1;url=/account/two-factor?required=1"')),
      `${path} answered ${doc.status()} ${location}`,
    ).toBe(true);
    expect(doc.headers()["content-security-policy"], path).toContain("script-src");
    const payload = await p.request.get(path, { headers: { ...forged, rsc: "1" } });
    expect(await payload.text(), `${path} as RSC`).not.toContain("text-2xl font-bold");
  }

  // She enrols: recovery codes, then a way on.
  await p.getByRole("button", { name: "認証アプリを登録する" }).click();
  const secret = (await p.getByTestId("totp-secret").textContent())!.trim();
  await p.getByLabel(/^6桁のコード/).fill(new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate());
  await p.getByRole("button", { name: "確認して有効にする" }).click();
  await expect(p.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await p.getByRole("button", { name: "保管しました" }).click();
  await p.getByTestId("continue-after-enrol").click();
  await expect(p.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();
  await shot(p, "two-factor-required-done-phone");
  await context.close();
});
