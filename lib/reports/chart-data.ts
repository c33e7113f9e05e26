// One series definition for the web charts (Recharts) and the PDF charts (react-pdf SVG).
import { chartValue } from "./format";
import type { Table } from "./types";

export const STANCE_COLORS = ["#b91c1c", "#d97706", "#a8a29e", "#2f8f74", "#1c5c4b"];
export const PALETTE = ["#23745e", "#2563eb", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#78716c", "#dc2626"];

export interface ChartSeries {
  name: string;
  color: string;
  values: (number | null)[];
}

export interface ChartData {
  kind: "bar" | "stacked";
  percent: boolean;
  labels: string[];
  series: ChartSeries[];
}

export function chartData(table: Table, reveal = false): ChartData | null {
  if (!table.chart) return null;
  const rows = table.chart.skipTotals ? table.rows.filter((r) => !r.total) : table.rows;
  if (rows.length === 0) return null;
  const colors = table.id === "allies.byQuarter" ? STANCE_COLORS : PALETTE;
  return {
    kind: table.chart.kind,
    percent: !!table.chart.percent,
    labels: rows.map((r) => r.label),
    series: table.chart.series.map((col, i) => ({
      name: table.columns[col] ?? "",
      color: colors[i % colors.length]!,
      values: rows.map((r) => chartValue(r.cells[col], table.chart!.percent, reveal)),
    })),
  };
}
