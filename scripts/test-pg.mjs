// Runs the integration suite against a local PostgreSQL server (each test file gets its own database).
import { spawnSync } from "node:child_process";

const url = process.env.TEST_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
const result = spawnSync("npx", ["vitest", "run", "tests/integration"], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(result.status ?? 1);
