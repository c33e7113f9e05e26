// Frame timing of the relationship map while panning and zooming, in Debian's chromium, against a
// server running on this machine (loopback only). Prints how many people were on screen, the time
// until the map showed, and frame times (median, p95, worst) during the gestures.
//   npm run bench:map -- --base http://127.0.0.1:3300 --login nurse7@bench.example --password bench-pass-2026
// Against the bench database (`npm run bench` seeds it) the whole-team scope shows the map's limit
// of 500 people in ~300 department boxes.
import { arg, loopbackBase, percentile, signedInBrowser } from "./cli";

const base = loopbackBase();
const login = arg("login", "lead@demo.example");
const password = arg("password", "demo-pass-2026");
const path = arg("path", "/map?scope=team");

async function main() {
  const { browser, page } = await signedInBrowser(base, { width: 1440, height: 900 }, login, password);
  const started = performance.now();
  await page.goto(new URL(path, base).toString());
  await page.locator(".react-flow__node-person").first().waitFor();
  const shown = performance.now() - started;
  await page.waitForTimeout(1000);
  const people = await page.locator(".react-flow__node-person").count();
  const box = (await page.locator(".react-flow").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // A string, not a function: the TypeScript runner would wrap a function with helpers the page lacks.
  await page.evaluate(
    "window.__frames = []; (function tick(t) { window.__frames.push(t); requestAnimationFrame(tick); })(performance.now())",
  );
  // Zoom in step by step, pan around, zoom back out: the gestures a reader makes.
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(50);
  }
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 30; i++) await page.mouse.move(cx - i * 12, cy - i * 6, { steps: 1 });
    await page.mouse.up();
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 30; i++) await page.mouse.move(cx + i * 12, cy + i * 6, { steps: 1 });
    await page.mouse.up();
  }
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
  }
  const frames = (await page.evaluate("window.__frames")) as number[];
  const deltas = frames
    .slice(1)
    .map((t, i) => t - frames[i])
    .sort((a, b) => a - b);
  const seconds = (frames.at(-1)! - frames[0]) / 1000;
  console.log(`${path}: ${people} people rendered, map shown ${shown.toFixed(0)} ms after navigation`);
  console.log(
    `pan and zoom: ${deltas.length} frames in ${seconds.toFixed(1)} s (${(deltas.length / seconds).toFixed(0)} fps), frame time median ${percentile(deltas, 0.5).toFixed(1)} ms, p95 ${percentile(deltas, 0.95).toFixed(1)} ms, worst ${deltas.at(-1)!.toFixed(1)} ms, frames over 50 ms: ${deltas.filter((d) => d > 50).length}`,
  );
  await browser.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
