// Key rotation for what is sealed at rest (cases, assessment notes, case touchpoints, second-factor
// and sign-in secrets): re-seals every value under the current key, in batches, and recomputes the
// employee codes' keyed hashes. Safe to run again; safe beside a running app on a PostgreSQL server.
//
// PostgreSQL server: set DATA_ENCRYPTION_KEY to the new key and DATA_ENCRYPTION_KEY_PREVIOUS to the
//   old one (the app reads both), run `npm run rotate-key`, then drop DATA_ENCRYPTION_KEY_PREVIOUS.
// Embedded database: stop the app, run `npm run rotate-key -- --new-key` (a new key is written to
//   data/data-key; the old one moves to data/data-key.previous), start the app again.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { assertAppStopped } from "@/lib/backup/embedded";
import { rotateKeys } from "@/lib/crypto/rotate";
import { currentKeyId, keyFiles, reloadKeys } from "@/lib/crypto/secret-box";
import { closeDb, getHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";

async function main() {
  const env = getEnv();
  if (env.embedded) assertAppStopped(env.PGLITE_DIR);
  if (process.argv.includes("--new-key")) {
    if (!env.embedded)
      throw new Error("--new-key is for the embedded database; on a server set DATA_ENCRYPTION_KEY and DATA_ENCRYPTION_KEY_PREVIOUS.");
    currentKeyId(); // makes sure a current key exists before it is retired
    const files = keyFiles();
    const previous = existsSync(files.previous) ? readFileSync(files.previous, "utf8").trim() : "";
    writeFileSync(files.previous, [readFileSync(files.current, "utf8").trim(), previous].filter(Boolean).join("\n"), { mode: 0o600 });
    writeFileSync(files.current, randomBytes(32).toString("base64"), { mode: 0o600 });
    reloadKeys();
  }
  const handle = getHandle();
  const raw = await handle.openRaw();
  await migrate(raw);
  await raw.close();
  const started = Date.now();
  const { resealed, rehashed } = await rotateKeys(handle.db);
  console.log(
    `Key ${currentKeyId()}: ${resealed} value(s) re-sealed, ${rehashed} employee code hash(es) recomputed in ${Date.now() - started} ms.`,
  );
  await closeDb();
}

main().catch(async (e) => {
  console.error((e as Error).message);
  await closeDb();
  process.exit(1);
});
