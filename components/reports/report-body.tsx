// The sections of success data as the web shows them: summary, then each section's charts and tables.
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LazySuccessChart } from "@/components/charts/lazy-success-chart";
import { Card } from "@/components/ui/card";
import { chartData } from "@/lib/reports/chart-data";
import { hasSuppressed } from "@/lib/reports/format";
import type { ReportData } from "@/lib/reports/types";
import { ReportTable, type TreeView } from "./report-table";

/** Server component: the labels come from the viewer's catalog (the figures' own labels are in the data). */
export async function ReportBody({
  data,
  mode,
  sectionAction,
  showWithheld = false,
  lazyCharts = false,
  tree,
}: {
  data: ReportData;
  mode: "team" | "published";
  sectionAction?: (id: string) => ReactNode;
  showWithheld?: boolean;
  /** Charts load as they near the screen (a long page of many charts). */
  lazyCharts?: boolean;
  /** Department trees shown collapsed, opened on demand (the dashboard). */
  tree?: TreeView;
}) {
  const t = await getTranslations("dashboard");
  const labels = {
    summaryTitle: t("summaryTitle"),
    summaryEmpty: t("summaryEmpty"),
    empty: t("summaryEmpty"),
    mark: t("suppressedLegend"),
    item: t("item"),
    footnote: t("footnote", { k: data.minGroupSize }),
    methods: t("methods"),
  };
  // Inside the team every number is on the page, so the sentences may use them too.
  const summary = mode === "team" && data.teamSummary ? data.teamSummary : data.summary;
  const showSummary = summary.length > 0 || data.sections.length === 0;
  return (
    <div className="space-y-6">
      {showSummary && (
        <Card title={labels.summaryTitle}>
          {summary.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm leading-relaxed" data-testid="summary">
              {summary.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-stone-600">{labels.summaryEmpty}</p>
          )}
        </Card>
      )}
      {data.sections.map((section) => (
        <Card key={section.id} title={section.title} action={sectionAction?.(section.id)}>
          <div className="space-y-6" data-section={section.id}>
            {section.comment && (
              <p className="rounded-md bg-stone-100 px-3 py-2 text-sm leading-relaxed whitespace-pre-wrap" data-testid="section-comment">
                {section.comment}
              </p>
            )}
            {showWithheld && section.withheld && section.withheld.hidden > 0 && (
              <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="withheld">
                {t("withheld", section.withheld)}
              </p>
            )}
            {section.tables.map((table) => {
              const chart = chartData(table, mode === "team");
              return (
                <div key={table.id} className="space-y-2">
                  <h3 className="text-sm font-semibold text-stone-800">{table.title}</h3>
                  {chart && chart.series.some((s) => s.values.some((v) => v)) && (
                    <LazySuccessChart data={chart} label={table.title} whenVisible={lazyCharts} />
                  )}
                  <ReportTable table={table} locale={data.locale} mode={mode} labels={labels} tree={tree} />
                </div>
              );
            })}
            {section.notes?.map((n) => (
              <p key={n} className="text-xs leading-relaxed text-stone-600">
                {n}
              </p>
            ))}
          </div>
        </Card>
      ))}
      {hasSuppressed(data) && (
        <p className="text-xs text-stone-600">
          {mode === "team" ? `${labels.mark} ` : ""}
          {labels.footnote}
        </p>
      )}
      <details className="rounded-md border border-stone-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium">{labels.methods}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-700">
          {data.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
