// The allies section: stance counts at each quarter's end, moves up and down, and the departments
// where health work has an ally or a champion.
import { DAY_MS } from "@/lib/dates";
import { STANCES } from "@/lib/key-persons/schemas";
import type { Translate } from "@/lib/i18n/translator";
import type { Fig, Section, Table } from "@/lib/reports/types";
import type * as q from "../queries";
import { formatDay, quarterLabel } from "./periods";
import { compareJa } from "@/lib/i18n/collate";

type Locale = "ja" | "en";

const countAt = (rows: q.StanceAtRow[], at: string | undefined, stance: string) =>
  rows.filter((r) => r.at === at && r.stance === stance).reduce((a, r) => a + r.n, 0);

export type AllyData = {
  /** Quarter-end moments (YYYY-MM-DD) and the stance counts at each. */
  momentKeys: string[];
  stanceRows: q.StanceAtRow[];
  quarters: string[];
  moves: ReturnType<typeof q.stanceMoves>;
  coverage: q.CoverageRow[];
  /** The team's departments by id, and the label that tells apart two of the same name. */
  byId: Map<string, { id: string; name: string }>;
  labelOf: Map<string, string>;
};

export function alliesSection(
  t: Translate,
  locale: Locale,
  { momentKeys, stanceRows, quarters, moves, coverage, byId, labelOf }: AllyData,
) {
  const covered = coverage.filter((c) => c.allies > 0).length;
  const stanceTable: Table = {
    id: "allies.byQuarter",
    title: t("dashboard.allies.byQuarter"),
    columns: STANCES.map((s) => t(`stances.${s}`)),
    rows: momentKeys.map((m) => ({
      label: t("dashboard.allies.asOf", { date: formatDay(locale, new Date(new Date(`${m}T00:00:00Z`).getTime() - DAY_MS)) }),
      cells: STANCES.map((s) => ({ t: "num" as const, v: countAt(stanceRows, m, s) })),
    })),
    chart: { kind: "stacked", series: STANCES.map((_, i) => i) },
  };
  const movesTable: Table = {
    id: "allies.moves",
    title: t("dashboard.allies.moves"),
    columns: [t("dashboard.allies.up"), t("dashboard.allies.down")],
    rows: quarters.map((qk) => {
      const m = moves.find((r) => r.q === qk);
      return {
        label: quarterLabel(t, qk),
        cells: [
          { t: "num", v: m?.up ?? 0 },
          { t: "num", v: m?.down ?? 0 },
        ] satisfies Fig[],
      };
    }),
    chart: { kind: "bar", series: [0, 1] },
  };
  const coverageTable: Table = {
    id: "allies.coverage",
    title: t("dashboard.allies.coverage"),
    columns: [t("dashboard.allies.allies"), t("dashboard.allies.champions"), t("dashboard.allies.status")],
    rows: [
      {
        label: t("dashboard.allies.coveredDepartments"),
        total: true,
        cells: [
          { t: "rate", n: coverage.length, hits: covered },
          { t: "text", v: "" },
          { t: "text", v: "" },
        ],
      },
      ...coverage
        .map((c) => ({ c, d: byId.get(c.dep) }))
        .filter((x) => x.d)
        .sort((a, b) => b.c.allies - a.c.allies || compareJa(a.d!.name, b.d!.name))
        .map(({ c, d }) => ({
          label: labelOf.get(d!.id) ?? d!.name,
          cells: [
            { t: "num", v: c.allies },
            { t: "num", v: c.champions },
            { t: "text", v: t(`dashboard.allies.statuses.${c.champions > 0 ? "green" : c.allies > 0 ? "amber" : "red"}`) },
          ] satisfies Fig[],
        })),
    ],
  };
  const section: Section = { id: "allies", title: t("dashboard.sections.allies"), tables: [stanceTable, movesTable, coverageTable] };
  return { section, covered };
}
