// Run once when a server process starts: apply pending migrations, and on the embedded database
// seed the demo team the first time. Any failure stops start-up with a message that says why.
import { sealPending } from "@/lib/crypto/rotate";
import { getEnv } from "@/lib/env";
import { getHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { isSeeded, seedDemo } from "@/lib/demo/seed-demo";

export async function startup(log: (msg: string) => void = console.log) {
  const env = getEnv();
  const handle = getHandle();
  let raw;
  try {
    raw = await handle.openRaw();
    await raw.query("SELECT 1");
  } catch (e) {
    throw new Error(
      `Cannot reach the database (${env.embedded ? `embedded, ${env.PGLITE_DIR}` : "DATABASE_URL"}): ${(e as Error).message}`,
    );
  }
  try {
    const applied = await migrate(raw);
    if (applied.length) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  } finally {
    await raw.close();
  }
  if (env.seedDemo && !(await isSeeded(handle.db))) {
    const started = Date.now();
    await seedDemo(handle.db);
    log(`Seeded the demo teams in ${Date.now() - started} ms. Sign in as lead@demo.example / demo-pass-2026`);
  }
  // Health data written before sealing existed (or by the seed's bulk inserts) is sealed now.
  const sealed = await sealPending(handle.db);
  if (sealed) log(`Sealed ${sealed} case value(s) at rest.`);
}
