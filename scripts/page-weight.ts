// Weight of every page, measured over the wire in Debian's chromium against a running server on this
// machine (empty cache, first load): the JavaScript the document loads (compressed, as received) and
// what it loads later where it is shown (the map's canvas, charts scrolled into view), the HTML
// document (compressed and as read) and the server's time to answer it (median of five).
//   npm run page-weight -- --base http://127.0.0.1:3000 [--detail] [--precise]
// --precise prints JavaScript to the hundredth of a kB, to compare two builds page by page.
// Every page under app/ is measured: a new page is found in the file tree, not added to a list.
// A record page is measured on the first record its list links to; a token page on an unknown token.
// Budget: 180 kB of first-load JavaScript for every page; the script exits 1 over it.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, CDPSession, Page } from "@playwright/test";
import { arg, loopbackBase, percentile, signedInBrowser } from "./cli";

const BUDGET_KB = 180;
const PUBLIC = /^\/(sign-in|forgot-password|address-refused|invite|reset-password|unlock|share)(\/|$)/;

/** Every page's route pattern, from the app directory (route groups dropped). */
function routes(dir = "app", prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isFile()) return e.name === "page.tsx" ? [prefix || "/"] : [];
    if (!e.isDirectory() || e.name.startsWith("_") || e.name === "api") return [];
    return routes(join(dir, e.name), /^\(.*\)$/.test(e.name) ? prefix : `${prefix}/${e.name}`);
  });
}

type Figures = { js: number; lazy: number; htmlWire: number; html: number; serverMs: number; scripts: [string, number][] };

async function measure(page: Page, cdp: CDPSession, url: string): Promise<Figures> {
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
  const response = await page.goto(url, { waitUntil: "networkidle" });
  cdp.off("Network.responseReceived", onResponse);
  cdp.off("Network.loadingFinished", onFinished);
  if (!response) throw new Error(`no response for ${url}`);
  // The server's time: the median of five more requests for the same document, with the same session.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await (await page.request.get(url, { maxRedirects: 0 })).body();
    times.push(performance.now() - started);
  }
  const html = await response.text();
  const figures: Figures = {
    js: 0,
    lazy: 0,
    htmlWire: 0,
    html: Buffer.byteLength(html),
    serverMs: percentile(
      times.sort((a, b) => a - b),
      0.5,
    ),
    scripts: [],
  };
  for (const [id, bytes] of sizes) {
    if (types.get(id) === "Document" && urls.get(id) === response.url()) figures.htmlWire = bytes;
    if (types.get(id) !== "Script") continue;
    // First load is what the document names (its scripts and preloads); the rest is loaded later,
    // where it is shown (the map's canvas, a chart scrolled into view).
    const path = new URL(urls.get(id) ?? "http://x/").pathname;
    const first = html.includes(path);
    if (first) figures.js += bytes;
    else figures.lazy += bytes;
    figures.scripts.push([`${first ? "" : "(later) "}${path}`, bytes]);
  }
  return figures;
}

/** A concrete URL for a route pattern: ids from the links of the nearest list, tokens unknown. */
async function sampleUrl(page: Page, base: URL, route: string, found: Map<string, string>): Promise<string | null> {
  const parts = route.split("/");
  let path = "";
  for (const part of parts.slice(1)) {
    if (part === "[token]") path += `/${"x".repeat(43)}`;
    else if (part === "[id]") {
      if (!found.has(path)) {
        // Members are listed on the settings page, not under their own path.
        const list = path === "/settings/members" ? "/settings" : path;
        await page.goto(new URL(list, base).toString(), { waitUntil: "networkidle" });
        const hrefs = await page.locator(`main a[href^="${path}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
        const id = hrefs
          .map((h) => new RegExp(`^${path}/([A-Za-z0-9_-]+)(?:/|$)`).exec(h)?.[1])
          .find((x) => x && !["new", "import", "templates"].includes(x));
        found.set(path, id ? `${path}/${id}` : "");
      }
      // An empty list (no mail sent yet on a fresh installation) leaves nothing to open.
      if (!found.get(path)) return null;
      path = found.get(path)!;
    } else path += `/${part}`;
  }
  return new URL(path || "/", base).toString();
}

async function main() {
  const base = loopbackBase();
  const { browser, context, page } = await signedInBrowser(
    base,
    { width: 1280, height: 900 },
    arg("login", "lead@demo.example"),
    arg("password", "demo-pass-2026"),
  );
  const guest: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const guestPage = await guest.newPage();
  const cdps = new Map<Page, CDPSession>([
    [page, await context.newCDPSession(page)],
    [guestPage, await guest.newCDPSession(guestPage)],
  ]);
  for (const cdp of cdps.values()) await cdp.send("Network.enable");

  const precise = process.argv.includes("--precise");
  const all = routes().sort();
  const found = new Map<string, string>();
  let over = 0;
  let skipped = 0;
  console.log(
    `${"route".padEnd(36)} ${"JS kB".padStart(6)} ${"later".padStart(6)} ${"HTML kB".padStart(8)} ${"(wire)".padStart(7)} ${"server ms".padStart(10)}`,
  );
  for (const route of all) {
    const p = PUBLIC.test(route) ? guestPage : page;
    const url = await sampleUrl(p, base, route, found);
    if (!url) {
      console.log(`${route.padEnd(36)}   (no record listed to open)`);
      skipped++;
      continue;
    }
    const f = await measure(p, cdps.get(p)!, url);
    const js = f.js / 1024;
    if (js > BUDGET_KB) over++;
    console.log(
      `${route.padEnd(36)} ${js.toFixed(precise ? 2 : 0).padStart(6)} ${(f.lazy / 1024).toFixed(0).padStart(6)} ${(f.html / 1024).toFixed(1).padStart(8)} ${(f.htmlWire / 1024).toFixed(1).padStart(7)} ${f.serverMs.toFixed(0).padStart(10)}${js > BUDGET_KB ? "  over budget" : ""}`,
    );
    // `--detail` lists the largest scripts of each route.
    if (process.argv.includes("--detail")) {
      for (const [path, bytes] of f.scripts.sort((a, b) => b[1] - a[1]).slice(0, 8))
        console.log(`    ${(bytes / 1024).toFixed(1).padStart(6)} kB  ${path}`);
    }
  }
  console.log(
    `${all.length - skipped} of ${all.length} pages measured; budget ${BUDGET_KB} kB of first-load JavaScript${over ? `; ${over} over` : ", all within"}`,
  );
  await browser.close();
  if (over) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
