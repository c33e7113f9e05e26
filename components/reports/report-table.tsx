// A success-data table: the accessible view of every chart, and what reports and share pages show.
// mode "team": every number, with † on those a report would hide; "published": hidden ones are "*".
import Link from "next/link";
import { cn } from "@/lib/cn";
import { SIBLING_CAP, visibleRows, type VisibleRow } from "@/lib/reports/collapse";
import { formatFig, SUPPRESSED } from "@/lib/reports/format";
import { isSuppressed, type Fig, type Table } from "@/lib/reports/types";

function Cell({ fig, locale, mode, markLabel }: { fig: Fig; locale: string; mode: "team" | "published"; markLabel: string }) {
  const hidden = isSuppressed(fig);
  // A hidden figure whose number this viewer may not see (case figures for a nurse) is "*" too.
  const removed = "n" in fig && fig.n === null;
  if (hidden && (mode === "published" || removed)) return <span data-suppressed="true">{SUPPRESSED}</span>;
  const text = formatFig(fig, locale, mode === "team");
  if (!hidden) return <>{text}</>;
  return (
    <span data-suppressed="team" className="text-amber-800">
      {text}
      <sup aria-hidden>†</sup>
      <span className="sr-only">（{markLabel}）</span>
    </span>
  );
}

// Props a cell or row may lack are left out, not set to undefined: the page's RSC data writes an
// undefined prop out ("$undefined") on each of a thousand cells.
const TOTAL = { className: "font-semibold" };
const TEXT = { "data-text": true };

/** A department tree shown collapsed (the dashboard): which branches are open, and the links that change it. */
export type TreeView = {
  open: ReadonlySet<string>;
  more: ReadonlySet<string>;
  href: (change: { open?: string; close?: string; more?: string }) => string;
  labels: { open: (name: string, count: number) => string; close: (name: string) => string; more: (count: number) => string };
};

export function ReportTable({
  table,
  locale,
  mode,
  labels,
  tree,
}: {
  table: Table;
  locale: string;
  mode: "team" | "published";
  labels: { empty: string; mark: string; item: string };
  tree?: TreeView;
}) {
  if (table.rows.length === 0)
    return <p className="rounded-md bg-stone-50 px-3 py-3 text-sm text-stone-600">{table.empty ?? labels.empty}</p>;
  const wide = table.columns.length > 3;
  // On the dashboard a tree opens on demand and a long list (300 departments) stops at the cap, under
  // the table's own key; a report or share page, read and printed whole, shows every row.
  const rows: VisibleRow[] = tree
    ? visibleRows(table.rows, tree.open, tree.more, SIBLING_CAP, table.id.replaceAll(".", "-"))
    : table.rows.map((row, index) => ({ kind: "row", row, index }));
  return (
    <div className="relative -mx-1 overflow-x-auto px-1" tabIndex={0} role="region" aria-label={table.title}>
      <table className={cn("report-table", wide && "min-w-[36rem]")} data-table={table.id}>
        <caption className="sr-only">{table.title}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.item}</th>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => {
            if (v.kind === "more") {
              return (
                <tr key={`more-${v.parentKey}`}>
                  <td colSpan={table.columns.length + 1} data-text style={{ paddingLeft: `${v.depth}rem` }}>
                    <Link href={tree!.href({ more: v.parentKey })} scroll={false} className="text-sm text-brand-700 underline">
                      {tree!.labels.more(v.hidden)}
                    </Link>
                  </td>
                </tr>
              );
            }
            const r = v.row;
            return (
              <tr key={`${r.label}-${v.index}`} {...(r.total && TOTAL)}>
                <th scope="row" {...(r.depth && { style: { paddingLeft: `${r.depth * 1}rem` } })}>
                  {v.branch ? (
                    <Link
                      href={tree!.href(v.branch.open ? { close: v.branch.key } : { open: v.branch.key })}
                      scroll={false}
                      aria-expanded={v.branch.open}
                      aria-label={v.branch.open ? tree!.labels.close(r.label) : tree!.labels.open(r.label, v.branch.children)}
                      className="inline-flex items-center gap-1 hover:underline"
                    >
                      <span aria-hidden className="inline-block w-3 text-stone-500">
                        {v.branch.open ? "▾" : "▸"}
                      </span>
                      {r.label}
                      {!v.branch.open && (
                        <span aria-hidden className="text-xs text-stone-500">
                          （{v.branch.children}）
                        </span>
                      )}
                    </Link>
                  ) : r.total ? (
                    <strong>{r.label}</strong>
                  ) : (
                    r.label
                  )}
                </th>
                {r.cells.map((c, j) => (
                  <td key={j} {...(c.t === "text" && TEXT)}>
                    <Cell fig={c} locale={locale} mode={mode} markLabel={labels.mark} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
