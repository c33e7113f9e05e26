// Imported by instrumentation.ts on the Node.js runtime only: start-up, or a clear stop.
import { startServerJobs } from "./jobs";
import { stopJobs } from "@/lib/jobs/runner";
import { serveBackups } from "@/lib/backup/embedded";
import { getEnv } from "@/lib/env";
import { closeDb, getHandle } from "@/lib/db/client";
import { startup } from "./startup";

try {
  await startup();
  await startServerJobs();
  // The embedded database: `npm run backup` asks this process for a consistent copy.
  const { lite } = getHandle();
  if (lite) serveBackups(getEnv().PGLITE_DIR, lite);
} catch (e) {
  console.error(`\nStart-up failed: ${(e as Error).message}\n`);
  process.exit(1);
}

// PGlite holds the data folder until closed; close it so the process can end cleanly.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopJobs()
      .catch(() => undefined)
      .then(() => closeDb())
      .finally(() => process.exit(0));
  });
}
