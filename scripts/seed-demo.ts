// Seeds the demo teams into the database named by DATABASE_URL (or the embedded one).
// A PostgreSQL server is only seeded when asked explicitly: npm run db:seed-demo -- --yes
import { closeDb, getHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { isSeeded, seedDemo } from "@/lib/demo/seed-demo";
import { getEnv } from "@/lib/env";
import { sealPending } from "@/lib/crypto/rotate";

async function main() {
  const env = getEnv();
  if (!env.embedded && !process.argv.includes("--yes")) {
    console.error("Refusing to put demo accounts into a PostgreSQL server without --yes.");
    process.exit(2);
  }
  const handle = getHandle();
  const raw = await handle.openRaw();
  await migrate(raw);
  await raw.close();
  if (await isSeeded(handle.db)) {
    console.log("The database already has teams; nothing seeded.");
  } else {
    await seedDemo(handle.db);
    await sealPending(handle.db);
    console.log("Demo teams seeded. Sign in as lead@demo.example / demo-pass-2026");
  }
  await closeDb();
}

main().catch(async (e) => {
  console.error(e);
  await closeDb();
  process.exit(1);
});
