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

/**
 * Axis ticks at round steps (1, 2 or 5 × a power of ten), at most six, from 0 to the first step at
 * or above max; whole numbers for counts.
 */
export function niceTicks(max: number, integer: boolean): number[] {
  const top = Math.max(max, integer ? 1 : 0, Number.EPSILON);
  let step = 0;
  for (let p = 10 ** Math.floor(Math.log10(top / 5)); !step; p *= 10) {
    for (const m of [1, 2, 5]) {
      if ((integer && m * p < 1) || Math.ceil(top / (m * p) - 1e-9) > 5) continue;
      step = m * p;
      break;
    }
  }
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const count = Math.ceil(top / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(decimals)));
}

/** The value axis of a chart: 0–100 % for rates, else round steps up to the tallest bar or stack. */
export function axisTicks(chart: ChartData): number[] {
  if (chart.percent) return niceTicks(100, false);
  const tallest = chart.labels.map((_, i) =>
    chart.kind === "stacked"
      ? chart.series.reduce((a, sr) => a + (sr.values[i] ?? 0), 0)
      : Math.max(0, ...chart.series.map((sr) => sr.values[i] ?? 0)),
  );
  return niceTicks(Math.max(0, ...tallest), true);
}
