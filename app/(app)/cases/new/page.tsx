import { getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { tokyoDay } from "@/lib/dates";
import { departmentOptions, memberOptions } from "@/lib/team/options";
import { CaseForm } from "../_components/case-form";

export default async function NewCasePage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "cases.create");
  const t = await getTranslations("cases");
  const today = tokyoDay();
  const [departments, nurses] = await Promise.all([departmentOptions(ctx), memberOptions(ctx)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <CaseForm
        departments={departments}
        nurses={nurses}
        namesOn={ctx.team.caseNamesOn}
        initial={{
          employeeCode: "",
          employeeName: "",
          kind: "RETURN_TO_WORK",
          departmentId: "",
          nurseIds: [ctx.userId],
          keyPersons: [],
          status: "OPEN",
          consentOn: today,
          consentScope: "",
          consentMethod: "",
          followUpPlan: "",
          nextFollowUpOn: "",
          openedOn: today,
          returnOn: "",
          continued3m: "",
          continued6m: "",
        }}
      />
    </div>
  );
}
