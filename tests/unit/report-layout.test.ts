// The issued report's layout as a reader meets it: table headers on every page a table spans,
// numbers apart from the text beside them, Excel's header frozen and columns wide enough.
import ExcelJS from "exceljs";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderReportPdf } from "@/lib/reports/pdf";
import type { ReportData, Row } from "@/lib/reports/types";
import { renderReportXlsx } from "@/lib/reports/xlsx";

const rows: Row[] = Array.from({ length: 38 }, (_, i) => ({
  label: `製造第${i + 1}課`,
  cells: [
    { t: "num", v: i % 4 },
    { t: "num", v: 1 },
    { t: "text", v: "応援者あり" },
  ],
}));

const data: ReportData = {
  schema: 1,
  locale: "ja",
  teamName: "健康管理室",
  title: "協力の広がり",
  message: "いつもありがとうございます。\n今期の報告です。",
  periodLabel: "2026/04/01〜2026/09/30",
  generatedAt: "2026-10-01T00:00:00Z",
  minGroupSize: 5,
  summary: ["一文目。", "二文目。"],
  published: true,
  audience: "TEAM",
  notes: ["集計の方法。"],
  sections: [
    {
      id: "allies",
      title: "協力者の広がり",
      tables: [
        {
          id: "a",
          title: "前置きの表",
          columns: ["人数"],
          rows: Array.from({ length: 30 }, (_, i) => ({ label: `前置き${i + 1}`, cells: [{ t: "num", v: i }] })),
        },
        { id: "allies.coverage", title: "協力者のいる部署", columns: ["協力的以上", "応援者", "状況"], rows },
      ],
    },
  ],
};

async function pages(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const out: { str: string; x: number; y: number; w: number }[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    out.push(
      content.items
        .filter((i) => "str" in i && i.str.trim())
        .map((i) => {
          const it = i as { str: string; transform: number[]; width: number };
          return { str: it.str, x: it.transform[4]!, y: it.transform[5]!, w: it.width };
        }),
    );
  }
  return out;
}

describe("PDF tables", () => {
  it("repeat their header on every page they run onto, and keep numbers apart from the text beside them", async () => {
    const pdf = await renderReportPdf(data, new Date("2026-10-01T00:00:00Z"), 1);
    const all = await pages(pdf);
    const withRows = all.filter((items) => items.some((i) => /^製造第\d+課$/.test(i.str)));
    expect(withRows.length, "the coverage table spans two pages").toBeGreaterThanOrEqual(2);
    for (const items of withRows)
      expect(
        items.some((i) => i.str === "状況"),
        "header on each page",
      ).toBe(true);
    // "1 応援者あり": the status text starts well clear of the number before it.
    const page = withRows[0]!;
    const status = page.find((i) => i.str === "応援者あり")!;
    const number = page.filter((i) => Math.abs(i.y - status.y) < 1 && i.x < status.x).sort((a, b) => b.x - a.x)[0]!;
    expect(status.x - (number.x + number.w)).toBeGreaterThanOrEqual(8);
  });

  it("carry the footer on every page: the team (or the footnote) and the page of the whole, below the content", async () => {
    const pdf = await renderReportPdf(data, new Date("2026-10-01T00:00:00Z"), 1);
    const all = await pages(pdf);
    expect(all.length).toBeGreaterThanOrEqual(2);
    all.forEach((items, i) => {
      const number = items.find((it) => it.str === `${i + 1} / ${all.length}`);
      expect(number, `page ${i + 1} numbered`).toBeDefined();
      const team = items.find((it) => it.str === data.teamName && Math.abs(it.y - number!.y) < 1);
      expect(team, `page ${i + 1}: the team's name beside the number`).toBeDefined();
      // Nothing of the content runs into the footer's line.
      const lowest = Math.min(...items.filter((it) => it !== number && it !== team).map((it) => it.y));
      expect(lowest, `page ${i + 1}: content above the footer`).toBeGreaterThan(number!.y + 8);
    });
  });
});

describe("Excel sheets", () => {
  it("freeze the table header (not the title) and size every column to its content", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await renderReportXlsx(data, new Date("2026-10-01T00:00:00Z"), 1)).buffer);
    const ws = wb.getWorksheet("協力者の広がり")!;
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (!headerRow && row.getCell(1).value === "項目") headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(1);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow, xSplit: 1 });
    const used = Math.max(
      ...ws
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).length - 1),
    );
    for (let c = 1; c <= used; c++) expect(ws.getColumn(c).width, `column ${c}`).toBeGreaterThanOrEqual(8);
    // A long Japanese status needs more than the default; a wide label column fits "製造第38課" and its indentation.
    expect(ws.getColumn(1).width!).toBeGreaterThanOrEqual(12);
  });
});
