// The shape every success figure takes, from the dashboard to the frozen report, its PDF, Excel,
// CSV and share page. One shape, so every output shows the same numbers and the same "*".
import type { Suppression } from "@/lib/statistics/suppression";

export const SECTION_IDS = ["summary", "improvement", "returnToWork", "pilots", "allies", "activity"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const AUDIENCES = ["MANAGERS", "TEAM"] as const;
export type Audience = (typeof AUDIENCES)[number];
/**
 * What managers and HR receive: results that help them. Allies (stance counts, departments with no
 * ally yet) and activity (give/ask balance, acceptance tactics) are the team's own working figures:
 * a manager who reads that nurses grade his cooperation stops cooperating.
 */
export const MANAGER_SECTIONS: readonly SectionId[] = ["summary", "improvement", "returnToWork", "pilots"];
export const isTeamOnlySection = (s: SectionId) => !MANAGER_SECTIONS.includes(s);
/** Sections of case figures: published only under the disclosure rules, and only in issued reports. */
export const CASE_SECTIONS: readonly SectionId[] = ["improvement", "returnToWork"];
export const isCaseSection = (s: string) => (CASE_SECTIONS as readonly string[]).includes(s);

/** A table row as the nurse's edits name it. */
export const rowKey = (table: string, label: string) => `${table}\u0000${label}`;

/** A figure. Those about cases or survey answers carry n and can be suppressed (s); numbers are null then. */
export type Fig =
  | { t: "count"; n: number | null; s?: Suppression }
  | { t: "rate"; n: number | null; hits: number | null; s?: Suppression }
  | { t: "mean"; n: number | null; mean: number | null; s?: Suppression }
  | { t: "num"; v: number | null; digits?: number; signed?: boolean }
  | { t: "text"; v: string };

export interface Row {
  label: string;
  /** Indentation in a tree (departments). */
  depth?: number;
  /** The department a tree row stands for (the dashboard opens and closes its branch). */
  key?: string;
  total?: boolean;
  cells: Fig[];
}

export interface Chart {
  kind: "bar" | "stacked";
  /** Column indices drawn as series. */
  series: number[];
  /** Rows left out of the chart (totals). */
  skipTotals?: boolean;
  percent?: boolean;
}

export interface Table {
  id: string;
  title: string;
  columns: string[];
  rows: Row[];
  chart?: Chart;
  empty?: string;
}

export interface Section {
  id: SectionId;
  title: string;
  tables: Table[];
  /** An issued report's count of hidden figures among all it shows, for the builder. */
  withheld?: { hidden: number; figures: number };
  /** Plain sentences under the section: how it was grouped, what it leaves out. */
  notes?: string[];
  /** The nurse's own words for this section, written before issuing. */
  comment?: string;
}

export const SNAPSHOT_SCHEMA = 1;

export interface ReportData {
  schema: typeof SNAPSHOT_SCHEMA;
  locale: "ja" | "en";
  teamName: string;
  title: string;
  message: string;
  periodLabel: string;
  /** ISO timestamp of when the numbers were computed. */
  generatedAt: string;
  minGroupSize: number;
  summary: string[];
  /** The dashboard's summary sentences about case figures (left out for a nurse who cannot read every case). */
  caseSummary?: string[];
  /** The same sentences with every number, for the team's own view (dropped when published). */
  teamSummary?: string[];
  sections: Section[];
  /** Methods: definitions, period, suppression. */
  notes: string[];
  /** Who the report is written for; absent in reports issued before editions existed. */
  audience?: Audience;
  /** True once suppressed numbers have been removed (reports, share pages, exports). */
  published: boolean;
}

/** True for a figure a report hides (the one test every output uses). */
export const isSuppressed = (f: Fig | undefined): boolean => !!f && "s" in f && !!f.s;
