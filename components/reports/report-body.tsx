// The sections of success data as the web shows them: summary, then each section's charts and tables.
import type { ReactNode } from "react";
import SuccessChart from "@/components/charts/success-chart";
import { Card } from "@/components/ui/card";
import { chartData } from "@/lib/reports/chart-data";
import { hasSuppressed } from "@/lib/reports/format";
import type { ReportData } from "@/lib/reports/types";
import { ReportTable } from "./report-table";

export interface ReportBodyLabels {
  summaryTitle: string;
  summaryEmpty: string;
  empty: string;
  mark: string;
  item: string;
  footnote: string;
  methods: string;
  legend?: string;
}

export function ReportBody({ data, mode, labels, sectionAction }: { data: ReportData; mode: "team" | "published"; labels: ReportBodyLabels; sectionAction?: (id: string) => ReactNode }) {
  const showSummary = data.summary.length > 0 || data.sections.length === 0;
  return (
    <div className="space-y-6">
      {showSummary && (
        <Card title={labels.summaryTitle}>
          {data.summary.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm leading-relaxed" data-testid="summary">
              {data.summary.map((s) => <li key={s}>{s}</li>)}
            </ul>
          ) : (
            <p className="text-sm text-stone-600">{labels.summaryEmpty}</p>
          )}
        </Card>
      )}
      {data.sections.map((section) => (
        <Card key={section.id} title={section.title} action={sectionAction?.(section.id)}>
          <div className="space-y-6" data-section={section.id}>
            {section.tables.map((table) => {
              const chart = chartData(table, mode === "team");
              return (
                <div key={table.id} className="space-y-2">
                  <h3 className="text-sm font-semibold text-stone-800">{table.title}</h3>
                  {chart && chart.series.some((s) => s.values.some((v) => v)) && <SuccessChart data={chart} label={table.title} />}
                  <ReportTable table={table} locale={data.locale} mode={mode} labels={labels} />
                </div>
              );
            })}
          </div>
        </Card>
      ))}
      {hasSuppressed(data) && <p className="text-xs text-stone-600">{mode === "team" && labels.legend ? `${labels.legend} ` : ""}{labels.footnote}</p>}
      <details className="rounded-md border border-stone-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium">{labels.methods}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-700">
          {data.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      </details>
    </div>
  );
}
