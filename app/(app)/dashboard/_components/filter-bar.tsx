// The dashboard's filters as a plain GET form: the state lives in the URL and works without script.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SelectField, TextField } from "@/components/ui/field";
import { CASE_KINDS } from "@/lib/cases/schemas";
import { PERIODS, type DashboardFilter } from "@/lib/dashboard/filters";
import { INITIATIVE_KINDS } from "@/lib/initiatives/schemas";
import { DepartmentFilter } from "./department-filter";
import { buttonVariants } from "@/components/ui/button";

export async function FilterBar({
  filter,
  department,
  nurses,
}: {
  filter: DashboardFilter;
  department: { id: string; label: string } | null;
  nurses: { id: string; name: string }[];
}) {
  const t = await getTranslations();
  return (
    <form
      method="get"
      className="grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:p-4 lg:grid-cols-4"
      aria-label={t("dashboard.filters.title")}
    >
      <input type="hidden" name="view" value={filter.view} />
      <div className="col-span-2 sm:col-span-1">
        <SelectField label={t("dashboard.filters.period")} name="period" defaultValue={filter.period}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`dashboard.periods.${p}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-span-2 grid grid-cols-2 gap-2">
        <TextField label={t("dashboard.filters.from")} name="from" type="date" defaultValue={filter.from} />
        <TextField label={t("dashboard.filters.to")} name="to" type="date" defaultValue={filter.to} />
      </div>
      <DepartmentFilter
        initial={department}
        labels={{
          label: t("dashboard.filters.department"),
          all: t("dashboard.filters.allDepartments"),
          search: t("dashboard.filters.searchDepartment"),
          clear: t("dashboard.filters.clearDepartment"),
          none: t("dashboard.filters.noDepartmentFound"),
        }}
      />
      <SelectField label={t("dashboard.filters.nurse")} name="nurse" defaultValue={filter.nurse ?? ""}>
        <option value="">{t("dashboard.filters.allNurses")}</option>
        {nurses.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("dashboard.filters.caseKind")} name="caseKind" defaultValue={filter.caseKind ?? ""}>
        <option value="">{t("dashboard.filters.allCaseKinds")}</option>
        {CASE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`caseKinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("dashboard.filters.initiativeKind")} name="initiativeKind" defaultValue={filter.initiativeKind ?? ""}>
        <option value="">{t("dashboard.filters.allInitiativeKinds")}</option>
        {INITIATIVE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`initiativeKinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <div className="col-span-2 flex items-end gap-2">
        <button type="submit" className={buttonVariants()}>
          {t("dashboard.filters.apply")}
        </button>
        <Link href={`/dashboard?view=${filter.view}`} className={buttonVariants({ variant: "secondary" })}>
          {t("dashboard.filters.reset")}
        </Link>
      </div>
    </form>
  );
}
