// Where a CPU profile's time went: self time by package (or the app's own code) and by function.
//   node --cpu-prof --cpu-prof-dir=profiles node_modules/.bin/next start …   (then load it, stop it)
//   npm run profile-summary -- profiles/CPU.…cpuprofile [--top 25] [--last SECONDS] [--requests N]
// --last keeps only the samples of the profile's last SECONDS (the load, not the server's start);
// --requests N (what wrk served meanwhile) adds milliseconds per request, to set beside a bare app's.
import { readFileSync } from "node:fs";
import { arg } from "./cli";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** "react-dom", "next", "@prisma/client", "(app)" for the project's own code, "(node)" for Node itself, "(WebAssembly)". */
export function ownerOf(url: string): string {
  if (!url) return "(native)";
  if (url.startsWith("node:")) return "(node)";
  // PGlite's PostgreSQL and Prisma's query compiler run as WebAssembly, named by a hash only: never
  // the app's own code.
  if (url.startsWith("wasm://")) return "(WebAssembly)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next.js ships React and other libraries compiled inside it.
    const compiled = /next\/dist\/compiled\/([^/]+)/.exec(url);
    return compiled ? `next (compiled ${compiled[1]})` : pkg;
  }
  if (url.includes("/.next/server/")) return "(app, compiled)";
  return "(app)";
}

function main() {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run profile-summary -- FILE.cpuprofile [--top 25]");
  const top = Number(arg("top", "25"));
  const last = Number(arg("last", "0")) * 1e6;
  const requests = Number(arg("requests", "0"));
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // Sample i was taken at startTime + the sum of the deltas up to it.
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (last && at < profile.endTime - last) return;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id)!;
    const name = callFrame.functionName || "(anonymous)";
    if (name === "(idle)" || name === "(program)" || name === "(garbage collector)") {
      byOwner.set(name, (byOwner.get(name) ?? 0) + us);
      continue;
    }
    const owner = ownerOf(callFrame.url);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const key = `${name}  ${owner}${owner.startsWith("(app") ? ` ${callFrame.url.split("/").slice(-2).join("/")}:${callFrame.lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const perRequest = (us: number) => (requests ? `  ${(us / 1000 / requests).toFixed(2).padStart(6)} ms/req` : "");
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %${perRequest(us)}`;
  const busy = total - (byOwner.get("(idle)") ?? 0);
  console.log(`profile: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy${perRequest(busy)}`);
  console.log("\nself time by owner");
  for (const [k, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);
  console.log("\nself time by function");
  for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);
  // Inclusive time (self and everything it called) of the project's own named functions: which of
  // our calls the time is spent under. Needs a server built without minification to read.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const { callFrame } = byId.get(n)!;
      if (!ownerOf(callFrame.url).startsWith("(app") || !callFrame.functionName) continue;
      const key = `${callFrame.functionName}  ${callFrame.url.split("/").slice(-2).join("/")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  console.log("\ninclusive time of the app's own functions");
  for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);
}

if (process.argv[1]?.endsWith("profile-summary.ts")) main();
