// Applies prisma/migrations at start-up, recording them in Prisma's own _prisma_migrations table
// so `prisma migrate status` agrees. Refuses a database that is ahead of, or differs from, the code.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface RawSql {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one statement with $1.. parameters and returns its rows. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export class MigrationError extends Error {}

interface Applied {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

// The same lock key Prisma Migrate uses, so the CLI and several app servers never migrate at once.
const LOCK_KEY = 72707369;

export const migrationsDir = () => path.join(process.cwd(), "prisma", "migrations");

export async function readMigrations(dir = migrationsDir()) {
  const names = (await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Returns the names of the migrations it applied. */
export async function migrate(raw: RawSql, dir = migrationsDir()): Promise<string[]> {
  const migrations = await readMigrations(dir);
  await raw.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  await raw.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
  try {
    const applied = (
      await raw.query<Applied>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
    ).filter((m) => !m.rolled_back_at);
    const known = new Map(migrations.map((m) => [m.name, m]));
    for (const a of applied) {
      const local = known.get(a.migration_name);
      if (!local) {
        throw new MigrationError(
          `The database is ahead of this version of the app: migration "${a.migration_name}" is applied there but not present here. Deploy the newer version, or use a database of this version.`,
        );
      }
      if (!a.finished_at) {
        throw new MigrationError(
          `Migration "${a.migration_name}" failed earlier and was never finished. Resolve it (prisma migrate resolve) before starting.`,
        );
      }
      if (a.checksum !== local.checksum) {
        throw new MigrationError(`Migration "${a.migration_name}" was changed after it was applied (checksum differs).`);
      }
    }
    const done = new Set(applied.map((a) => a.migration_name));
    const pending = migrations.filter((m) => !done.has(m.name));
    for (const m of pending) {
      const id = randomUUID();
      await raw.exec("BEGIN");
      try {
        await raw.exec(m.sql);
        await raw.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
          [id, m.checksum, m.name],
        );
        await raw.exec("COMMIT");
      } catch (e) {
        await raw.exec("ROLLBACK");
        throw new MigrationError(`Migration "${m.name}" failed: ${(e as Error).message}`);
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await raw.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
  }
}
