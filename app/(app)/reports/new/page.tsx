import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { periodPresets } from "@/lib/reports/presets";
import { MANAGER_SECTIONS } from "@/lib/reports/types";
import { departmentOptions } from "@/lib/team/options";
import { ReportForm } from "../_components/report-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("new") };
}

export default async function NewReportPage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "reports.write");
  const t = await getTranslations();
  const presets = periodPresets((k) => t(`dashboard.periods.${k}`));
  const year = presets.find((p) => p.key === "year")!;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("reports.new")}</h1>
      <Card>
        <ReportForm
          initial={{
            title: "",
            message: "",
            periodFrom: year.from,
            periodTo: year.to,
            departmentIds: [],
            sections: [...MANAGER_SECTIONS],
            audience: "MANAGERS",
          }}
          departments={await departmentOptions(ctx)}
          presets={presets}
        />
      </Card>
    </div>
  );
}
