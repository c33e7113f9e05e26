// Figures as text (tables, PDF, CSV) and as chart values; suppressed figures are "*", never 0.
import { isSuppressed, type Fig, type ReportData } from "./types";
import { numberFormat } from "@/lib/i18n/intl";

export const SUPPRESSED = "*";

// A table formats thousands of figures: its formatters are found by locale and digits alone.
const formats = new Map<string, Intl.NumberFormat>();
const number = (locale: string, v: number, digits = 0) => {
  const key = `${locale}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = numberFormat(locale === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(v);
};

export const percent = (locale: string, v: number) => `${number(locale, v * 100, 1)}%`;

/** reveal: inside the team, a figure a report would hide is still shown (the caller marks it). */
export function formatFig(f: Fig, locale: string, reveal = false): string {
  const hide = isSuppressed(f) && !reveal;
  switch (f.t) {
    case "count":
      return hide || f.n === null ? SUPPRESSED : number(locale, f.n);
    case "rate":
      if (hide || f.n === null || f.hits === null) return SUPPRESSED;
      return f.n === 0 ? "—" : `${percent(locale, f.hits / f.n)} (${number(locale, f.hits)}/${number(locale, f.n)})`;
    case "mean":
      if (hide || f.n === null || f.mean === null) return SUPPRESSED;
      return f.n === 0 ? "—" : `${number(locale, f.mean, 2)} (n=${number(locale, f.n)})`;
    case "num":
      if (f.v === null) return "—";
      return `${f.signed && f.v > 0 ? "+" : ""}${number(locale, f.v, f.digits ?? 0)}`;
    case "text":
      return f.v;
  }
}

/** The value a chart draws; null leaves a gap (suppressed or undefined). */
export function chartValue(f: Fig | undefined, percentScale = false, reveal = false): number | null {
  if (!f) return null;
  const hide = isSuppressed(f) && !reveal;
  switch (f.t) {
    case "count":
      return hide ? null : f.n;
    case "rate":
      return hide || !f.n || f.hits === null ? null : percentScale ? (f.hits / f.n) * 100 : f.hits / f.n;
    case "mean":
      return hide ? null : f.mean;
    case "num":
      return f.v;
    case "text":
      return null;
  }
}

/** Removes every suppressed number, so what leaves the team cannot carry it by accident. */
export function publish(data: ReportData): ReportData {
  const strip = (f: Fig): Fig => {
    if (!("s" in f) || !f.s) return f;
    if (f.t === "count") return { t: "count", n: null, s: f.s };
    if (f.t === "rate") return { t: "rate", n: null, hits: null, s: f.s };
    return { t: "mean", n: null, mean: null, s: f.s };
  };
  const { teamSummary: _team, ...rest } = data;
  return {
    ...rest,
    published: true,
    sections: data.sections.map((s) => ({
      ...s,
      tables: s.tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r, cells: r.cells.map(strip) })) })),
    })),
  };
}

/** True when any figure in the data is suppressed (the footnote is shown then). */
export const hasSuppressed = (data: ReportData) =>
  data.sections.some((s) => s.tables.some((t) => t.rows.some((r) => r.cells.some(isSuppressed))));
