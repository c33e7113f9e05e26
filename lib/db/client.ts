// The one database handle: embedded PGlite by default, a PostgreSQL server with DATABASE_URL.
// Kept on globalThis so every bundle in the server process (and dev hot reloads) shares it:
// PGlite allows a single open instance per data folder.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import type { RawSql } from "./migrate";

export type Db = PrismaClient;

export interface DbHandle {
  kind: "pglite" | "postgres";
  db: PrismaClient;
  /** The server's URL (postgres only): for tools that open their own connections (the job queue). */
  url?: string;
  /** The embedded database itself (pglite only): for a consistent copy of its data folder. */
  lite?: PGlite;
  /** A raw connection for migrations; callers must close what they open. */
  openRaw(): Promise<RawSql & { close(): Promise<void> }>;
  close(): Promise<void>;
}

export type DbTarget = { url: string } | { dir: string } | { memory: true };

export function openDatabase(target: DbTarget): DbHandle {
  if ("url" in target) {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return {
      kind: "postgres",
      db,
      url: target.url,
      async openRaw() {
        const client = new pg.Client({ connectionString: target.url });
        await client.connect();
        return {
          exec: async (sql) => void (await client.query(sql)),
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
          close: () => client.end(),
        };
      },
      close: () => db.$disconnect(),
    };
  }
  if ("dir" in target) mkdirSync(target.dir, { recursive: true });
  const options = { extensions: { pg_trgm } };
  const lite = "dir" in target ? new PGlite(target.dir, options) : new PGlite(options);
  const db = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    kind: "pglite",
    db,
    lite,
    async openRaw() {
      return {
        exec: async (sql) => void (await lite.exec(sql)),
        query: async <T>(sql: string, params?: unknown[]) => (await lite.query<T>(sql, params)).rows,
        close: async () => undefined,
      };
    },
    async close() {
      await db.$disconnect();
      await lite.close();
    },
  };
}

const holder = globalThis as unknown as { __allyDb?: DbHandle };

export function getHandle(): DbHandle {
  if (!holder.__allyDb) {
    const env = getEnv();
    holder.__allyDb = openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dir: env.PGLITE_DIR });
  }
  return holder.__allyDb;
}

export function getDb(): Db {
  return getHandle().db;
}

/** Tests install their own fresh database. */
export function setHandle(handle: DbHandle | undefined) {
  holder.__allyDb = handle;
}

export async function closeDb() {
  const h = holder.__allyDb;
  holder.__allyDb = undefined;
  if (h) await h.close();
}
