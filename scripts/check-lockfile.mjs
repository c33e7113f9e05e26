// Proves `npm install` kept every locked version: compares the committed package-lock.json with
// the one npm left behind. npm may add or drop other platforms' optional packages (npm/cli#4828),
// so those may differ; any other added, removed or changed package fails.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const committed = JSON.parse(execFileSync("git", ["show", "HEAD:package-lock.json"], { encoding: "utf8" })).packages;
const installed = JSON.parse(readFileSync("package-lock.json", "utf8")).packages;

const problems = [];
for (const name of new Set([...Object.keys(committed), ...Object.keys(installed)])) {
  const before = committed[name];
  const after = installed[name];
  if (before && after) {
    if (before.version !== after.version || before.integrity !== after.integrity) {
      problems.push(`changed: ${name || "(root)"} ${before.version} → ${after.version}`);
    }
  } else if (!(before ?? after).optional) {
    problems.push(`${before ? "removed" : "added"}: ${name}`);
  }
}

if (problems.length > 0) {
  console.error(`package-lock.json is out of date:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("package-lock.json: every locked package installed as locked");
