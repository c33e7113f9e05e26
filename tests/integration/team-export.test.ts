import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { issueRestoreLink, resetPassword } from "@/lib/accounts/account";
import { checkCredentials } from "@/lib/accounts/sign-in";
import { sealPending } from "@/lib/crypto/rotate";
import { isSealed } from "@/lib/crypto/sealed-text";
import type { DbHandle } from "@/lib/db/client";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/seed-data";
import { seedDemo } from "@/lib/demo/seed-demo";
import { EXCLUDED, teamTables } from "@/lib/team-export/catalog";
import { writeTeamExport, type Manifest } from "@/lib/team-export/export";
import { RestoreError, restoreTeamExport } from "@/lib/team-export/restore";
import { createTestDatabase, setupTestDatabase } from "../support/db";

const db = setupTestDatabase();
const now = new Date("2026-11-30T01:00:00Z");
const dir = mkdtempSync(path.join(tmpdir(), "team-export-"));
const others: { handle: DbHandle; drop: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const o of others) await o.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function exportTo(from: DbHandle["db"], teamId: string, name: string) {
  const file = path.join(dir, name);
  const manifest = await writeTeamExport(from, teamId, createWriteStream(file), now);
  return { file, manifest, entries: unzipSync(readFileSync(file)) };
}

const hasZipinfo = spawnSync("zipinfo", ["-h"]).status === 0;

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const records = (entries: Record<string, Uint8Array>, m: Manifest, table: string) =>
  JSON.parse(text(entries[m.tables.find((t) => t.name === table)!.json])) as Record<string, unknown>[];

async function freshDatabase() {
  const target = await createTestDatabase();
  others.push(target);
  return target.handle.db;
}

describe("team export and restore", () => {
  it("dates its entries in Japanese time for Explorer's zone-less header, and keeps the instant in the extended timestamp", async () => {
    const own = await freshDatabase();
    const { file } = await exportTo(own, (await seedDemo(own, now)).teamId, "dates.zip");
    const bytes = readFileSync(file);
    // The first local header's DOS time and date (offsets 10 and 12): the Tokyo wall clock, 10:00.
    const time = bytes.readUInt16LE(10);
    const date = bytes.readUInt16LE(12);
    expect([1980 + (date >> 9), (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63]).toEqual([2026, 11, 30, 10, 0]);
    // The extended-timestamp field (0x5455) in the same header holds the instant itself.
    const nameLength = bytes.readUInt16LE(26);
    const extra = bytes.subarray(30 + nameLength, 30 + nameLength + bytes.readUInt16LE(28));
    const fields = new Map<number, Buffer>();
    for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2))
      fields.set(extra.readUInt16LE(at), extra.subarray(at + 4, at + 4 + extra.readUInt16LE(at + 2)));
    const ut = fields.get(0x5455)!;
    expect(ut[0] & 1).toBe(1);
    expect(ut.readUInt32LE(1)).toBe(now.getTime() / 1000);
  });

  // Info-ZIP's zipinfo, where it is installed (CI installs it; npm test needs nothing outside npm).
  it.skipIf(!hasZipinfo)("reads back in Info-ZIP's zipinfo as 10:00 in Tokyo and 01:00 in UTC", async () => {
    const own = await freshDatabase();
    const { file } = await exportTo(own, (await seedDemo(own, now)).teamId, "dates-zipinfo.zip");
    const listed = (tz: string) => execFileSync("zipinfo", ["-T", file, "manifest.json"], { env: { ...process.env, TZ: tz } }).toString();
    expect(listed("Asia/Tokyo")).toContain("20261130.100000");
    expect(listed("UTC")).toContain("20261130.010000");
  });

  it("every table is the team's or excluded with a reason, and the excluded ones exist", async () => {
    const tables = await teamTables(db());
    const all = await db().$queryRawUnsafe<{ t: string }[]>(
      `SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const name of Object.keys(EXCLUDED)) expect(all.map((r) => r.t)).toContain(name);
    expect(tables.length + Object.keys(EXCLUDED).length).toBe(all.length);
    // Parents come before the tables that refer to them.
    const order = tables.map((t) => t.name);
    expect(order.indexOf("Team")).toBeLessThan(order.indexOf("KeyPerson"));
    expect(order.indexOf("KeyPerson")).toBeLessThan(order.indexOf("Touchpoint"));
    expect(order.indexOf("User")).toBeLessThan(order.indexOf("Membership"));
  });

  it("exports a team whole, restores it into an empty installation, and exports the same records again", async () => {
    const { teamId, otherTeamId } = await seedDemo(db(), now);
    await sealPending(db());
    // A name that Excel would run as a formula.
    const person = await db().keyPerson.findFirstOrThrow({ where: { teamId }, orderBy: { id: "asc" } });
    await db().keyPerson.update({ where: { id: person.id }, data: { notes: '=HYPERLINK("http://evil")' } });
    const otherNames = (await db().keyPerson.findMany({ where: { teamId: otherTeamId }, select: { name: true } })).map((p) => p.name);
    const code = (
      await db().$queryRawUnsafe<{ employeeCode: string }[]>(`SELECT "employeeCode" FROM "Case" WHERE "teamId" = $1 LIMIT 1`, teamId)
    )[0].employeeCode;
    expect(isSealed(code)).toBe(true);

    const first = await exportTo(db(), teamId, "first.zip");
    const total = first.manifest.tables.reduce((s, t) => s + t.rows, 0);
    expect(total).toBeGreaterThan(3000);
    expect(first.manifest.team.id).toBe(teamId);
    for (const t of first.manifest.tables) expect(records(first.entries, first.manifest, t.name)).toHaveLength(t.rows);
    // Health data is readable in the export; credentials and the keyed hash are not in it at all.
    const cases = records(first.entries, first.manifest, "Case");
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(isSealed(c.employeeCode)).toBe(false);
    const everything = Object.values(first.entries).map(text).join("\n");
    expect(everything).not.toMatch(/\$argon2/);
    expect(everything).not.toContain("employeeCodeHash");
    expect(everything).not.toContain("totpSecret");
    for (const name of otherNames) expect(everything).not.toContain(name);
    // CSV: BOM, a header, and the formula neutralised.
    const csv = first.entries[first.manifest.tables.find((t) => t.name === "KeyPerson")!.csv];
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(csv)).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // Times are marked UTC.
    expect(records(first.entries, first.manifest, "Touchpoint")[0].occurredAt).toMatch(/Z$/);

    const target = await freshDatabase();
    const restored = await restoreTeamExport(target, createReadStream(first.file));
    expect(restored.team.id).toBe(teamId);
    expect(restored.counts).toEqual(Object.fromEntries(first.manifest.tables.map((t) => [t.name, t.rows])));
    // Sealed again under this installation's key; nothing plain is left to seal.
    expect(await sealPending(target)).toBe(0);
    const raw = await target.$queryRawUnsafe<{ employeeCode: string; employeeCodeHash: string | null }[]>(
      `SELECT "employeeCode", "employeeCodeHash" FROM "Case"`,
    );
    expect(raw.length).toBe(cases.length);
    for (const r of raw) {
      expect(isSealed(r.employeeCode)).toBe(true);
      expect(r.employeeCodeHash).toBeTruthy();
    }

    const second = await exportTo(target, teamId, "second.zip");
    for (const t of first.manifest.tables) {
      let again = records(second.entries, second.manifest, t.name);
      if (t.name === "AuditLog") again = again.filter((r) => r.action !== "team.restored");
      expect(again, t.name).toEqual(records(first.entries, first.manifest, t.name));
    }
    expect(records(second.entries, second.manifest, "AuditLog").filter((r) => r.action === "team.restored")).toHaveLength(1);
    // The daily counts the database keeps were rebuilt from the touchpoints.
    const daily = `SELECT day::text, "nurseId", type::text, n FROM "TouchpointDaily" WHERE "teamId" = $1 AND n <> 0 ORDER BY 1, 2, 3`;
    expect(await target.$queryRawUnsafe(daily, teamId)).toEqual(await db().$queryRawUnsafe(daily, teamId));
    const stances = `SELECT day::text, "fromStance", "toStance"::text, n FROM "StanceDaily" WHERE "teamId" = $1 AND n <> 0 ORDER BY 1, 2, 3`;
    const restoredStances = await target.$queryRawUnsafe<unknown[]>(stances, teamId);
    expect(restoredStances.length).toBeGreaterThan(0);
    expect(restoredStances).toEqual(await db().$queryRawUnsafe(stances, teamId));

    // Members come back without a password; an admin sets hers through the printed link.
    const lead = DEMO_USERS.lead;
    expect(restored.admins.map((a) => a.email)).toContain(lead.email);
    expect(await checkCredentials(target, { email: lead.email, password: DEMO_PASSWORD }, null, now)).toMatchObject({ ok: false });
    const admin = restored.admins.find((a) => a.email === lead.email)!;
    const link = await issueRestoreLink(target, admin.id, "https://crm.example.jp", now);
    expect(link).toMatch(/^https:\/\/crm\.example\.jp\/reset-password\//);
    await resetPassword(target, { token: link.split("/").pop()!, password: "a-new-long-passphrase-2027" }, now);
    expect(await checkCredentials(target, { email: lead.email, password: "a-new-long-passphrase-2027" }, null, now)).toMatchObject({
      ok: true,
    });

    // The same export again: the team is here already, and nothing more goes in.
    await expect(restoreTeamExport(target, createReadStream(first.file))).rejects.toThrow(RestoreError);
    expect(await target.keyPerson.count()).toBe(first.manifest.tables.find((t) => t.name === "KeyPerson")!.rows);
  });

  it("reads a zip that arrives in small pieces, characters split between them included", async () => {
    const target = await freshDatabase();
    const full = readFileSync(path.join(dir, "first.zip"));
    async function* pieces() {
      for (let i = 0; i < full.length; i += 5) yield full.subarray(i, i + 5);
    }
    const team = await db().team.findFirstOrThrow({ where: { name: { contains: "北辰" } }, select: { id: true, name: true } });
    const restored = await restoreTeamExport(target, pieces());
    expect(restored.team).toEqual(team);
    expect((await target.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe(team.name);
    expect((await target.auditLog.findFirstOrThrow({ where: { action: "team.restored" } })).teamId).toBe(team.id);
  });

  it("refuses a cut-off or foreign file and leaves the installation empty", async () => {
    const target = await freshDatabase();
    const full = readFileSync(path.join(dir, "first.zip"));
    const cut = path.join(dir, "cut.zip");
    writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.6)));
    await expect(restoreTeamExport(target, createReadStream(cut))).rejects.toThrow(RestoreError);
    expect(await target.team.count()).toBe(0);
    expect(await target.user.count()).toBe(0);

    const foreign = path.join(dir, "foreign.zip");
    writeFileSync(foreign, Buffer.from("PK not really a zip"));
    await expect(restoreTeamExport(target, createReadStream(foreign))).rejects.toThrow();
    expect(await target.team.count()).toBe(0);
  });
});
