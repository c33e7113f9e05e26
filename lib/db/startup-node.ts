// Imported by instrumentation.ts on the Node.js runtime only: start-up, or a clear stop.
import { startServerJobs } from "@/lib/jobs/start";
import { stopJobs } from "@/lib/jobs/runner";
import { closeDb } from "./client";
import { startup } from "./startup";

try {
  await startup();
  await startServerJobs();
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
