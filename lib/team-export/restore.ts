// Restores a team export (lib/team-export/export.ts) into an installation that does not hold the
// team or its members yet: one transaction, so a refused or broken file leaves nothing behind.
// The zip is read as a stream and inserted a batch at a time; health data is sealed again under this
// installation's key, and employee codes get this installation's keyed hash. Members come back
// without passwords or second factors: the restore command prints a set-password link per admin.
import { Unzip, UnzipInflate } from "fflate";
import { audit } from "@/lib/audit";
import { employeeCodeHash, SEALED_CASE_FIELDS, sealText } from "@/lib/crypto/sealed-text";
import type { Db } from "@/lib/db/client";
import { quote, schemaVersion, teamTables, type Table } from "./catalog";
import { EXPORT_FORMAT, EXPORT_VERSION, type Manifest, type ManifestTable, type Row } from "./export";

const BATCH = 1000;
const TX = { timeout: 60 * 60_000, maxWait: 60_000 } as const;
/** A password no sign-in can match (not an argon2 hash): members set theirs through a link. */
export const NO_PASSWORD = "!restored";

type Raw = Pick<Db, "$queryRawUnsafe" | "$executeRawUnsafe">;

export class RestoreError extends Error {}

export interface RestoreResult {
  team: { id: string; name: string };
  counts: Record<string, number>;
  admins: { id: string; email: string; name: string }[];
}

/** Values restored differently from how they were exported: sealed again, or re-derived. */
function restoreRow(table: string, row: Row): Row {
  if (table === "User") return { ...row, passwordHash: NO_PASSWORD };
  if (table === "Case") {
    const sealed: Row = { ...row, employeeCodeHash: employeeCodeHash(String(row.teamId), String(row.employeeCode)) };
    for (const f of SEALED_CASE_FIELDS) sealed[f] = sealText((row[f] as string | null) ?? null);
    return sealed;
  }
  if (table === "CaseAssessment") return { ...row, note: sealText((row.note as string | null) ?? null) };
  if (table === "Touchpoint" && row.caseId) return { ...row, summary: sealText((row.summary as string | null) ?? null) };
  return row;
}

const EXTRA_COLUMNS: Record<string, string[]> = { User: ["passwordHash"], Case: ["employeeCodeHash"] };

/** One table's file being read: its lines, the batch waiting to go in, and links to set afterwards. */
class TableLoader {
  private readonly decoder = new TextDecoder();
  private rest = "";
  private batch: Row[] = [];
  private readonly links: Row[] = [];
  rows = 0;

  constructor(
    private readonly tx: Raw,
    private readonly table: Table,
    private readonly entry: ManifestTable,
  ) {}

  async push(chunk: Uint8Array, final: boolean) {
    const text = this.rest + this.decoder.decode(chunk, { stream: !final });
    const lines = text.split("\n");
    this.rest = final ? "" : lines.pop()!;
    for (const line of lines) {
      const body = line.trim().replace(/,$/, "");
      if (body === "" || body === "[" || body === "]") continue;
      let row: Row;
      try {
        row = JSON.parse(body) as Row;
      } catch {
        throw new RestoreError(`${this.entry.json}: record ${this.rows + 1} is not valid JSON`);
      }
      if (this.table.selfRefs.some((c) => row[c] != null)) {
        this.links.push(Object.fromEntries([...this.table.key, ...this.table.selfRefs].map((c) => [c, row[c]])));
        row = { ...row, ...Object.fromEntries(this.table.selfRefs.map((c) => [c, null])) };
      }
      this.batch.push(restoreRow(this.table.name, row));
      this.rows += 1;
      if (this.batch.length >= BATCH) await this.flush();
    }
    if (final) await this.finish();
  }

  private async flush() {
    if (!this.batch.length) return;
    // Accounts are global: one that exists here already would be taken over, so the restore stops.
    if (this.table.name === "User") await checkUsers(this.tx, this.batch);
    const cols = [...this.entry.columns, ...(EXTRA_COLUMNS[this.table.name] ?? [])].map(quote).join(", ");
    const t = quote(this.table.name);
    await this.tx.$executeRawUnsafe(
      `INSERT INTO ${t} (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`,
      JSON.stringify(this.batch),
    );
    this.batch = [];
  }

  private async finish() {
    await this.flush();
    if (this.rows !== this.entry.rows)
      throw new RestoreError(`${this.entry.json}: ${this.rows} records, the manifest says ${this.entry.rows}; the file is incomplete`);
    const t = quote(this.table.name);
    const set = this.table.selfRefs.map((c) => `${quote(c)} = v.${quote(c)}`).join(", ");
    const match = this.table.key.map((k) => `t.${quote(k)} = v.${quote(k)}`).join(" AND ");
    for (let i = 0; i < this.links.length; i += BATCH) {
      await this.tx.$executeRawUnsafe(
        `UPDATE ${t} t SET ${set} FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb) v WHERE ${match}`,
        JSON.stringify(this.links.slice(i, i + BATCH)),
      );
    }
  }
}

async function checkManifest(tx: Raw, manifest: Manifest, tables: Table[]) {
  if (manifest.format !== EXPORT_FORMAT || manifest.version !== EXPORT_VERSION)
    throw new RestoreError("Not a team export of this product (manifest.json format/version)");
  const schema = await schemaVersion(tx);
  if (manifest.schema !== schema)
    throw new RestoreError(
      `The export is of schema ${manifest.schema}; this installation is at ${schema}. Restore into an installation of the same version.`,
    );
  const known = new Map(tables.map((t) => [t.name, t]));
  for (const m of manifest.tables) {
    const t = known.get(m.name);
    if (!t) throw new RestoreError(`The export holds a table this installation does not know: ${m.name}`);
    const missing = m.columns.filter((c) => !t.columns.some((x) => x.name === c));
    if (missing.length) throw new RestoreError(`${m.name}: unknown columns ${missing.join(", ")}`);
  }
  const team = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "Team" WHERE id = $1`, manifest.team.id);
  if (team.length) throw new RestoreError(`This installation already holds the team ${manifest.team.name} (${manifest.team.id})`);
}

async function checkUsers(tx: Raw, rows: Row[]) {
  const clash = await tx.$queryRawUnsafe<{ email: string }[]>(
    `SELECT email FROM "User" WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) OR lower(email) IN (SELECT lower(jsonb_array_elements_text($2::jsonb)))`,
    JSON.stringify(rows.map((r) => r.id)),
    JSON.stringify(rows.map((r) => r.email)),
  );
  if (clash.length)
    throw new RestoreError(
      `These accounts already exist here: ${clash.map((c) => c.email).join(", ")}. Restore into an empty installation.`,
    );
}

/** Restores the export read from `input` (the zip's bytes, in order). */
export async function restoreTeamExport(db: Db, input: AsyncIterable<Uint8Array>): Promise<RestoreResult> {
  return db.$transaction(async (txClient) => {
    const tx = txClient as unknown as Raw;
    const tables = await teamTables(tx);
    let manifest: Manifest | null = null;
    let manifestText = "";
    // One decoder across chunks: a character can be split between two of them.
    const manifestDecoder = new TextDecoder();
    const loaders = new Map<string, TableLoader>();
    const pending: { name: string; chunk: Uint8Array; final: boolean }[] = [];
    let failure: Error | null = null;

    const unzip = new Unzip((file) => {
      if (file.name !== "manifest.json" && !file.name.startsWith("json/")) return;
      file.ondata = (err, chunk, final) => {
        if (err) failure = err;
        else pending.push({ name: file.name, chunk, final });
      };
      file.start();
    });
    unzip.register(UnzipInflate);

    const handle = async ({ name, chunk, final }: (typeof pending)[number]) => {
      if (name === "manifest.json") {
        manifestText += manifestDecoder.decode(chunk, { stream: !final });
        if (!final) return;
        try {
          manifest = JSON.parse(manifestText) as Manifest;
        } catch {
          throw new RestoreError("manifest.json is not valid JSON");
        }
        await checkManifest(tx, manifest, tables);
        for (const m of manifest.tables)
          loaders.set(
            m.json,
            new TableLoader(
              tx,
              tables.find((t) => t.name === m.name)!,
              m,
            ),
          );
        return;
      }
      if (!manifest) throw new RestoreError("manifest.json must come first in the zip");
      const loader = loaders.get(name);
      if (!loader) throw new RestoreError(`${name} is not listed in manifest.json`);
      await loader.push(chunk, final);
    };
    const drain = async () => {
      while (pending.length) {
        if (failure) break;
        await handle(pending.shift()!);
      }
      if (failure) throw new RestoreError(`The zip is damaged: ${(failure as Error).message}`);
    };
    const feed = (chunk: Uint8Array, final = false) => {
      try {
        unzip.push(chunk, final);
      } catch (e) {
        throw new RestoreError(`The zip is damaged: ${(e as Error).message}`);
      }
    };
    for await (const chunk of input) {
      feed(chunk);
      await drain();
    }
    feed(new Uint8Array(0), true);
    await drain();
    const m = manifest as Manifest | null;
    if (!m) throw new RestoreError("No manifest.json: not a team export");
    const counts: Record<string, number> = {};
    for (const entry of m.tables) {
      const loader = loaders.get(entry.json)!;
      if (loader.rows !== entry.rows) throw new RestoreError(`${entry.json} is missing from the zip`);
      counts[entry.name] = loader.rows;
    }
    await audit(txClient, {
      teamId: m.team.id,
      actorId: null,
      action: "team.restored",
      entityType: "Team",
      entityId: m.team.id,
      detail: { exportedAt: m.exportedAt, counts },
    });
    const admins = await txClient.membership.findMany({
      where: { teamId: m.team.id, role: "ADMIN", status: "ACTIVE" },
      select: { user: { select: { id: true, email: true, name: true } } },
      orderBy: { createdAt: "asc" },
    });
    return { team: m.team, counts, admins: admins.map((a) => a.user) };
  }, TX);
}
