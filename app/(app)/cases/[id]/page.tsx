import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { getCase, riskLevels } from "@/lib/cases/cases";
import { isoDayOf, tokyoDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { departmentOptions, memberOptions } from "@/lib/team/options";
import { AssessmentForm, DeleteCaseButton } from "../_components/assessment-form";
import { CaseForm } from "../_components/case-form";
import { TEXT_LINK } from "@/components/ui/link-style";

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "cases.readAssigned");
  const { id } = await params;
  // Not assigned (and not an admin), or another team's: not found. The read is audit-logged.
  const c = await getCase(ctx, id).catch((e) => {
    if (e instanceof AppError && e.code === "notFound") notFound();
    throw e;
  });
  const t = await getTranslations();
  const f = await getFormatter();
  const [levels, departments, nurses] = await Promise.all([riskLevels(ctx), departmentOptions(ctx), memberOptions(ctx)]);
  const yn = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="flex items-center gap-2 text-2xl font-bold"><span className="font-mono">{c.employeeCode}</span>{c.employeeName && <span>{c.employeeName}</span>}<Badge>{t(`caseStatuses.${c.status}`)}</Badge></h1>
          <p className="text-sm text-stone-600">{t(`caseKinds.${c.kind}`)} · {c.department?.name} · {c.nurses.map((n) => n.user.name).join("、")}</p>
          {c.keyPersons.length > 0 && <p className="text-sm">{t("cases.keyPersons")}: {c.keyPersons.map((k) => <Link key={k.keyPerson.id} href={`/key-persons/${k.keyPerson.id}`} className={`mr-2 ${TEXT_LINK}`}>{k.keyPerson.name}</Link>)}</p>}
          <p className="text-xs text-stone-500">{t("cases.auditNotice")}</p>
        </div>
        {can(ctx.role, "cases.delete") && <DeleteCaseButton id={c.id} />}
      </div>
      <Card title={t("cases.assessments")}>
        {c.assessments.length === 0 ? <EmptyState>{t("cases.assessmentsEmpty")}</EmptyState> : (
          <ol className="mb-4 space-y-1 text-sm" data-testid="assessments">
            {c.assessments.map((a) => <li key={a.id}><span className="text-xs text-stone-500">{f.dateTime(a.assessedOn, "short")}</span> <Badge tone={a.riskLevel.rank <= 1 ? "red" : a.riskLevel.rank === 2 ? "amber" : "green"}>{a.riskLevel.label}</Badge> {a.note}</li>)}
          </ol>
        )}
        <AssessmentForm caseId={c.id} levels={levels} today={tokyoDay()} />
      </Card>
      <Card>
        <CaseForm
          departments={departments}
          nurses={nurses}
          namesOn={ctx.team.caseNamesOn}
          initial={{
            id: c.id, version: c.version, employeeCode: c.employeeCode, employeeName: c.employeeName ?? "", kind: c.kind, departmentId: c.departmentId ?? "",
            nurseIds: c.nurses.map((n) => n.user.id), keyPersons: c.keyPersons.map((k) => k.keyPerson), status: c.status, consentOn: isoDayOf(c.consentAt),
            consentScope: c.consentScope, consentMethod: c.consentMethod, followUpPlan: c.followUpPlan, nextFollowUpOn: isoDayOf(c.nextFollowUpOn), openedOn: isoDayOf(c.openedOn),
            returnOn: isoDayOf(c.returnOn), continued3m: yn(c.continued3m), continued6m: yn(c.continued6m),
          }}
        />
      </Card>
    </div>
  );
}
