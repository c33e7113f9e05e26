// The team's own data, whole: every record of the team as JSON (for a restore, or another product)
// and CSV (for a spreadsheet) in one zip, written as a stream in batches so it works at any size.
// Sealed health data is opened: the export is the team's, readable without this installation's key,
// and so as sensitive as the case files themselves (admins only, audit-logged by the caller).
//
// One read-only snapshot (REPEATABLE READ) covers every table, so a record and what it refers to
// are either both in or both out. Layout:
//   manifest.json               format, schema version, team, tables in restore order with counts
//   json/NN-Table.json          a JSON array, one record per line (a restore reads it line by line)
//   csv/NN-Table.csv            the same records, UTF-8 with BOM, cells neutralised against formulas
import { once } from "node:events";
import type { Writable } from "node:stream";
import { Zip, ZipDeflate } from "fflate";
import Papa from "papaparse";
import { openSealed } from "@/lib/crypto/sealed-text";
import type { Db } from "@/lib/db/client";
import { neutralizeCell } from "@/lib/export/formula";
import { EXCLUDED, quote, schemaVersion, teamTables, type Table } from "./catalog";

export const EXPORT_FORMAT = "ally-crm-team-export";
export const EXPORT_VERSION = 1;
const BATCH = 2000;
// Long enough for a team at bench scale; the snapshot only reads.
const TX = { timeout: 30 * 60_000, maxWait: 60_000 } as const;

type Raw = Pick<Db, "$queryRawUnsafe">;
export type Row = Record<string, unknown>;

export interface ManifestTable {
  name: string;
  rows: number;
  columns: string[];
  json: string;
  csv: string;
}

export interface Manifest {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  schema: string;
  exportedAt: string;
  team: { id: string; name: string };
  /** Times are UTC; dates (…On) are calendar days. */
  notes: string[];
  tables: ManifestTable[];
  excluded: Record<string, string>;
}

const fileName = (i: number, t: Table) => `${String(i + 1).padStart(2, "0")}-${t.name}`;

/** The WHERE clause that finds the team's rows of a table; $1 is the team id, or the members' ids (JSON). */
function scopeSql(t: Table) {
  if (t.scope === "team") return `t."id" = $1`;
  if (t.scope === "users") return `t."id" IN (SELECT jsonb_array_elements_text($1::jsonb))`;
  return `t."teamId" = $1`;
}

/** Reads the team's rows of one table in key order, a batch at a time. */
export async function* tableRows(db: Raw, t: Table, scopeParam: string): AsyncGenerator<Row[]> {
  const key = t.key.map((k) => `t.${quote(k)}`).join(", ");
  const keyOf = t.key.map((k) => `v.${quote(k)}`).join(", ");
  let after: Row | null = null;
  for (;;) {
    const where: string = after
      ? `${scopeSql(t)} AND (${key}) > (SELECT ${keyOf} FROM jsonb_populate_record(NULL::${quote(t.name)}, $2::jsonb) v)`
      : scopeSql(t);
    const params: unknown[] = after ? [scopeParam, JSON.stringify(after)] : [scopeParam];
    const rows: { r: Row }[] = await db.$queryRawUnsafe(
      `SELECT to_jsonb(t) AS r FROM ${quote(t.name)} t WHERE ${where} ORDER BY ${key} LIMIT ${BATCH}`,
      ...params,
    );
    if (rows.length === 0) return;
    yield rows.map((x) => exportRow(t, x.r));
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.r;
  }
}

/** A record as exported: the table's columns in order, times marked UTC, sealed text opened. */
function exportRow(t: Table, raw: Row): Row {
  const row: Row = {};
  for (const c of t.columns) {
    let v = raw[c.name] ?? null;
    if (typeof v === "string" && c.type === "timestamp without time zone" && !v.endsWith("Z")) v = `${v}Z`;
    row[c.name] = openSealed(v);
  }
  return row;
}

const csvCell = (v: unknown) =>
  v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : neutralizeCell(typeof v === "string" ? v : String(v));

/** Everyone the team's records name: its members and any user a record refers to. */
async function memberIds(db: Raw, tables: Table[], teamId: string): Promise<string[]> {
  const ids = new Set<string>();
  for (const t of tables) {
    if (t.scope !== "teamId") continue;
    for (const c of t.userRefs) {
      const rows = await db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT DISTINCT ${quote(c)} AS id FROM ${quote(t.name)} WHERE "teamId" = $1 AND ${quote(c)} IS NOT NULL`,
        teamId,
      );
      for (const r of rows) ids.add(r.id);
    }
  }
  return [...ids].sort();
}

const TOKYO_OFFSET_MS = 9 * 3_600_000;

/**
 * A zip entry's dates. The DOS date and time in the header have no zone, and Explorer and Finder show
 * them as they are: they hold the Tokyo wall clock (fflate reads the Date in the process's zone, so the
 * Tokyo fields are rebuilt in it). The extended-timestamp field (0x5455) holds the instant itself, for
 * tools that read it (Info-ZIP, 7-Zip, libarchive) and show it in their own zone.
 */
export function zipTimes(at: Date): { mtime: Date; extra: Record<number, Uint8Array> } {
  const tokyo = new Date(at.getTime() + TOKYO_OFFSET_MS);
  const mtime = new Date(
    tokyo.getUTCFullYear(),
    tokyo.getUTCMonth(),
    tokyo.getUTCDate(),
    tokyo.getUTCHours(),
    tokyo.getUTCMinutes(),
    tokyo.getUTCSeconds(),
  );
  const ut = new Uint8Array(5);
  ut[0] = 1; // the modification time is present
  new DataView(ut.buffer).setUint32(1, Math.floor(at.getTime() / 1000), true);
  return { mtime, extra: { 0x5455: ut } };
}

/** Writes a zip to `out` chunk by chunk, waiting whenever the destination asks to. */
class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | null = null;
  private readonly done: Promise<void>;
  private readonly encoder = new TextEncoder();
  private file: ZipDeflate | null = null;

  constructor(
    private readonly out: Writable,
    private readonly at: Date,
  ) {
    let finish!: () => void;
    this.done = new Promise((resolve) => (finish = resolve));
    this.zip = new Zip((err, chunk, final) => {
      if (err) this.failure = err;
      else out.write(chunk);
      if (final || err) finish();
    });
  }

  open(name: string) {
    this.file = new ZipDeflate(name, { level: 6 });
    Object.assign(this.file, zipTimes(this.at));
    this.zip.add(this.file);
  }

  async write(text: string, final = false) {
    if (this.failure) throw this.failure;
    this.file!.push(this.encoder.encode(text), final);
    if (this.out.writableNeedDrain) await once(this.out, "drain");
  }

  async close() {
    this.zip.end();
    await this.done;
    if (this.failure) throw this.failure;
    this.out.end();
    if (!this.out.writableFinished) await once(this.out, "finish");
  }
}

/** Writes the team's export to `out` and returns the manifest (counts per table). */
export async function writeTeamExport(db: Db, teamId: string, out: Writable, now = new Date()): Promise<Manifest> {
  return db.$transaction(
    async (tx) => {
      const raw = tx as unknown as Raw;
      const team = await tx.team.findUnique({ where: { id: teamId }, select: { id: true, name: true } });
      if (!team) throw new Error(`No team ${teamId}`);
      const tables = await teamTables(raw);
      const users = JSON.stringify(await memberIds(raw, tables, teamId));
      const param = (t: Table) => (t.scope === "users" ? users : teamId);
      const counted: ManifestTable[] = [];
      for (const [i, t] of tables.entries()) {
        const [{ n }] = await raw.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ${quote(t.name)} t WHERE ${scopeSql(t)}`,
          param(t),
        );
        counted.push({
          name: t.name,
          rows: n,
          columns: t.columns.map((c) => c.name),
          json: `json/${fileName(i, t)}.json`,
          csv: `csv/${fileName(i, t)}.csv`,
        });
      }
      const manifest: Manifest = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        schema: await schemaVersion(raw),
        exportedAt: now.toISOString(),
        team,
        notes: ["Times are UTC (ISO 8601). Fields ending in On are calendar days.", "Each JSON file is an array with one record per line."],
        tables: counted,
        excluded: EXCLUDED,
      };
      const zip = new ZipWriter(out, now);
      zip.open("manifest.json");
      await zip.write(`${JSON.stringify(manifest, null, 2)}\n`, true);
      for (const [i, t] of tables.entries()) {
        zip.open(counted[i].json);
        await zip.write("[\n");
        let first = true;
        for await (const batch of tableRows(raw, t, param(t))) {
          await zip.write(batch.map((r) => `${first ? "" : ",\n"}${((first = false), JSON.stringify(r))}`).join(""));
        }
        await zip.write(first ? "]\n" : "\n]\n", true);
        // The CSV reads the table a second time (same snapshot): the zip writes one file after the
        // other, and the alternative is holding a whole table's CSV in memory meanwhile.
        zip.open(counted[i].csv);
        await zip.write(`\uFEFF${Papa.unparse([counted[i].columns], { newline: "\r\n" })}\r\n`);
        for await (const batch of tableRows(raw, t, param(t))) {
          await zip.write(
            `${Papa.unparse(
              batch.map((r) => counted[i].columns.map((c) => csvCell(r[c]))),
              { newline: "\r\n" },
            )}\r\n`,
          );
        }
        await zip.write("", true);
      }
      await zip.close();
      return manifest;
    },
    { ...TX, isolationLevel: "RepeatableRead" },
  );
}
