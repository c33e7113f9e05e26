// Tables flattened into plain columns for CSV and Excel: a rate becomes its percentage plus the
// counts behind it, a mean its value plus n. Suppressed figures are "*" in every column.
import type { Translate } from "@/lib/dashboard/build";
import { SUPPRESSED } from "./format";
import type { Fig, Table } from "./types";

export type FlatKind = "pct" | "int" | "dec" | "text";
export interface FlatColumn {
  header: string;
  kind: FlatKind;
  value: (row: Fig[]) => number | string | null;
}

function columnKind(table: Table, i: number): Fig["t"] {
  const kinds = new Set(table.rows.map((r) => r.cells[i]?.t));
  for (const k of ["rate", "mean", "count", "num"] as const) if (kinds.has(k)) return k;
  return "text";
}

const hidden = (f: Fig | undefined) => !!f && "s" in f && !!f.s;

export function flatColumns(table: Table, t: Translate): FlatColumn[] {
  const out: FlatColumn[] = [{ header: t("dashboard.item"), kind: "text", value: () => null }];
  table.columns.forEach((name, i) => {
    const cell = (row: Fig[]) => row[i];
    switch (columnKind(table, i)) {
      case "rate":
        out.push(
          { header: t("dashboard.csv.rate", { name }), kind: "pct", value: (r) => { const f = cell(r); if (hidden(f)) return SUPPRESSED; return f?.t === "rate" && f.n ? (f.hits ?? 0) / f.n : null; } },
          { header: t("dashboard.csv.hits", { name }), kind: "int", value: (r) => { const f = cell(r); if (hidden(f)) return SUPPRESSED; return f?.t === "rate" ? f.hits : null; } },
          { header: t("dashboard.csv.n", { name }), kind: "int", value: (r) => { const f = cell(r); if (hidden(f)) return SUPPRESSED; return f?.t === "rate" ? f.n : null; } },
        );
        break;
      case "mean":
        out.push(
          { header: name, kind: "dec", value: (r) => { const f = cell(r); if (hidden(f)) return SUPPRESSED; return f?.t === "mean" ? f.mean : null; } },
          { header: t("dashboard.csv.n", { name }), kind: "int", value: (r) => { const f = cell(r); if (hidden(f)) return SUPPRESSED; return f?.t === "mean" ? f.n : null; } },
        );
        break;
      case "count":
        out.push({ header: name, kind: "int", value: (r) => { const f = cell(r); if (hidden(f)) return SUPPRESSED; return f?.t === "count" ? f.n : null; } });
        break;
      case "num":
        out.push({ header: name, kind: "dec", value: (r) => { const f = cell(r); return f?.t === "num" ? f.v : null; } });
        break;
      default:
        out.push({ header: name, kind: "text", value: (r) => { const f = cell(r); return f?.t === "text" ? f.v : null; } });
    }
  });
  return out;
}
