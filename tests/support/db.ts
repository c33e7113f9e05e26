// A fresh database for each test file: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (local hosts only).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, setHandle, type Db, type DbHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function assertLocalDatabaseUrl(url: string) {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to run tests against a non-local database host "${host}"`);
  }
}

/** `migrationsDir` applies only the migrations found there (to test a later migration's data step). */
export async function createTestDatabase(migrationsDir?: string): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = openDatabase({ memory: true });
    const raw = await handle.openRaw();
    await migrate(raw, migrationsDir);
    return { handle, drop: () => handle.close() };
  }
  assertLocalDatabaseUrl(serverUrl);
  const name = `ally_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString() });
  const raw = await handle.openRaw();
  await migrate(raw, migrationsDir);
  await raw.close();
  return {
    handle,
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Registers a fresh database for this file and returns a getter for its client. */
export function setupTestDatabase(): () => Db {
  let current: { handle: DbHandle; drop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
    setHandle(current.handle);
  });
  afterAll(async () => {
    setHandle(undefined);
    await current?.drop();
  });
  return () => {
    if (!current) throw new Error("test database not ready");
    return current.handle.db;
  };
}
