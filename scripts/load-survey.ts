// The answers after a company-wide talk: N people open the survey page and send their answers, each
// at a random moment within S seconds, against a running server on this machine. Prints how many were
// taken (303) and lost, and p50/p95 of the page and of sending.
//   npm run load:survey                                (500 people, 60 s, the demo survey /s/HEAT349)
//   npm run load:survey -- --people 500 --seconds 60 --code HEAT349 --base http://127.0.0.1:3000
// Only loopback addresses are accepted. The answers stay in that database (the demo survey's results).
import { DEMO_SURVEY_CODE } from "@/lib/demo/seed-data";
import { arg, loopbackBase, percentile } from "./cli";

const people = Number(arg("people", "500"));
const seconds = Number(arg("seconds", "60"));
const code = arg("code", DEMO_SURVEY_CODE);
const base = loopbackBase();
const path = `/s/${code}`;

type Outcome = { page: number; send: number; status: number };

async function person(delay: number, i: number): Promise<Outcome> {
  await new Promise((r) => setTimeout(r, delay));
  const t0 = performance.now();
  const page = await fetch(new URL(path, base));
  await page.text();
  const t1 = performance.now();
  const form = new URLSearchParams({ q0: String(1 + (i % 5)), q1: String(i % 3), q2: String(i % 4) });
  if (i % 7 === 0) form.append("q3", `参考になりました（${i}）`);
  const res = await fetch(new URL(path, base), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  await res.arrayBuffer();
  return { page: t1 - t0, send: performance.now() - t1, status: res.status };
}

async function main() {
  const probe = await fetch(new URL(path, base));
  if (probe.status !== 200) throw new Error(`${path} answered ${probe.status}: is the server running with the demo survey open?`);
  const started = performance.now();
  const outcomes = await Promise.all(Array.from({ length: people }, (_, i) => person(Math.random() * seconds * 1000, i).catch(() => null)));
  const elapsed = (performance.now() - started) / 1000;
  const ok = outcomes.filter((o) => o?.status === 303);
  const pages = ok.map((o) => o!.page).sort((a, b) => a - b);
  const sends = ok.map((o) => o!.send).sort((a, b) => a - b);
  const ms = (v: number) => `${Math.round(v)} ms`;
  console.log(`${people} people within ${seconds} s against ${base.origin}${path} (${elapsed.toFixed(1)} s in all)`);
  console.log(`answers taken: ${ok.length}, lost: ${people - ok.length}`);
  console.log(`answer page   p50 ${ms(percentile(pages, 0.5))}  p95 ${ms(percentile(pages, 0.95))}`);
  console.log(`send answers  p50 ${ms(percentile(sends, 0.5))}  p95 ${ms(percentile(sends, 0.95))}  max ${ms(sends.at(-1) ?? 0)}`);
  const other = outcomes.filter((o) => o && o.status !== 303).map((o) => o!.status);
  if (other.length)
    console.log(`other answers: ${[...new Set(other)].map((s) => `${s} ×${other.filter((x) => x === s).length}`).join(", ")}`);
  if (ok.length < people) process.exitCode = 1;
}

void main();
