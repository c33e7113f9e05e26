// `npm run restore-team -- FILE.zip [--origin https://crm.example.jp]`: restores a team export
// (設定 → データの書き出し) into this installation, which must not hold the team or its members.
// One transaction: a refused or damaged file writes nothing. Prints a set-password link per admin.
import { createReadStream } from "node:fs";
import { issueRestoreLink } from "@/lib/accounts/account";
import { assertAppStopped } from "@/lib/backup/embedded";
import { closeDb, getHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";
import { restoreTeamExport } from "@/lib/team-export/restore";
import { arg } from "./cli";

async function main() {
  const env = getEnv();
  const file = process.argv[2];
  if (!file || file.startsWith("--")) throw new Error("Usage: npm run restore-team -- FILE.zip [--origin URL]");
  if (env.embedded) assertAppStopped(env.PGLITE_DIR);
  const origin = new URL(arg("origin", "http://localhost:3000")).origin;
  const handle = getHandle();
  const raw = await handle.openRaw();
  await migrate(raw);
  await raw.close();
  const started = Date.now();
  const result = await restoreTeamExport(handle.db, createReadStream(file));
  const rows = Object.values(result.counts).reduce((s, n) => s + n, 0);
  console.log(`Restored ${result.team.name}: ${rows} records in ${Object.keys(result.counts).length} tables (${Date.now() - started} ms).`);
  console.log("Members have no password yet. Set-password links for the admins (valid 24 hours):");
  for (const a of result.admins) console.log(`  ${a.name} <${a.email}>: ${await issueRestoreLink(handle.db, a.id, origin)}`);
  await closeDb();
}

main().catch(async (e) => {
  console.error((e as Error).message);
  await closeDb();
  process.exit(1);
});
