// A case read-only (consent withdrawn): what is kept, as a list of fields.
import { getFormatter, getTranslations } from "next-intl/server";

interface Kept {
  kind: string;
  status: string;
  department: { name: string } | null;
  consentAt: Date | null;
  consentScope: string;
  consentMethod: string;
  followUpPlan: string;
  openedOn: Date;
  closedOn: Date | null;
  returnOn: Date | null;
}

export async function CaseSummary({ c }: { c: Kept }) {
  const t = await getTranslations("cases");
  const tAll = await getTranslations();
  const f = await getFormatter();
  const date = (d: Date | null) => (d ? f.dateTime(d, "long") : "—");
  const rows: [string, string][] = [
    [t("kind"), tAll(`caseKinds.${c.kind}`)],
    [t("status"), tAll(`caseStatuses.${c.status}`)],
    [t("department"), c.department?.name ?? "—"],
    [t("openedOn"), date(c.openedOn)],
    [t("returnOn"), date(c.returnOn)],
    [t("consentOn"), date(c.consentAt)],
    [t("consentScope"), c.consentScope || "—"],
    [t("consentMethod"), c.consentMethod || "—"],
    [t("followUpPlan"), c.followUpPlan || "—"],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]" data-testid="case-summary">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-stone-500">{k}</dt>
          <dd className="whitespace-pre-wrap">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
