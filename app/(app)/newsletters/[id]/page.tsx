import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NewsletterBody } from "@/components/newsletters/newsletter-body";
import { buttonVariants } from "@/components/ui/button";
import { Alert, Card, EmptyState } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { orPageError } from "@/lib/auth/page-errors";
import { translatorFor } from "@/lib/i18n/translator";
import { frozen, getNewsletter, newsletterIssueSelect } from "@/lib/newsletters/newsletters";
import { newsletterText } from "@/lib/newsletters/text";
import { listShareLinks, shareLinkRows } from "@/lib/share/links";
import { SharePanel } from "../../reports/_components/share-panel";
import { IssuePanel } from "../_components/issue-panel";
import { NewsletterEditor } from "../_components/newsletter-editor";

async function loadNewsletterPage({ params }: PageProps<"/newsletters/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const { id } = await params;
  const data = await orPageError(getNewsletter(ctx, id));
  const canShare = can(ctx.role, "share.manage");
  const [latest, links] = await Promise.all([
    ctx.db.newsletterIssue.findFirst({
      where: { newsletterId: id, teamId: ctx.teamId },
      orderBy: { number: "desc" },
      select: newsletterIssueSelect,
    }),
    canShare ? listShareLinks(ctx, { newsletterId: id }) : [],
  ]);
  const locale = ctx.user.locale === "en" ? "en" : "ja";
  return {
    ctx,
    data,
    latest: latest && frozen(latest),
    links,
    canShare,
    locale,
    t: await getTranslations(),
    f: await getFormatter(),
  } as const;
}
type NewsletterPageState = Awaited<ReturnType<typeof loadNewsletterPage>>;

export default async function NewsletterPage(props: PageProps<"/newsletters/[id]">) {
  const s = await loadNewsletterPage(props);
  const { ctx, data, t, f, locale } = s;
  const { newsletter: n, figures, texts, champions } = data;
  const writable = can(ctx.role, "reports.write");
  const run = n.result;
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap gap-3 text-sm">
        <Link href="/newsletters" className={TEXT_LINK}>
          ← {t("newsletters.back")}
        </Link>
        <Link href={`/initiatives/${run.initiative.id}`} className={TEXT_LINK}>
          {run.initiative.title}（{f.dateTime(run.runOn, { dateStyle: "medium", timeZone: "UTC" })}）
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{n.title}</h1>
      {figures.missing && <Alert tone="amber">{t(`newsletters.missing.${figures.missing}`, { k: figures.k })}</Alert>}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("newsletters.open")}>
          <NewsletterEditor
            key={n.version}
            id={n.id}
            version={n.version}
            writable={writable}
            texts={texts}
            champions={champions.map((c) => ({ ...c, consentOn: c.consentOn ? f.dateTime(c.consentOn, "short") : null }))}
            initial={{
              title: n.title,
              lead: n.lead,
              goodExample: n.goodExample,
              comment1: n.comment1,
              comment2: n.comment2,
              thanksKeyPersonId: n.thanksKeyPersonId ?? "",
              thanks: n.thanks,
              closing: n.closing,
            }}
          />
        </Card>
        <section className="space-y-3" aria-labelledby="preview-title">
          <h2 id="preview-title" className="text-lg font-semibold">
            {t("newsletters.preview")}
          </h2>
          <NewsletterBody n={{ ...n, number: n.issues.length + 1, issuedAt: new Date(), figures }} t={translatorFor(locale)} preview />
          {writable && (
            <Card title={t("newsletters.issueTitle")}>
              <IssuePanel id={n.id} version={n.version} next={n.issues.length + 1} />
            </Card>
          )}
        </section>
      </div>
      <IssuesCard s={s} />
    </div>
  );
}

function IssuesCard({ s }: { s: NewsletterPageState }) {
  const { data, latest, links, canShare, t, f, locale } = s;
  const issues = data.newsletter.issues;
  return (
    <Card title={t("newsletters.issues")}>
      {issues.length === 0 || !latest ? (
        <EmptyState>{t("newsletters.issuesEmpty")}</EmptyState>
      ) : (
        <div className="space-y-4">
          <ul className="divide-y divide-stone-100 text-sm" data-testid="newsletter-issues">
            {issues.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-3 py-2">
                <span className="font-medium">{t("newsletters.issueNumber", { number: i.number })}</span>
                <span className="text-stone-600">
                  {t("newsletters.issuedBy", { date: f.dateTime(i.issuedAt, "short"), name: i.issuedBy.name })}
                </span>
                <a href={`/api/newsletters/issues/${i.id}/pdf`} className={buttonVariants({ variant: "secondary", size: "xs" })}>
                  {t("newsletters.pdf")}
                </a>
              </li>
            ))}
          </ul>
          <div className="space-y-1">
            <h3 className="text-sm font-semibold">
              {t("newsletters.pasteText")}（{t("newsletters.issueNumber", { number: latest.number })}）
            </h3>
            <CopyField
              value={newsletterText(latest, translatorFor(locale), locale)}
              label={t("newsletters.pasteText")}
              rows={10}
              testId="newsletter-text"
            />
          </div>
          {canShare && (
            <div className="space-y-2">
              <h3 className="text-sm font-semibold">{t("newsletters.share")}</h3>
              <p className="text-sm text-stone-600">{t("newsletters.shareHint")}</p>
              <SharePanel
                target="newsletterIssueId"
                issues={issues.map((i) => ({ id: i.id, number: i.number }))}
                links={shareLinkRows(links)}
              />
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
