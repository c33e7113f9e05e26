import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { periodPresets } from "@/lib/reports/presets";
import { getReport } from "@/lib/reports/reports";
import { departmentOptions } from "@/lib/team/options";
import { ReportForm } from "../../_components/report-form";
import { DAY_MS } from "@/lib/dates";

export default async function EditReportPage({ params }: PageProps<"/reports/[id]/edit">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "reports.write");
  const t = await getTranslations();
  const report = await orPageError(getReport(ctx, (await params).id));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        {t("reports.detail.edit")}: {report.title}
      </h1>
      <Card>
        <ReportForm
          initial={{
            id: report.id,
            version: report.version,
            title: report.title,
            message: report.message,
            periodFrom: report.periodFrom.toISOString().slice(0, 10),
            periodTo: new Date(report.periodTo.getTime() - DAY_MS).toISOString().slice(0, 10),
            departmentIds: report.departmentIds,
            sections: report.sections,
            audience: report.audience,
          }}
          departments={await departmentOptions(ctx)}
          presets={periodPresets((k) => t(`dashboard.periods.${k}`))}
        />
      </Card>
    </div>
  );
}
