import { test as base, errors, expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "demo-pass-2026";
export const PHONE = { width: 375, height: 812 };

export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel(/^メールアドレス\*?$/).fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  teamId: string;
  /** Her password, for a test that signs in through the form. */
  password: string;
}

type MemberOptions = { role?: "ADMIN" | "NURSE"; teamOf?: string; newTeam?: string; name?: string };

/**
 * A new member (POST /api/test/session, on only in browser tests): a nurse, or an admin, of the
 * team `teamOf` belongs to (the demo team by default), or of a new team named `newTeam`. Not signed in.
 */
export async function createMember(page: Page, opts: MemberOptions = {}): Promise<Member & { cookie: { name: string; value: string } }> {
  const res = await page.request.post("/api/test/session", {
    headers: { authorization: `Bearer ${process.env.E2E_SESSION_SECRET}` },
    data: {
      ...(opts.newTeam ? { newTeam: opts.newTeam } : { teamOf: opts.teamOf ?? "lead@demo.example" }),
      role: opts.role ?? "NURSE",
      ...(opts.name ? { name: opts.name } : {}),
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Member & { cookie: { name: string; value: string } };
}

/**
 * Signs the page in as a new member of her own (createMember, then her session cookie). Tests that
 * are not about one demo account's records use this, so no two tests share an account.
 */
export async function signInAs(page: Page, opts: MemberOptions = {}): Promise<Member> {
  const { cookie, ...member } = await createMember(page, opts);
  const origin = new URL(base.info().project.use.baseURL ?? "http://127.0.0.1:3210").origin;
  await page.context().addCookies([{ name: cookie.name, value: cookie.value, url: origin }]);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();
  return member;
}

/** Opens the navigation drawer on narrow screens; a no-op on desktop. */
export async function openMenu(page: Page) {
  const toggle = page.getByRole("button", { name: "メニュー" });
  if (await toggle.isVisible()) await toggle.click();
}

export async function signOut(page: Page) {
  await openMenu(page);
  await page.getByRole("button", { name: "サインアウト" }).click();
  await expect(page.getByText("サインアウトしました。")).toBeVisible();
}

/**
 * A full-page screenshot to look at. Chromium's full-page capture (beyond the viewport) once stalled
 * for the whole test timeout on the chart-heavy dashboard under CI load; when it takes too long, the
 * viewport itself is grown to the page's height and captured plainly, then restored.
 */
export async function shot(page: Page, name: string) {
  const path = `e2e/.screenshots/${name}.png`;
  try {
    await page.screenshot({ path, fullPage: true, timeout: 40_000 });
  } catch (e) {
    const size = page.viewportSize();
    if (!(e instanceof errors.TimeoutError) || !size) throw e;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height: Math.min(height, 16_000) });
    await page.screenshot({ path, timeout: 40_000 });
    await page.setViewportSize(size);
  }
}

/** Runs axe on the page and fails on serious or critical violations. */
export async function checkA11y(page: Page) {
  // Next.js streams a dynamic page's metadata after its content, and replaces the <title> while a
  // navigation or a server action's refresh streams in: judge the page once the network is quiet and
  // it has a title (a page that never gets one still fails, here).
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveTitle(/\S/);
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
  ).toEqual([]);
}

/**
 * Pages this worker already checked with axe (path and query, as landed). A page every journey passes
 * through (home after signing in, the key-person list) is checked once per worker, not after every
 * test: axe takes seconds a page, and those re-checks were minutes of the suite.
 */
const axeChecked = new Set<string>();

/**
 * The suite's test: after each test, every page it visited (by path and query) is opened again and
 * checked with axe, so no page a journey passes through escapes the accessibility check.
 */
export const test = base.extend<{ axeEveryPage: void }>({
  axeEveryPage: [
    async ({ page }, use) => {
      const visited = new Set<string>();
      // A client component whose namespace its area does not provide (lib/i18n/client-namespaces.ts)
      // shows a key instead of text; next-intl reports it on the console.
      const missing: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error" && msg.text().includes("MISSING_MESSAGE"))
          missing.push(`${new URL(page.url()).pathname}: ${msg.text().slice(0, 200)}`);
      });
      page.on("framenavigated", (frame) => {
        if (frame !== page.mainFrame()) return;
        const url = new URL(frame.url());
        if (url.protocol.startsWith("http") && !url.pathname.startsWith("/api/")) visited.add(`${url.pathname}${url.search}`);
      });
      await use();
      const checked = axeChecked;
      for (const path of visited) {
        if (checked.has(path)) continue;
        const res = await page.goto(path).catch(() => null);
        if (!res || !(res.headers()["content-type"] ?? "").includes("text/html")) continue;
        await page.waitForLoadState("load").catch(() => undefined);
        const landed = new URL(page.url());
        const key = `${landed.pathname}${landed.search}`;
        if (checked.has(key)) continue;
        checked.add(key);
        await test.step(`axe ${key}`, () => checkA11y(page));
      }
      expect(missing, "messages missing on the client").toEqual([]);
    },
    // Its own time budget: re-checking a long journey's pages must not eat the journey's.
    { auto: true, timeout: 240_000 },
  ],
});

/** The mail the app sent to `to` through the test's SMTP server (e2e/mail-server.ts), newest last. */
export async function mailTo(to: string, subject: string, timeoutMs = 15_000): Promise<{ subject: string; text: string }> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await fetch(`http://127.0.0.1:3212/messages?to=${encodeURIComponent(to)}`);
    const hits = ((await res.json()) as { subject: string; text: string }[]).filter((m) => m.subject.includes(subject));
    if (hits.length) return hits[hits.length - 1];
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail "${subject}" to ${to}`);
}

/** The first link in a mail that starts with the app's address and path. */
export function linkIn(text: string, path: string): string {
  const m = new RegExp(`http://127\\.0\\.0\\.1:3210${path}[\\w/-]+`).exec(text);
  if (!m) throw new Error(`no ${path} link in the mail`);
  return m[0];
}

/** The password of members the browser tests create. */
export const STRONG = "kaze-no-tayori-7";

/** The lead invites `email` to her team; the invitee joins from the mailed link (refused a common password first). */
export async function inviteAndJoin(page: Page, browser: Browser, email: string, name: string) {
  await login(page, "lead@demo.example");
  await page.goto("/settings");
  // The form submits through its script: clicked before hydration, the browser would send it as a
  // plain GET and reload the page without a word (seen once on a busy run).
  await page.waitForLoadState("networkidle");
  await page.getByLabel("招待する人のメールアドレス").fill(email);
  await page.getByRole("button", { name: "招待リンクを作成" }).click();
  // The message shows once the settings page has refreshed behind it, which a busy run (two spec
  // files at once on a 2-core machine) can take longer than the default 10 s to do.
  await expect(page.getByText(`招待メールを ${email} に送りました`, { exact: false })).toBeVisible({ timeout: 30_000 });
  const mail = await mailTo(email, "への招待");
  expect(mail.text).toContain("保健師");
  const guest = await browser.newContext({ locale: "ja-JP" });
  const p = await guest.newPage();
  await p.goto(linkIn(mail.text, "/invite/"));
  await p.getByLabel("氏名").fill(name);
  await p.getByLabel("パスワード").fill("password1234");
  await p.getByRole("button", { name: "アカウントを作成して参加" }).click();
  await expect(p.getByText("よく使われている、または推測しやすいパスワードです。", { exact: false })).toBeVisible();
  await p.getByLabel("パスワード").fill(STRONG);
  await p.getByRole("button", { name: "アカウントを作成して参加" }).click();
  await expect(p.getByText(`${name}さん、おつかれさまです。`)).toBeVisible();
  await guest.close();
  await signOut(page);
}
