import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/support/setup.ts"],
    pool: "forks",
    // Generous: CI runs this suite beside the PostgreSQL one on two cores. Speed is measured in benchmarks.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
