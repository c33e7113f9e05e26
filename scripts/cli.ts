// Shared by the measuring scripts (load, map frames, page weight): command-line arguments, a base
// URL that must be this machine, percentiles, and signing in through the real page in chromium.
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** `--base`, refused unless it is a server on this machine: these scripts never measure someone else's. */
export function loopbackBase(): URL {
  const base = new URL(arg("base", "http://127.0.0.1:3000"));
  if (!LOOPBACK.has(base.hostname)) {
    console.error(`refusing ${base.hostname}: only a server on this machine (127.0.0.1, localhost, ::1) is measured`);
    process.exit(1);
  }
  return base;
}

/** The value at quantile q of an ascending list (0 when empty). */
export const percentile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] : 0;

/** Debian's chromium, signed in through the sign-in page as `--login` / `--password`. */
export async function signedInBrowser(base: URL, viewport: { width: number; height: number }, login: string, password: string) {
  // Loaded here, not at the top: the bench imports this file for percentiles only.
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(new URL("/sign-in", base).toString());
  await page.getByLabel("メールアドレス").fill(login);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "サインイン", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/");
  return { browser, context, page };
}
