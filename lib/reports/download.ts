// Report files as HTTP responses: one place for names, types and the headers every download gets.
import { tokyoDay } from "@/lib/dates";
import { reportCsv } from "./csv";
import { renderReportPdf } from "./pdf";
import type { ReportData } from "./types";
import { renderReportXlsx } from "./xlsx";

export type ReportFormat = "pdf" | "xlsx" | "csv";

const TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

export async function reportFileResponse(data: ReportData, issuedAt: Date, number: number, format: ReportFormat): Promise<Response> {
  const body =
    format === "pdf"
      ? await renderReportPdf(data, issuedAt, number)
      : format === "xlsx"
        ? await renderReportXlsx(data, issuedAt, number)
        : reportCsv(data);
  // The day in Tokyo: between 00:00 and 09:00 JST the UTC date is still yesterday's.
  const ascii = `report-${tokyoDay(issuedAt)}-v${number}.${format}`;
  const utf8 = encodeURIComponent(`${data.title}-v${number}.${format}`);
  return new Response(new Uint8Array(typeof body === "string" ? Buffer.from(body, "utf8") : body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
