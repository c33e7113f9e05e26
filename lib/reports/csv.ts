// A section (or a whole report) as CSV: UTF-8 with BOM, each table under its title. Only published
// data goes in: the caller passes publish(data), so suppressed numbers are already gone.
import { translatorFor } from "@/lib/i18n/translator";
import { toCsv } from "@/lib/export/csv";
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
    if (s.comment) lines.push([s.title], [s.comment], []);
    for (const table of s.tables) {
      const cols = flatColumns(table, t);
      // A text file has no number formats: rates go out as percentages with one decimal (the
      // header says %), other decimals with two.
      const shown = (c: (typeof cols)[number], v: string | number | null) =>
        typeof v !== "number" ? v : c.kind === "pct" ? (v * 100).toFixed(1) : c.kind === "dec" ? Math.round(v * 100) / 100 : v;
      lines.push(
        [`${s.title} — ${table.title}`],
        cols.map((c) => c.percentHeader ?? c.header),
      );
      for (const row of table.rows) {
        lines.push(cols.map((c, i) => (i === 0 ? `${"　".repeat(row.depth ?? 0)}${row.label}` : shown(c, c.value(row.cells)))));
      }
      lines.push([]);
    }
    if (s.notes?.length) lines.push(...s.notes.map((n) => [n]), []);
  }
  lines.push([t("dashboard.methods")], ...data.notes.map((n) => [n]));
  const width = Math.max(...lines.map((l) => l.length));
  const [header, ...rows] = lines.map((l) => [...l, ...Array(width - l.length).fill("")].map((c) => (c === null ? "" : c)));
  return toCsv(header as string[], rows as (string | number)[][]);
}
