// Keeping what is sealed sealed, in batches that never hold a table for long:
// - sealPending: rows written before sealing existed (or by a bulk path such as the demo seed) are
//   sealed at start-up, with the employee code's keyed hash filled in.
// - rotateKeys (`npm run rotate-key`): every value sealed with a retired key is re-sealed with the
//   current one, and the employee codes' keyed hashes are recomputed under it.
// Table and column names come from the list below, never from input.
import type { Db } from "@/lib/db/client";
import { currentKeyId, open, seal } from "./secret-box";
import { employeeCodeHash, openText, SEALED_CASE_FIELDS } from "./sealed-text";

interface Column {
  table: string;
  column: string;
  /** Only these rows hold health data (a touchpoint's summary is sealed when it is on a case). */
  where?: string;
  /** Sealed at start-up when found plain: health data, and mail bodies written before they were
   * sealed; the others were always written sealed. */
  health?: boolean;
  /** The primary key column, when it is not "id". */
  key?: string;
}

const COLUMNS: Column[] = [
  ...SEALED_CASE_FIELDS.map((column) => ({ table: "Case", column, health: true })),
  { table: "CaseAssessment", column: "note", health: true },
  { table: "Touchpoint", column: "summary", where: `"caseId" IS NOT NULL`, health: true },
  { table: "User", column: "totpSecret" },
  { table: "TeamSso", column: "clientSecret", key: "teamId" },
  { table: "SsoLogin", column: "codeVerifier" },
  // A held or queued mail's body may carry a reset, unlock or invitation link.
  { table: "MailMessage", column: "text", where: `"text" <> ''`, health: true },
  { table: "MailMessage", column: "html", where: `"html" <> ''`, health: true },
];

const BATCH = 500;
const SEALED_RE = "^v1\\.[A-Za-z0-9_-]{8}\\.";

async function rewrite(db: Db, c: Column, condition: string, transform: (value: string) => string): Promise<number> {
  let done = 0;
  let after = "";
  const key = `"${c.key ?? "id"}"`;
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ id: string; value: string }[]>(
      `SELECT ${key} AS id, "${c.column}" AS value FROM "${c.table}" WHERE ${key} > $1 AND "${c.column}" IS NOT NULL AND ${condition}${c.where ? ` AND ${c.where}` : ""} ORDER BY ${key} LIMIT ${BATCH}`,
      after,
    );
    if (rows.length === 0) return done;
    await db.$transaction(async (tx) => {
      for (const r of rows) {
        // Guarded by the old value: a row edited meanwhile was written sealed already.
        done += await tx.$executeRawUnsafe(
          `UPDATE "${c.table}" SET "${c.column}" = $1 WHERE ${key} = $2 AND "${c.column}" = $3`,
          transform(r.value),
          r.id,
          r.value,
        );
      }
    });
    after = rows.at(-1)!.id;
  }
}

/** Employee-code hashes: filled where missing, or (after a rotation) recomputed for every case. */
async function rehashCases(db: Db, all: boolean): Promise<number> {
  let done = 0;
  let after = "";
  for (;;) {
    const rows = await db.case.findMany({
      where: { id: { gt: after }, ...(all ? {} : { employeeCodeHash: null }) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, teamId: true, employeeCode: true },
    });
    if (rows.length === 0) return done;
    await db.$transaction(async (tx) => {
      for (const r of rows) {
        await tx.case.update({ where: { id: r.id }, data: { employeeCodeHash: employeeCodeHash(r.teamId, openText(r.employeeCode)) } });
        done += 1;
      }
    });
    after = rows.at(-1)!.id;
  }
}

/** Seals health data found plain. Idempotent; returns how many values were sealed. */
export async function sealPending(db: Db): Promise<number> {
  let n = 0;
  for (const c of COLUMNS.filter((x) => x.health))
    n += await rewrite(db, c, `"${c.column}" <> '' AND "${c.column}" !~ '${SEALED_RE}'`, (v) => seal(v));
  await rehashCases(db, false);
  return n;
}

/** Re-seals everything sealed with a retired key under the current one. */
export async function rotateKeys(db: Db): Promise<{ resealed: number; rehashed: number }> {
  const current = currentKeyId();
  let resealed = 0;
  for (const c of COLUMNS)
    resealed += await rewrite(db, c, `"${c.column}" ~ '${SEALED_RE}' AND left("${c.column}", 12) <> 'v1.${current}.'`, (v) =>
      seal(open(v)),
    );
  resealed += await sealPending(db);
  return { resealed, rehashed: await rehashCases(db, true) };
}
