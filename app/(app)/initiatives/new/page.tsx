import { getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { departmentPathOptions, memberOptions } from "@/lib/team/options";
import { InitiativeForm } from "../_components/initiative-form";

export default async function NewInitiativePage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "initiatives.write");
  const t = await getTranslations("initiatives");
  const [departments, nurses] = await Promise.all([departmentPathOptions(ctx), memberOptions(ctx)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <InitiativeForm
        departments={departments}
        nurses={nurses}
        initial={{
          title: "",
          kind: "MINI_TALK",
          description: "",
          departmentIds: [],
          champions: [],
          ownerIds: [ctx.userId],
          plannedStartOn: "",
          plannedEndOn: "",
          effortMinutes: "",
          indicatorName: "",
          indicatorUnit: "",
          indicatorLowerIsBetter: null,
          goodExample: "",
        }}
      />
    </div>
  );
}
