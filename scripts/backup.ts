// `npm run backup [-- --out FILE]`: a backup of the database the app uses.
// - Embedded: a consistent copy of the data folder (.tar.gz), taken by the running app when it runs
//   (lib/backup/embedded.ts), else directly. Restore: `npm run restore-backup -- FILE`.
// - PostgreSQL server (DATABASE_URL): pg_dump's custom format. Restore into an empty database with
//   `pg_restore --no-owner --exit-on-error --dbname "$DATABASE_URL" FILE`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dumpEmbedded, requestFile, runningServer } from "@/lib/backup/embedded";
import { openDatabase } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { arg } from "./cli";

const WAIT_MS = 10 * 60_000;
const stamp = () => new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);

async function waitFor(out: string) {
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    if (existsSync(`${out}.error`)) {
      const message = readFileSync(`${out}.error`, "utf8");
      rmSync(`${out}.error`);
      throw new Error(`The app could not write the backup: ${message}`);
    }
    if (existsSync(out)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The app did not answer within 10 minutes; is it the app that holds the folder?");
}

async function main() {
  const env = getEnv();
  const embedded = env.embedded;
  const out = path.resolve(arg("out", path.join("backups", `ally-${stamp()}.${embedded ? "tar.gz" : "dump"}`)));
  mkdirSync(path.dirname(out), { recursive: true });
  if (existsSync(out)) throw new Error(`${out} exists already`);
  const started = Date.now();
  if (!embedded) {
    const r = spawnSync("pg_dump", ["--format=custom", "--no-owner", `--file=${out}`, env.DATABASE_URL!], { stdio: "inherit" });
    if (r.error) throw new Error(`pg_dump is needed for a PostgreSQL server backup: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`pg_dump failed (${r.status})`);
  } else {
    const pid = runningServer(env.PGLITE_DIR);
    if (pid) {
      writeFileSync(requestFile(env.PGLITE_DIR), JSON.stringify({ out }), { mode: 0o600 });
      process.kill(pid, "SIGUSR2");
      await waitFor(out);
    } else {
      const handle = openDatabase({ dir: env.PGLITE_DIR });
      try {
        await dumpEmbedded(handle.lite!, out);
      } finally {
        await handle.close();
      }
    }
  }
  console.log(`Backup: ${out} (${statSync(out).size} bytes, ${Date.now() - started} ms)`);
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
