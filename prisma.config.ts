// Prisma CLI configuration: the JavaScript schema engine, so nothing is downloaded.
// Without DATABASE_URL the CLI works on an embedded PGlite database in ./data (as the app does).
import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url) {
      // adapter-pg 6.19 cannot read the "name" columns migrate inspects (prisma/orm#27403); 7.x can.
      const { PrismaPg } = await import("adapter-pg-7");
      return new PrismaPg({ connectionString: url });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const dir = process.env.PGLITE_DIR ?? "./data/pglite";
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
    return new PrismaPGlite(new PGlite(dir, { extensions: { pg_trgm } }));
  },
});
