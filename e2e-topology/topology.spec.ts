import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { expect, test, type BrowserContext } from "@playwright/test";
import pg from "pg";
import { login } from "../e2e/fixtures";
import { withAuthenticator } from "../e2e/webauthn";

// Run by scripts/topology.sh: https://localhost:8443 is nginx (TLS, self-signed) in front of two app
// servers on one PostgreSQL, TRUSTED_PROXY_HOPS=1. Tests run in order: the last one stops a server.
test.describe.configure({ mode: "serial" });

const BASE = process.env.TOPOLOGY_URL!;
const SERVERS = (process.env.TOPOLOGY_SERVERS ?? "").split(",");
const COOKIE = "__Secure-next-auth.session-token";

/** A page fetched from one app server directly, as nginx would ask it (no TLS, forwarded headers). */
function fromServer(server: string, path: string, cookie: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, server);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        headers: {
          host: new URL(BASE).host,
          cookie,
          "x-forwarded-proto": "https",
          "x-forwarded-host": new URL(BASE).host,
          "x-forwarded-for": "127.0.0.1",
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function sessionCookie(context: BrowserContext) {
  const c = (await context.cookies()).find((x) => x.name === COOKIE);
  expect(c, "the session cookie is __Secure- prefixed").toBeTruthy();
  return c!;
}

test("a session made through one server works on the other; cookies are Secure and pages send HSTS", async ({ page, context }) => {
  const res = await page.goto("/sign-in");
  expect(res!.headers()["strict-transport-security"]).toContain("max-age=31536000");
  await login(page, "lead@demo.example");
  const cookie = await sessionCookie(context);
  expect(cookie.secure).toBe(true);
  expect(cookie.httpOnly).toBe(true);
  // Both servers accept it, whichever made it.
  for (const server of SERVERS) {
    const answer = await fromServer(server, "/", `${COOKIE}=${cookie.value}`);
    expect(answer.status, server).toBe(200);
    expect(answer.body, server).toContain("今日の仕事");
  }
  // nginx spreads pages over both.
  const upstreams = new Set<string>();
  for (let i = 0; i < 6; i++) upstreams.add((await page.request.get("/api/health")).headers()["x-upstream"]);
  expect(upstreams.size).toBe(2);
});

test("the address allowlist holds behind the proxy, and a forged X-Forwarded-For does not get around it", async ({ page }) => {
  await login(page, "lead@demo.example");
  await page.goto("/settings");
  // Filled before hydration, the field can lose what was typed (a busy run sent ":1/128 …"): wait
  // for the page's scripts, and check the field before saving.
  await page.waitForLoadState("networkidle");
  // Her browser reaches nginx at localhost (::1, or 127.0.0.1): the team is opened to those alone.
  await page.getByLabel(/^接続を許可するネットワーク/).fill("::1/128\n127.0.0.1/32");
  await expect(page.getByLabel(/^接続を許可するネットワーク/)).toHaveValue("::1/128\n127.0.0.1/32");
  await page.locator("form").filter({ hasText: "チーム名" }).getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("保存しました", { exact: false })).toBeVisible();
  const cookie = `${COOKIE}=${(await sessionCookie(page.context())).value}`;
  // From another loopback address (curl binds 127.0.0.5), even claiming to be 127.0.0.1.
  const fromOutside = (path: string) =>
    execFileSync(
      "curl",
      [
        "-sk",
        "--interface",
        "127.0.0.5",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code} %{redirect_url}",
        "-H",
        `Cookie: ${cookie}`,
        "-H",
        "X-Forwarded-For: 127.0.0.1",
        `${BASE}${path}`,
      ],
      { encoding: "utf8" },
    ).trim();
  expect(fromOutside("/key-persons")).toMatch(/^307 .*\/address-refused/);
  expect(fromOutside("/api/key-persons")).toBe("403");
  // She still works from her address; then the team is opened again for the next tests.
  await page.goto("/settings");
  await page.waitForLoadState("networkidle");
  await page.getByLabel(/^接続を許可するネットワーク/).fill("");
  await expect(page.getByLabel(/^接続を許可するネットワーク/)).toHaveValue("");
  await page.locator("form").filter({ hasText: "チーム名" }).getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("保存しました", { exact: false })).toBeVisible();
});

test("a passkey is added and signs in at the host name, over TLS", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ja-JP" });
  const page = await context.newPage();
  await withAuthenticator(context, page);
  await login(page, "mentor@demo.example");
  await page.goto("/account/two-factor");
  await page.getByLabel(/^パスキーの名前/).fill("本番構成のPC");
  await page.getByRole("button", { name: "パスキーを追加" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "保管しました" }).click();
  await expect(page.getByTestId("passkeys")).toContainText("本番構成のPC");
  await context.clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "パスキーでサインイン" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "今日の仕事" })).toBeVisible();
  await context.close();
});

test("a mail job runs once across both servers", async ({ page }) => {
  const to = "junior@demo.example";
  const count = async () =>
    ((await (await fetch(`http://127.0.0.1:3212/messages?to=${encodeURIComponent(to)}`)).json()) as { subject: string }[]).filter((m) =>
      m.subject.includes("パスワードの再設定"),
    ).length;
  await page.goto("/forgot-password");
  await page.getByLabel(/メールアドレス/).fill(to);
  await page.getByRole("button", { name: "再設定のリンクを送る" }).click();
  await expect(page.getByText("再設定のリンクを送りました", { exact: false })).toBeVisible();
  await expect.poll(count, { timeout: 30_000 }).toBe(1);
  // Both servers sweep the outbox every 30 seconds: still one after a sweep has run on each.
  await page.waitForTimeout(35_000);
  expect(await count()).toBe(1);
});

test("a server stopped mid-load loses no acknowledged write", async ({ page }) => {
  await login(page, "lead@demo.example");
  const cookie = `${COOKIE}=${(await sessionCookie(page.context())).value}`;
  const acknowledged: string[] = [];
  const stamp = Date.now().toString(36);
  for (let i = 0; i < 30; i++) {
    if (i === 10) {
      // Server B dies without warning (its whole process group).
      const pid = Number(readFileSync(process.env.TOPOLOGY_KILL_PID_FILE!, "utf8"));
      process.kill(-pid, "SIGKILL");
    }
    const name = `負荷 ${stamp}${String(i).padStart(2, "0")}`;
    const csv = `氏名,種別\n${name},上司\n`;
    const res = await page.request
      .post("/api/import?kind=keyPersons&mode=apply", {
        headers: { cookie, origin: BASE },
        multipart: { file: { name: "one.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
      })
      .catch(() => null);
    if (res?.status() === 200 && (await res.json()).applied) acknowledged.push(name);
  }
  // nginx sends the rest to the server left: almost every write was acknowledged...
  expect(acknowledged.length).toBeGreaterThanOrEqual(28);
  // ...and every acknowledged one is in the database.
  const db = new pg.Client({ connectionString: process.env.TOPOLOGY_DB });
  await db.connect();
  const { rows } = await db.query<{ name: string }>(`SELECT name FROM "KeyPerson" WHERE name = ANY($1)`, [acknowledged]);
  await db.end();
  expect(rows.map((r) => r.name).sort()).toEqual([...acknowledged].sort());
});
