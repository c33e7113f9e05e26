// The filtered key-person list as CSV (UTF-8 with BOM), in the import's own columns so it round-trips,
// and the same table as an Excel workbook: LibreOffice's CSV import guesses the encoding wrongly by
// default, a workbook carries its own.
import ExcelJS from "exceljs";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { tokyoDay } from "@/lib/dates";
import { neutralizeCell } from "@/lib/export/formula";
import { PRODUCER } from "@/lib/export/producer";
import { keyPersonWhere } from "@/lib/key-persons/queries";
import type { KeyPersonFilter } from "@/lib/key-persons/schemas";
import ja from "@/messages/ja.json";
import { toCsv } from "@/lib/export/csv";
import { templateHeader } from "./columns";

const EXPORT_LIMIT = 50_000;

export type KeyPersonExportFormat = "csv" | "xlsx";

async function exportRows(ctx: TeamCtx, filter: KeyPersonFilter, format: KeyPersonExportFormat, now: Date) {
  const where = await keyPersonWhere(ctx, filter, now);
  const rows = await ctx.db.keyPerson.findMany({
    where,
    orderBy: [{ nameKana: "asc" }, { id: "asc" }],
    take: EXPORT_LIMIT,
    select: {
      externalId: true,
      name: true,
      nameKana: true,
      title: true,
      kind: true,
      stance: true,
      influence: true,
      interest: true,
      tags: true,
      notes: true,
      lastContactAt: true,
      department: { select: { name: true, externalId: true } },
      reportsTo: { select: { externalId: true, name: true } },
      owner: { select: { name: true } },
    },
  });
  const header = [...templateHeader("keyPersons").split(","), "最終接点", "担当保健師"];
  const table = {
    header,
    rows: rows.map((r) => [
      r.externalId,
      r.name,
      r.nameKana,
      r.title,
      r.department?.externalId ?? r.department?.name ?? "",
      ja.keyPersonKinds[r.kind],
      ja.stances[r.stance],
      r.influence,
      r.interest,
      r.reportsTo?.externalId ?? "",
      r.tags.join(";"),
      r.notes,
      r.lastContactAt ? tokyoDay(r.lastContactAt) : "",
      r.owner?.name ?? "",
    ]),
  };
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "keyPersons.export",
    entityType: "KeyPerson",
    detail: { count: rows.length, format, filter: JSON.parse(JSON.stringify(filter)) },
  });
  return table;
}

export async function exportKeyPersonsCsv(ctx: TeamCtx, filter: KeyPersonFilter, now = new Date()) {
  const { header, rows } = await exportRows(ctx, filter, "csv", now);
  return { csv: toCsv(header, rows), count: rows.length };
}

/** Columns that hold numbers (影響力, 関心度) and the day of the last contact, by header position. */
const NUMBER_COLUMNS = new Set([7, 8]);
const DAY_COLUMN = 12;

/** The same list as an Excel workbook: real numbers and dates, a frozen header with filters, every text cell neutralised. */
export async function exportKeyPersonsXlsx(ctx: TeamCtx, filter: KeyPersonFilter, now = new Date()) {
  const { header, rows } = await exportRows(ctx, filter, "xlsx", now);
  const wb = new ExcelJS.Workbook();
  wb.creator = PRODUCER;
  wb.created = now;
  const ws = wb.addWorksheet("キーパーソン", {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const head = ws.addRow(header);
  head.font = { bold: true };
  for (const r of rows) {
    ws.addRow(
      r.map((v, i) => {
        if (NUMBER_COLUMNS.has(i) && v !== "" && v !== null) return Number(v);
        if (i === DAY_COLUMN && v) return new Date(`${v}T00:00:00Z`);
        return neutralizeCell(v ?? "");
      }),
    );
  }
  ws.getColumn(DAY_COLUMN + 1).numFmt = "yyyy/m/d";
  header.forEach((h, i) => (ws.getColumn(i + 1).width = i === 11 ? 40 : Math.max(10, Math.min(24, h.length * 2 + 2))));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return { xlsx: Buffer.from(await wb.xlsx.writeBuffer()), count: rows.length };
}
