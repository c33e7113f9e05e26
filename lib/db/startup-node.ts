// Imported by instrumentation.ts on the Node.js runtime only: start-up, or a clear stop.
import { closeDb } from "./client";
import { startup } from "./startup";

try {
  await startup();
} catch (e) {
  console.error(`\nStart-up failed: ${(e as Error).message}\n`);
  process.exit(1);
}

// PGlite holds the data folder until closed; close it so the process can end cleanly.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void closeDb().finally(() => process.exit(0));
  });
}
