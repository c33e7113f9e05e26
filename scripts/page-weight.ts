// First-load JavaScript per route, measured over the wire (compressed bytes as the browser received
// them, empty cache), in Debian's chromium against a running server on this machine.
//   npm run page-weight -- --base http://127.0.0.1:3000
// Budget: 180 kB for every page a nurse opens daily; the script prints each figure and exits 1 over it.
import { arg, loopbackBase, signedInBrowser } from "./cli";

const BUDGET_KB = 180;
const DAILY = ["/", "/key-persons", "/key-persons/[id]", "/touchpoints", "/touchpoints/new", "/requests", "/requests/[id]", "/requests/new", "/departments", "/initiatives", "/cases"];
const OTHER = ["/map", "/reviews", "/dashboard", "/reports", "/import", "/settings"];

async function main() {
  const base = loopbackBase();
  const { browser, context, page } = await signedInBrowser(base, { width: 1280, height: 900 }, arg("login", "lead@demo.example"), arg("password", "demo-pass-2026"));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  // A record page is measured on the first record its list links to.
  const firstOf = async (list: string) => {
    await page.goto(new URL(list, base).toString(), { waitUntil: "networkidle" });
    const hrefs = await page.locator(`main a[href^="${list}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((h) => new RegExp(`^${list}/[A-Za-z0-9_-]+$`).test(h) && !/\/(new|import|templates)$/.test(h));
    if (!href) throw new Error(`no record linked from ${list}`);
    return href;
  };
  const records = new Map([["/key-persons/[id]", await firstOf("/key-persons")], ["/requests/[id]", await firstOf("/requests")]]);
  let over = 0;
  console.log(`${"route".padEnd(20)} ${"JS kB".padStart(7)}  (compressed, first load, empty cache)`);
  for (const route of [...DAILY, ...OTHER]) {
    await cdp.send("Network.clearBrowserCache");
    const sizes = new Map<string, number>();
    const types = new Map<string, string>();
    const urls = new Map<string, string>();
    const onResponse = (e: { requestId: string; type: string; response: { url: string } }) => {
      types.set(e.requestId, e.type);
      urls.set(e.requestId, e.response.url);
    };
    const onFinished = (e: { requestId: string; encodedDataLength: number }) => sizes.set(e.requestId, e.encodedDataLength);
    cdp.on("Network.responseReceived", onResponse);
    cdp.on("Network.loadingFinished", onFinished);
    await page.goto(new URL(records.get(route) ?? route, base).toString(), { waitUntil: "networkidle" });
    cdp.off("Network.responseReceived", onResponse);
    cdp.off("Network.loadingFinished", onFinished);
    let js = 0;
    const scripts: [string, number][] = [];
    for (const [id, bytes] of sizes) {
      if (types.get(id) !== "Script") continue;
      js += bytes;
      scripts.push([urls.get(id) ?? id, bytes]);
    }
    const kb = js / 1024;
    const daily = DAILY.includes(route);
    if (daily && kb > BUDGET_KB) over++;
    console.log(`${route.padEnd(20)} ${kb.toFixed(0).padStart(7)}${daily ? (kb > BUDGET_KB ? "  over budget" : "") : "  (not daily)"}`);
    // `--detail` lists the largest scripts of each route.
    if (process.argv.includes("--detail")) {
      for (const [url, bytes] of scripts.sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`    ${(bytes / 1024).toFixed(1).padStart(6)} kB  ${new URL(url).pathname}`);
    }
  }
  await browser.close();
  if (over) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
