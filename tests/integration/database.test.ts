import { mkdtemp, mkdir, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as unavailableRoute } from "@/app/unavailable/route";
import { orUnavailablePage } from "@/lib/auth/page-errors";
import { openDatabase, setHandle } from "@/lib/db/client";
import { checkHealth } from "@/lib/db/health";
import { errorResponse, toAppError } from "@/lib/errors";
import { migrate, migrationsDir, MigrationError } from "@/lib/db/migrate";
import { createTestDatabase, setupTestDatabase } from "../support/db";

const db = setupTestDatabase();

describe("migrations at start", () => {
  it("are recorded in Prisma's table and not applied twice", async () => {
    const rows = await db().$queryRaw<
      { migration_name: string; finished_at: Date | null }[]
    >`SELECT migration_name, finished_at FROM "_prisma_migrations"`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at)).toBe(true);
    const { handle, drop } = await createTestDatabase();
    const raw = await handle.openRaw();
    expect(await migrate(raw)).toEqual([]);
    await raw.close();
    await drop();
  });

  it("refuse a database that is ahead of the code", async () => {
    const { handle, drop } = await createTestDatabase();
    const raw = await handle.openRaw();
    await raw.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'y', '29991231000000_future', now(), 1)`,
    );
    await expect(migrate(raw)).rejects.toThrowError(MigrationError);
    await expect(migrate(raw)).rejects.toThrowError(/ahead of this version/);
    await raw.close();
    await drop();
  });

  it("apply a new migration folder and refuse an edited one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await cp(migrationsDir(), dir, { recursive: true });
    const { handle, drop } = await createTestDatabase();
    const raw = await handle.openRaw();
    await mkdir(path.join(dir, "29990101000000_extra"));
    await writeFile(path.join(dir, "29990101000000_extra", "migration.sql"), `CREATE TABLE "Extra" (id int);`);
    expect(await migrate(raw, dir)).toEqual(["29990101000000_extra"]);
    await writeFile(path.join(dir, "29990101000000_extra", "migration.sql"), `CREATE TABLE "Extra" (id bigint);`);
    await expect(migrate(raw, dir)).rejects.toThrowError(/checksum/);
    await raw.close();
    await drop();
  });
});

describe("health endpoint", () => {
  it("answers 200 when the database answers", async () => {
    const res = await healthRoute();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 with a reason when it does not", async () => {
    const broken = openDatabase({ url: "postgresql://nobody@127.0.0.1:1/none" });
    const result = await checkHealth(broken.db, 2000);
    expect(result.status).toBe(503);
    expect(result.body).toMatchObject({ status: "error", database: "unavailable" });
    expect(String((result.body as { reason: string }).reason).length).toBeGreaterThan(0);
    setHandle(broken);
    try {
      const res = await healthRoute();
      expect(res.status).toBe(503);
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});

describe("database going away", () => {
  it("maps connection failures to 503 with Retry-After and a short reason, never 500", async () => {
    const broken = openDatabase({ url: "postgresql://nobody@127.0.0.1:1/none" });
    try {
      const err = await broken.db.user.findFirst().catch((e: unknown) => e);
      const res = errorResponse(err);
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe("30");
      expect(await res.json()).toMatchObject({ error: "unavailable", message: "unavailable" });
      const raw = await broken.db.$queryRaw`SELECT 1`.catch((e: unknown) => e);
      expect(toAppError(raw).status).toBe(503);
      const health = await checkHealth(broken.db, 2000);
      expect(health.body).toEqual({ status: "error", database: "unavailable", reason: "unreachable" });
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});

describe("pages while the database is away", () => {
  it("send the reader to a calm 503 page with Retry-After, which brings her back", async () => {
    const broken = openDatabase({ url: "postgresql://nobody@127.0.0.1:1/none" });
    try {
      const thrown = await orUnavailablePage(broken.db.user.findFirst(), "/key-persons?q=%E9%AB%98").catch((e: unknown) => e);
      expect(isRedirectError(thrown)).toBe(true);
      expect(getURLFromRedirectError(thrown as never)).toBe("/unavailable?next=%2Fkey-persons%3Fq%3D%25E9%25AB%2598");
      // Other failures are left to the error boundary.
      const other = await orUnavailablePage(Promise.reject(new Error("boom")), "/").catch((e: unknown) => e);
      expect(isRedirectError(other)).toBe(false);
    } finally {
      await broken.close().catch(() => undefined);
    }
    const res = await unavailableRoute(new Request("http://localhost/unavailable?next=%2Fkey-persons"));
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("30");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain('lang="ja"');
    expect(html).toContain("ただいまデータベースに接続できません");
    expect(html).toContain('href="/key-persons"');
    // Never a way off the site.
    const evil = await (await unavailableRoute(new Request("http://localhost/unavailable?next=%2F%5Cevil.example"))).text();
    expect(evil).not.toContain("evil.example");
  });
});
