// The issued report as an Excel workbook: a summary sheet, one sheet per section (rates as real
// percentages, counts as numbers, suppressed cells as "*"), and a notes sheet with definitions.
// Every text cell is neutralised against formula injection.
import ExcelJS from "exceljs";
import { tokyoDay } from "@/lib/dates";
import { translatorFor } from "@/lib/i18n/translator";
import { neutralizeCell } from "@/lib/export/formula";
import { flatColumns, type FlatColumn } from "./columns";
import { hasSuppressed, SUPPRESSED } from "./format";
import type { ReportData } from "./types";
import { numberFormat as intlNumber } from "@/lib/i18n/intl";

const FORBIDDEN = /[:\\/?*[\]：＼／？＊［］]/g;

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ] (full-width forms too), unique. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(FORBIDDEN, " ")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "Sheet";
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Width in Excel's character units: full-width characters take two. */
function displayWidth(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const str = typeof v === "number" ? intlNumber("en-US", { maximumFractionDigits: 2 }).format(v) : String(v);
  let w = 0;
  for (const ch of str)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const FORMATS = { pct: "0.0%", int: "#,##0", text: "@" } as const;

/** The number format a column's figures are shown with on screen: a count kept as a number shows no decimals. */
export const numberFormat = (c: Pick<FlatColumn, "kind" | "digits">) =>
  c.kind === "dec" ? (c.digits ? `#,##0.${"0".repeat(c.digits)}` : "#,##0") : FORMATS[c.kind];

/** Printing: A4, as many pages tall as needed but one page wide, so a wide table never splits across pages. */
export const PRINT_SETUP: Partial<ExcelJS.PageSetup> = { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

export async function renderReportXlsx(data: ReportData, issuedAt: Date, number: number): Promise<Buffer> {
  if (!data.published) throw new Error("only published data may be exported");
  const t = translatorFor(data.locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = data.teamName;
  wb.created = issuedAt;
  const taken = new Set<string>();
  const text = (v: string) => neutralizeCell(v);
  const footnote = hasSuppressed(data) ? t("dashboard.footnote", { k: data.minGroupSize }) : null;

  const cover = wb.addWorksheet(sheetName(t("reports.xlsx.summarySheet"), taken), { pageSetup: PRINT_SETUP });
  cover.columns = [{ width: 110 }];
  cover.addRow([text(data.title)]).font = { bold: true, size: 14 };
  cover.addRow([text(data.teamName)]);
  cover.addRow([text(t("reports.pdf.period", { period: data.periodLabel }))]);
  cover.addRow([text(t("reports.pdf.issued", { date: tokyoDay(issuedAt).replaceAll("-", "/"), number }))]);
  if (data.message) cover.addRow([text(data.message)]).alignment = { wrapText: true };
  cover.addRow([]);
  if (data.summary.length) {
    cover.addRow([text(t("dashboard.summaryTitle"))]).font = { bold: true };
    for (const line of data.summary) cover.addRow([text(line)]).alignment = { wrapText: true };
  }

  for (const section of data.sections) {
    const ws = wb.addWorksheet(sheetName(section.title, taken), { pageSetup: { ...PRINT_SETUP, orientation: "landscape" } });
    ws.addRow([text(section.title)]).font = { bold: true, size: 13 };
    if (section.comment) ws.addRow([text(section.comment)]).alignment = { wrapText: true, vertical: "top" };
    const widths: number[] = [];
    let frozenAt = 0;
    for (const table of section.tables) {
      const cols = flatColumns(table, t);
      ws.addRow([]);
      ws.addRow([text(table.title)]).font = { bold: true };
      const header = ws.addRow(cols.map((c) => text(c.header)));
      frozenAt ||= header.number;
      header.font = { bold: true };
      header.alignment = { wrapText: true, vertical: "top" };
      if (table.rows.length === 0) ws.addRow([text(table.empty ?? "")]);
      for (const row of table.rows) {
        const values = cols.map((c, i) => {
          if (i === 0) return text(`${"  ".repeat(row.depth ?? 0)}${row.label}`);
          const v = c.value(row.cells);
          return typeof v === "string" ? text(v) : v;
        });
        const added = ws.addRow(values);
        values.forEach((v, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(v) + (i === 0 ? 2 : 1))));
        if (row.total) added.font = { bold: true };
        cols.forEach((c, i) => {
          const cell = added.getCell(i + 1);
          if (typeof cell.value === "number") cell.numFmt = numberFormat(c);
          if (cell.value === SUPPRESSED) cell.alignment = { horizontal: "right" };
          if (c.kind === "text") cell.alignment = { wrapText: true, vertical: "top" };
        });
      }
      // Headers wrap, so they need only their longest run, not their whole length.
      cols.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, Math.min(displayWidth(c.header), 16))));
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.min(Math.max(w, 8), i === 0 ? 40 : 48)));
    if (section.notes?.length) {
      ws.addRow([]);
      for (const n of section.notes) ws.addRow([text(n)]).font = { size: 9 };
    }
    if (footnote) {
      ws.addRow([]);
      ws.addRow([text(footnote)]).font = { italic: true, size: 9 };
    }
    // The first table's header and the item column stay in view while scrolling.
    ws.views = [{ state: "frozen", ySplit: frozenAt || 1, xSplit: frozenAt ? 1 : 0 }];
  }

  const notes = wb.addWorksheet(sheetName(t("dashboard.methods"), taken), { pageSetup: PRINT_SETUP });
  notes.columns = [{ width: 120 }];
  notes.addRow([text(t("dashboard.methods"))]).font = { bold: true };
  for (const n of data.notes) notes.addRow([text(n)]).alignment = { wrapText: true };
  if (footnote) notes.addRow([text(footnote)]).alignment = { wrapText: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
