import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReportBody } from "@/components/reports/report-body";
import { Alert, Card } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { can } from "@/lib/auth/permissions";
import { departmentLabels } from "@/lib/departments/tree";
import { getIssue, getReport, issueCoverage } from "@/lib/reports/reports";
import { listShareLinks, shareLinkRows } from "@/lib/share/links";
import { applyEdits, draftHash, editsOf } from "@/lib/reports/edits";
import type { ReportData } from "@/lib/reports/types";
import { DraftEditor } from "../_components/draft-editor";
import { ArchiveReportButton, DraftButton, IssueButton } from "../_components/report-actions";
import { SharePanel } from "../_components/share-panel";
import { TEXT_LINK } from "@/components/ui/link-style";
import { DAY_MS } from "@/lib/dates";
import { buttonVariants } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

async function loadReportPageData({ params }: PageProps<"/reports/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "reports.write");
  const t = await getTranslations();
  const f = await getFormatter();
  const { id } = await params;
  const report = await orPageError(getReport(ctx, id));
  const latest = report.issues.length ? await getIssue(ctx, id) : null;
  const canShare = can(ctx.role, "share.manage");
  const [links, labels] = await Promise.all([
    canShare ? listShareLinks(ctx, id) : [],
    departmentLabels(ctx.db, ctx.teamId, report.departmentIds),
  ]);
  const day = (d: Date) => f.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const draft = report.draft ? (report.draft as unknown as ReportData) : null;
  const edits = editsOf(report.edits);
  const coverage = issueCoverage(report.periodFrom, report.periodTo);
  return { params, ctx, t, f, report, latest, canShare, day, draft, edits, coverage, id, links, labels };
}
type ReportPageState = Awaited<ReturnType<typeof loadReportPageData>>;

export default async function ReportPage(props: PageProps<"/reports/[id]">) {
  const s = await loadReportPageData(props);
  const { t, f, report, latest, canShare, draft, edits, id, links } = s;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href="/reports" className={TEXT_LINK}>
              {t("reports.title")}
            </Link>
          </p>
          <h1 className="text-2xl font-bold">{report.title}</h1>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/reports/${id}/edit`} className={buttonVariants({ variant: "secondary" })}>
            {t("reports.detail.edit")}
          </Link>
          <ArchiveReportButton id={id} />
        </div>
      </div>

      <DefinitionCard s={s} />

      {draft && (
        <section aria-labelledby="draft-title" className="space-y-4 rounded-lg border-2 border-dashed border-teal-700/40 bg-teal-50/30 p-4">
          <div>
            <h2 id="draft-title" className="text-lg font-semibold">
              {t("reports.draft.title")}
            </h2>
            <p className="text-xs text-stone-600">{t("reports.draft.madeAt", { date: f.dateTime(report.draftAt!, "short") })}</p>
          </div>
          <Card title={t("reports.draft.editTitle")}>
            <DraftEditor id={id} version={report.version} draft={draft} edits={edits} />
          </Card>
          <h3 className="text-base font-semibold">{t("reports.draft.preview")}</h3>
          <div data-testid="draft-preview">
            <ReportBody data={applyEdits(draft, edits)} mode="published" showWithheld />
          </div>
          <div className="space-y-2">
            <IssueButton id={id} issued={report.issues.length > 0} hash={draftHash(draft)} />
            <p className="text-xs text-stone-600">{t("reports.detail.issueNote")}</p>
          </div>
        </section>
      )}

      <IssuesCard s={s} />

      <Card title={t("reports.share.title")}>
        <p className="mb-3 text-sm text-stone-600">{t("reports.share.intro")}</p>
        {!canShare ? (
          <Alert tone="amber">{t("reports.share.adminOnly")}</Alert>
        ) : report.audience === "TEAM" ? (
          <Alert tone="amber">{t("reports.share.teamEdition")}</Alert>
        ) : report.issues.length === 0 ? (
          <Alert tone="amber">{t("reports.share.needIssue")}</Alert>
        ) : (
          <SharePanel
            target="reportIssueId"
            issues={report.issues.map((i) => ({ id: i.id, number: i.number }))}
            links={shareLinkRows(links)}
          />
        )}
      </Card>

      {latest && !draft && (
        <section aria-labelledby="preview-title" className="space-y-3">
          <h2 id="preview-title" className="text-lg font-semibold">
            {/* The team edition cannot be shared: its preview does not speak of recipients. */}
            {t(report.audience === "TEAM" ? "reports.detail.previewTeam" : "reports.detail.preview")}
          </h2>
          <ReportBody data={latest.data} mode="published" showWithheld />
        </section>
      )}
    </div>
  );
}

function DefinitionCard({ s }: { s: ReportPageState }) {
  const { t, report, day, draft, coverage, id, labels } = s;
  return (
    <Card title={t("reports.detail.definition")}>
      <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-stone-600">{t("reports.period")}</dt>
        <dd>
          {day(report.periodFrom)} 〜 {day(new Date(report.periodTo.getTime() - DAY_MS))}
          <span className="mt-1 block text-xs text-stone-600">
            {coverage.through
              ? t("reports.detail.coverage", { today: day(coverage.today), through: day(coverage.through) })
              : t("reports.detail.coverageNone", { today: day(coverage.today) })}
          </span>
        </dd>
        <dt className="text-stone-600">{t("dashboard.filters.department")}</dt>
        <dd>
          {report.departmentIds.length
            ? report.departmentIds
                .map((d) => labels.get(d))
                .filter(Boolean)
                .join("、")
            : t("reports.detail.departmentsAll")}
        </dd>
        <dt className="text-stone-600">{t("reports.form.audience")}</dt>
        <dd>{t(`reports.detail.audience${report.audience}`)}</dd>
        <dt className="text-stone-600">{t("reports.detail.sectionsLabel")}</dt>
        <dd>{report.sections.map((s) => t(`dashboard.sections.${s}`)).join("、")}</dd>
        {report.message && (
          <>
            <dt className="text-stone-600">{t("reports.form.message")}</dt>
            <dd className="whitespace-pre-wrap">{report.message}</dd>
          </>
        )}
      </dl>
      <div className="mt-4 space-y-2">
        <DraftButton id={id} hasDraft={!!draft} />
        <p className="text-xs text-stone-600">{t("reports.draft.intro")}</p>
      </div>
    </Card>
  );
}

function IssuesCard({ s }: { s: ReportPageState }) {
  const { t, f, report, id } = s;
  return (
    <Card title={t("reports.detail.issues")}>
      {report.issues.length === 0 ? (
        <p className="text-sm text-stone-600">{t("reports.detail.noIssues")}</p>
      ) : (
        <ul className="divide-y divide-stone-100" data-testid="issues">
          {report.issues.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <span className="font-medium">{t("reports.detail.versionLabel", { number: i.number })}</span>
              <span className="text-xs text-stone-600">
                {t("reports.detail.issuedBy", { date: f.dateTime(i.issuedAt, "short"), name: i.issuedBy.name })}
              </span>
              <span className="ml-auto flex gap-2 text-xs">
                {(["pdf", "xlsx", "csv"] as const).map((fmt) => (
                  <a
                    key={fmt}
                    href={`/api/reports/${id}/${fmt}?number=${i.number}`}
                    className={buttonVariants({ variant: "secondary", size: "xs" })}
                    download
                  >
                    {t(`reports.detail.${fmt}`)}
                  </a>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
