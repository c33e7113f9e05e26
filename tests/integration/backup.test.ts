import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dumpEmbedded, loadEmbedded, requestFile, runningServer, serveBackups, serverFile } from "@/lib/backup/embedded";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { writeFileSync } from "node:fs";
import { createTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles } from "../support/factories";

const dir = mkdtempSync(path.join(tmpdir(), "backup-"));
const open: DbHandle[] = [];
afterAll(async () => {
  for (const h of open) await h.close().catch(() => undefined);
  process.removeAllListeners("SIGUSR2");
  rmSync(dir, { recursive: true, force: true });
});

async function embedded(name: string) {
  const handle = openDatabase({ dir: path.join(dir, name) });
  open.push(handle);
  const raw = await handle.openRaw();
  await migrate(raw);
  return handle;
}

const snapshot = async (db: DbHandle["db"]) => ({
  teams: await db.team.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true } }),
  people: await db.keyPerson.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, teamId: true } }),
});

describe("embedded database backup", () => {
  it("copies the data folder while writes go on, and the copy opens as the same database", async () => {
    const source = await embedded("source");
    const t = await createTeamWithRoles(source.db);
    for (let i = 0; i < 20; i++) await createPerson(source.db, t.team.id, { name: `人 ${i}` });
    // Writes racing the copy: the copy holds each of them whole or not at all.
    const writes = Promise.all(Array.from({ length: 20 }, (_, i) => createPerson(source.db, t.team.id, { name: `並行 ${i}` })));
    const out = path.join(dir, "a.tar.gz");
    const bytes = await dumpEmbedded(source.lite!, out);
    await writes;
    expect(bytes).toBeGreaterThan(1000);
    expect(existsSync(`${out}.partial`)).toBe(false);

    const target = path.join(dir, "restored");
    await loadEmbedded(out, target);
    const copy = openDatabase({ dir: target });
    open.push(copy);
    const people = await copy.db.keyPerson.findMany({ select: { name: true } });
    expect(people.length).toBeGreaterThanOrEqual(20);
    expect(people.length).toBeLessThanOrEqual(40);
    expect((await copy.db.team.findUniqueOrThrow({ where: { id: t.team.id } })).name).toBe(t.team.name);
    // A folder that holds a database already is never overwritten.
    await expect(loadEmbedded(out, path.join(dir, "source"))).rejects.toThrow(/already holds/);
  });

  it("the running app answers `npm run backup` by signal, with a consistent copy", async () => {
    const source = await embedded("served");
    const t = await createTeamWithRoles(source.db);
    await createPerson(source.db, t.team.id, { name: "バックアップ 太郎" });
    const folder = path.join(dir, "served");
    serveBackups(folder, source.lite!, () => undefined);
    expect(runningServer(folder)).toBe(process.pid);
    const out = path.join(dir, "served.tar.gz");
    writeFileSync(requestFile(folder), JSON.stringify({ out }));
    process.kill(process.pid, "SIGUSR2");
    for (let i = 0; i < 200 && !existsSync(out); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(out)).toBe(true);
    await loadEmbedded(out, path.join(dir, "served-copy"));
    const copy = openDatabase({ dir: path.join(dir, "served-copy") });
    open.push(copy);
    expect(await snapshot(copy.db)).toEqual(await snapshot(source.db));
    rmSync(serverFile(folder));
    expect(runningServer(folder)).toBeNull();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("PostgreSQL server backup", () => {
  it("pg_dump, then pg_restore into an empty database, gives the same records", async () => {
    const source = await createTestDatabase();
    const target = await createTestDatabase();
    try {
      const t = await createTeamWithRoles(source.handle.db);
      for (let i = 0; i < 5; i++) await createPerson(source.handle.db, t.team.id, { name: `サーバー ${i}` });
      const file = path.join(dir, "pg.dump");
      const dump = spawnSync("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, source.handle.url!]);
      expect(dump.status, dump.stderr?.toString()).toBe(0);
      // The target is empty: pg_restore recreates the schema as dumped.
      const clean = await target.handle.openRaw();
      await clean.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
      await clean.close();
      const restore = spawnSync("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${target.handle.url!}`, file]);
      expect(restore.status, restore.stderr?.toString()).toBe(0);
      expect(await snapshot(target.handle.db)).toEqual(await snapshot(source.handle.db));
    } finally {
      await source.drop();
      await target.drop();
    }
  });
});
