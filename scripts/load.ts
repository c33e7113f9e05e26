// A bounded load test against a running server on this machine: N users sign in for real, then
// each opens the page mix a nurse opens in a day, back to back, for M seconds. Prints requests per
// second, p50/p95 latency per path and overall, and errors.
//   npm run load                                   (10 users, 30 s, http://127.0.0.1:3000, demo logins)
//   npm run load -- --users 50 --seconds 60 --base http://127.0.0.1:3000
//   npm run load -- --logins nurse{n}@bench.example --password … --accounts 50   (the bench database)
//   npm run load -- --paths /api/me,/settings      (only these paths instead of the day's mix)
//   npm run load -- --floor                        (and, in the same run, a bare Next.js app of our
//                                                   versions: the framework floor, scripts/perf-floor)
// Only loopback addresses are accepted: this is for measuring your own server, never someone else's.
import { existsSync, readFileSync } from "node:fs";
import { authSecretFile } from "@/lib/auth/secret";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/seed-data";
import { getEnv } from "@/lib/env";
import { arg, loopbackBase, percentile } from "./cli";
import { startFloor, type Floor } from "./perf-floor/floor";

const DAY_MIX = [
  "/",
  "/key-persons",
  "/api/key-persons?page=1",
  "/touchpoints",
  "/requests",
  "/key-persons?stance=NEUTRAL&sort=lastContactAt",
];
// A single path measured alone tells what one page costs, and what the cheapest signed-in answer
// costs tells the floor a process cannot go under.
const paths = arg("paths", "");
const MIX = paths ? paths.split(",").filter((p) => p.startsWith("/")) : DAY_MIX;

const users = Number(arg("users", "10"));
const seconds = Number(arg("seconds", "30"));
const base = loopbackBase();
const password = arg("password", DEMO_PASSWORD);
const loginPattern = arg("logins", "");
const accounts = Number(arg("accounts", "50"));
const demoLogins = Object.entries(DEMO_USERS)
  .filter(([k]) => k !== "other")
  .map(([, u]) => u.email);
const loginFor = (i: number) =>
  loginPattern ? loginPattern.replace("{n}", String((i % accounts) + 1)) : demoLogins[i % demoLogins.length];

class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

async function signIn(email: string): Promise<Jar> {
  const jar = new Jar();
  const csrfRes = await fetch(new URL("/api/auth/csrf", base));
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(new URL("/api/auth/callback/credentials", base), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar.take(res);
  if (!/session-token=/.test(jar.header())) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return jar;
}

type Sample = { path: string; ms: number; ok: boolean };

/** One user's requests, back to back, until `until`: `paths` in turn, each with her cookies when she has any. */
async function user(i: number, origin: URL, paths: string[], jar: Jar | null, until: number, samples: Sample[]) {
  for (let n = i; Date.now() < until; n++) {
    const path = paths[n % paths.length];
    const start = performance.now();
    let ok = false;
    try {
      const res = await fetch(new URL(path, origin), { headers: jar ? { cookie: jar.header() } : {}, redirect: "manual" });
      await res.arrayBuffer();
      ok = res.status === 200;
    } catch {
      ok = false;
    }
    samples.push({ path, ms: performance.now() - start, ok });
  }
}

/** `users` users on `paths` for `seconds`: every sample, and the seconds it took. */
async function phase(origin: URL, paths: string[], jars: (Jar | null)[]) {
  const samples: Sample[] = [];
  const started = Date.now();
  const until = started + seconds * 1000;
  await Promise.all(jars.map((jar, i) => user(i, origin, paths, jar, until, samples)));
  return { samples, elapsed: (Date.now() - started) / 1000 };
}

const row = (label: string, mine: Sample[], extra = "") => {
  const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
  return `${label.padEnd(44)} ${String(mine.length).padStart(6)} ${percentile(ms, 0.5).toFixed(0).padStart(8)} ${percentile(ms, 0.95).toFixed(0).padStart(8)} ${String(mine.filter((s) => !s.ok).length).padStart(7)}${extra}`;
};
/** The bare app's pages (scripts/perf-floor); /plain is what our share is of. */
const FLOOR_PAGES = [
  { path: "/plain", label: "dynamic page (reads a cookie)", signedIn: false },
  { path: "/list", label: "50-row table, client component a row", signedIn: false },
  { path: "/session", label: "signed-in: nonce, session, one statement", signedIn: true },
];

/** The secret our server signs sessions with (as lib/auth/secret.ts finds it, never creating one). */
function sessionSecret(): string {
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = authSecretFile();
  return existsSync(file) ? readFileSync(file, "utf8").trim() : "";
}
const HEADER = `${"path".padEnd(44)} ${"count".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"errors".padStart(7)}`;

async function main() {
  if (!(users >= 1 && users <= 500 && seconds >= 1 && seconds <= 600)) throw new Error("--users 1..500, --seconds 1..600");
  if (MIX.length === 0) throw new Error("--paths: comma-separated paths, each starting with /");
  const health = await fetch(new URL("/api/health", base)).catch(() => null);
  if (!health?.ok) throw new Error(`no healthy server at ${base.origin} (start it first: npm start)`);
  const signedIn = await Promise.allSettled(Array.from({ length: users }, (_, i) => signIn(loginFor(i))));
  const failedUsers = signedIn.filter((r) => r.status === "rejected");
  for (const f of failedUsers.slice(0, 3)) console.error(String((f as PromiseRejectedResult).reason));
  const jars = signedIn.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  let failed = failedUsers.length > 0;

  const floor: Floor | null = process.argv.includes("--floor")
    ? await startFloor(console.error, { secret: sessionSecret(), databaseUrl: getEnv().DATABASE_URL })
    : null;
  try {
    // With the floor: two rounds, the bare pages and ours interleaved, because this machine is noisy
    // and only figures from one run compare. Without it: one round of ours.
    for (let round = 1; round <= (floor ? 2 : 1); round++) {
      let bare = 0;
      if (floor) {
        console.log(`round ${round}: the framework floor, ${users} users, ${seconds} s each (/session with our users' cookies)`);
        console.log(HEADER);
        for (const { path, label, signedIn } of FLOOR_PAGES) {
          const { samples, elapsed } = await phase(floor.origin, [path], signedIn ? jars : Array.from({ length: users }, () => null));
          const rate = samples.length / elapsed;
          if (path === "/plain") bare = rate;
          console.log(row(`bare ${label}`, samples, `  ${rate.toFixed(1)} req/s`));
        }
      }
      const { samples, elapsed } = await phase(base, MIX, jars);
      const rate = samples.length / elapsed;
      const share = floor ? ` (${((rate / bare) * 100).toFixed(0)} % of the bare dynamic page)` : "";
      console.log(
        `${floor ? `round ${round}: ` : ""}${jars.length} users, ${seconds} s, ${base.origin}: ${samples.length} requests, ${rate.toFixed(1)} req/s${share}, ${samples.filter((s) => !s.ok).length} errors, ${failedUsers.length} users could not sign in`,
      );
      console.log(HEADER);
      for (const path of [...MIX, "all"])
        console.log(
          row(
            path,
            samples.filter((s) => path === "all" || s.path === path),
          ),
        );
      failed ||= samples.some((s) => !s.ok);
    }
  } finally {
    await floor?.stop();
  }
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
