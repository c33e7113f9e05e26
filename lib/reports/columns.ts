// Tables flattened into plain columns for CSV and Excel: a rate becomes its percentage plus the
// counts behind it, a mean its value plus n. Suppressed figures are "*" in every column.
import type { Translate } from "@/lib/dashboard/build";
import { SUPPRESSED } from "./format";
import { isSuppressed, type Fig, type Table } from "./types";

export type FlatKind = "pct" | "int" | "dec" | "text";
export interface FlatColumn {
  header: string;
  /** For a rate: the header as a percentage, for text files that carry no number format. */
  percentHeader?: string;
  kind: FlatKind;
  /** For "dec": the decimals every figure of the column is shown with (a count kept as a number has none). */
  digits?: number;
  value: (row: Fig[]) => number | string | null;
}

function columnKind(table: Table, i: number): Fig["t"] {
  const kinds = new Set(table.rows.map((r) => r.cells[i]?.t));
  for (const k of ["rate", "mean", "count", "num"] as const) if (kinds.has(k)) return k;
  return "text";
}

export function flatColumns(table: Table, t: Translate): FlatColumn[] {
  const out: FlatColumn[] = [{ header: t("dashboard.item"), kind: "text", value: () => null }];
  table.columns.forEach((name, i) => {
    // A column of column i: "*" wherever the figure is hidden, else what get reads from it.
    const col = (header: string, kind: FlatKind, get: (f: Fig | undefined) => number | string | null): FlatColumn => ({
      header,
      kind,
      value: (row) => (isSuppressed(row[i]) ? SUPPRESSED : get(row[i])),
    });
    switch (columnKind(table, i)) {
      case "rate":
        out.push(
          {
            ...col(t("dashboard.csv.rate", { name }), "pct", (f) => (f?.t === "rate" && f.n ? (f.hits ?? 0) / f.n : null)),
            percentHeader: t("dashboard.csv.percent", { name }),
          },
          col(t("dashboard.csv.hits", { name }), "int", (f) => (f?.t === "rate" ? f.hits : null)),
          col(t("dashboard.csv.n", { name }), "int", (f) => (f?.t === "rate" ? f.n : null)),
        );
        break;
      case "mean":
        out.push(
          { ...col(name, "dec", (f) => (f?.t === "mean" ? f.mean : null)), digits: 2 },
          col(t("dashboard.csv.n", { name }), "int", (f) => (f?.t === "mean" ? f.n : null)),
        );
        break;
      case "count":
        out.push(col(name, "int", (f) => (f?.t === "count" ? f.n : null)));
        break;
      case "num":
        out.push({
          ...col(name, "dec", (f) => (f?.t === "num" ? f.v : null)),
          digits: Math.max(
            0,
            ...table.rows.map((r) => {
              const f = r.cells[i];
              return f?.t === "num" ? (f.digits ?? 0) : 0;
            }),
          ),
        });
        break;
      default:
        out.push(col(name, "text", (f) => (f?.t === "text" ? f.v : null)));
    }
  });
  return out;
}
