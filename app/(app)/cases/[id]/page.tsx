import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { can } from "@/lib/auth/permissions";
import { getCase, riskLevels } from "@/lib/cases/cases";
import { isoDayOf, tokyoDay } from "@/lib/dates";
import { departmentOptions, memberOptions } from "@/lib/team/options";
import { AssessmentForm, DeleteCaseButton } from "../_components/assessment-form";
import { CaseForm } from "../_components/case-form";
import { CaseSummary } from "../_components/case-summary";
import { TEXT_LINK } from "@/components/ui/link-style";
import { LegalHoldControl } from "@/app/(app)/settings/retention/legal-hold";
import { WithdrawForm } from "../_components/withdraw-form";

export default async function CasePage({ params }: PageProps<"/cases/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "cases.readAssigned");
  const { id } = await params;
  // Not assigned (and not an admin), or another team's: not found. The read is audit-logged.
  const c = await orPageError(getCase(ctx, id));
  const t = await getTranslations();
  const f = await getFormatter();
  const [levels, departments, nurses] = await Promise.all([riskLevels(ctx), departmentOptions(ctx), memberOptions(ctx)]);
  const yn = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");
  const tl = await getTranslations("caseLifecycle");
  // Consent withdrawn: what is kept is read-only.
  const withdrawn = c.withdrawnAt !== null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="flex items-center gap-2 text-2xl font-bold">
            <span className="font-mono">{c.employeeCode}</span>
            {c.employeeName && <span>{c.employeeName}</span>}
            <Badge>{t(`caseStatuses.${c.status}`)}</Badge>
          </h1>
          <p className="text-sm text-stone-600">
            {[t(`caseKinds.${c.kind}`), c.department?.name, c.nurses.map((n) => n.user.name).join("、")].filter(Boolean).join(" · ")}
          </p>
          {c.keyPersons.length > 0 && (
            <p className="text-sm">
              {t("cases.keyPersons")}:{" "}
              {c.keyPersons.map((k) => (
                <Link key={k.keyPerson.id} href={`/key-persons/${k.keyPerson.id}`} className={`mr-2 ${TEXT_LINK}`}>
                  {k.keyPerson.name}
                </Link>
              ))}
            </p>
          )}
          <p className="text-xs text-stone-500">{t("cases.auditNotice")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {can(ctx.role, "cases.erase") && (
            <Link href={`/cases/${c.id}/erase`} className={`text-sm ${TEXT_LINK}`}>
              {tl("erase")}
            </Link>
          )}
          {can(ctx.role, "cases.delete") && !withdrawn && <DeleteCaseButton id={c.id} />}
        </div>
      </div>
      {withdrawn && (
        <div data-testid="withdrawn-banner">
          <Alert tone="amber">
            {tl("withdrawnBanner", {
              date: f.dateTime(c.withdrawnAt!, "long"),
              reason: tl(`keepReasons.${c.keepReason ?? "LEGAL_RECORD"}`),
            })}
          </Alert>
        </div>
      )}
      {can(ctx.role, "retention.manage") && (
        <Card>
          <div className="space-y-3">
            <LegalHoldControl kind="Case" id={c.id} hold={c.legalHold} />
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span className="font-medium">{tl("disclose")}:</span>
              <a href={`/api/cases/${c.id}/disclosure?format=pdf`} className={TEXT_LINK} download>
                PDF
              </a>
              <a href={`/api/cases/${c.id}/disclosure?format=json`} className={TEXT_LINK} download>
                JSON
              </a>
              <span className="text-xs text-stone-500">{tl("discloseHint")}</span>
            </div>
          </div>
        </Card>
      )}
      <Card title={t("cases.assessments")}>
        {c.assessments.length === 0 ? (
          <EmptyState>{t("cases.assessmentsEmpty")}</EmptyState>
        ) : (
          <ol className="mb-4 space-y-1 text-sm" data-testid="assessments">
            {c.assessments.map((a) => (
              <li key={a.id}>
                <span className="text-xs text-stone-500">{f.dateTime(a.assessedOn, "short")}</span>{" "}
                <Badge tone={a.riskLevel.rank <= 1 ? "red" : a.riskLevel.rank === 2 ? "amber" : "green"}>{a.riskLevel.label}</Badge>{" "}
                {a.note}
              </li>
            ))}
          </ol>
        )}
        {!withdrawn && <AssessmentForm caseId={c.id} levels={levels} today={tokyoDay()} />}
      </Card>
      {withdrawn ? (
        <Card>
          <CaseSummary c={c} />
        </Card>
      ) : (
        <Card>
          <CaseForm
            departments={departments}
            nurses={nurses}
            namesOn={ctx.team.caseNamesOn}
            initial={{
              id: c.id,
              version: c.version,
              employeeCode: c.employeeCode,
              employeeName: c.employeeName ?? "",
              kind: c.kind,
              departmentId: c.departmentId ?? "",
              nurseIds: c.nurses.map((n) => n.user.id),
              keyPersons: c.keyPersons.map((k) => k.keyPerson),
              status: c.status,
              consentOn: isoDayOf(c.consentAt),
              consentScope: c.consentScope,
              consentMethod: c.consentMethod,
              followUpPlan: c.followUpPlan,
              nextFollowUpOn: isoDayOf(c.nextFollowUpOn),
              openedOn: isoDayOf(c.openedOn),
              returnOn: isoDayOf(c.returnOn),
              continued3m: yn(c.continued3m),
              continued6m: yn(c.continued6m),
            }}
          />
        </Card>
      )}
      {!withdrawn && <WithdrawForm id={c.id} version={c.version} />}
    </div>
  );
}
