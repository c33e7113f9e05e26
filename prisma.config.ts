// Prisma CLI configuration, for `prisma generate` only: the app applies migrations itself at start
// (lib/db/migrate.ts) and queries through driver adapters (lib/db/client.ts). Prisma 7's CLI fetches
// its Rust schema engine before any command, and these machines (like a locked-down customer network)
// cannot download it. Generating the client does not run that engine, so the CLI is given a stand-in
// that explains itself if a command ever does (docs/decisions/018-prisma-7-client.md).
import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts", "no-schema-engine");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
