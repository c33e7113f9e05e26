import { chromium } from "playwright";
const base = "http://127.0.0.1:3400";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const [name, vp] of [["kp-desktop", { width: 1280, height: 900 }], ["kp-phone", { width: 375, height: 800 }]]) {
  const p = await b.newPage({ viewport: vp });
  await p.goto(base + "/sign-in");
  await p.getByLabel("メールアドレス").fill("lead@demo.example");
  await p.getByLabel("パスワード").fill("demo-pass-2026");
  await p.getByRole("button", { name: "サインイン" }).click();
  await p.waitForURL(base + "/");
  await p.goto(base + "/key-persons", { waitUntil: "networkidle" });
  const href = await p.locator('main a[href^="/key-persons/"]').nth(3).getAttribute("href");
  await p.goto(base + href, { waitUntil: "networkidle" });
  await p.getByTestId("stance-chart").screenshot({ path: `/tmp/shots/${name}.png` });
  await p.close();
}
await b.close();
