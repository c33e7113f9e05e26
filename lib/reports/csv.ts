// A section (or a whole report) as CSV: UTF-8 with BOM, each table under its title. Only published
// data goes in: the caller passes publish(data), so suppressed numbers are already gone.
import { translatorFor } from "@/lib/dashboard/build";
import { toCsv } from "@/lib/csv/codec";
import { flatColumns } from "./columns";
import type { ReportData, SectionId } from "./types";

export function reportCsv(data: ReportData, section?: SectionId): string {
  if (!data.published) throw new Error("only published data may be exported");
  const t = translatorFor(data.locale);
  const lines: (string | number | null)[][] = [[data.title], [data.teamName], [data.periodLabel], []];
  if (!section || section === "summary") {
    lines.push([t("dashboard.summaryTitle")], ...data.summary.map((s) => [s]), []);
  }
  for (const s of data.sections.filter((x) => !section || x.id === section)) {
    for (const table of s.tables) {
      const cols = flatColumns(table, t);
      lines.push([`${s.title} — ${table.title}`], cols.map((c) => c.header));
      for (const row of table.rows) {
        lines.push(cols.map((c, i) => (i === 0 ? `${"　".repeat(row.depth ?? 0)}${row.label}` : c.value(row.cells))));
      }
      lines.push([]);
    }
  }
  lines.push([t("dashboard.methods")], ...data.notes.map((n) => [n]));
  const width = Math.max(...lines.map((l) => l.length));
  const [header, ...rows] = lines.map((l) => [...l, ...Array(width - l.length).fill("")].map((c) => (c === null ? "" : c)));
  return toCsv(header as string[], rows as (string | number)[][]);
}
