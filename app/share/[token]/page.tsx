// The read-only page for managers and HR: one frozen, aggregate-only report or 保健師だより and nothing else. It
// reads no query parameter (a viewer-supplied filter would be a new table to protect).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ReportBody } from "@/components/reports/report-body";
import { Card } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { shareAccess } from "@/lib/share/access";
import { viewShareLink } from "@/lib/share/links";
import { PasscodeForm } from "./passcode-form";
import { Shell } from "./shell";
import { buttonVariants } from "@/components/ui/button";
import { NewsletterBody } from "@/components/newsletters/newsletter-body";
import { translatorFor } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function SharePage({ params }: PageProps<"/share/[token]">) {
  const { token } = await params;
  const t = await getTranslations();
  const f = await getFormatter();
  const { state, link, unlocked } = await shareAccess(token);
  // No such link: a real 404 (not-found.tsx says so in the share page's own words).
  if (state === "unknown" || (state === "ok" && !link)) notFound();
  if (state !== "ok" || !link) {
    return (
      <Shell title={t("share.title")}>
        <Card>
          <h1 className="mb-2 text-lg font-bold">{t("share.unavailableTitle")}</h1>
          <p className="text-sm text-stone-700" data-testid="share-state">
            {t(`share.states.${state}`)}
          </p>
        </Card>
      </Shell>
    );
  }
  if (!unlocked) {
    return (
      <Shell title={t("share.title")}>
        <Card>
          <h1 className="mb-3 text-lg font-bold">{t("share.passcodeTitle")}</h1>
          {/* The only client component here: only a page asking for the passcode carries messages. */}
          <ClientMessages subtree="share">
            <PasscodeForm token={token} />
          </ClientMessages>
        </Card>
      </Shell>
    );
  }
  const view = await viewShareLink(getDb(), link.id);
  if (view.kind === "newsletter") {
    const n = view.newsletter;
    return (
      <Shell title={t("share.from", { team: n.figures.teamName })}>
        <div className="space-y-4">
          {link.allowDownload && (
            <div className="flex justify-end">
              <a href={`/share/${token}/pdf`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t("share.downloadPdf")}
              </a>
            </div>
          )}
          <h1 className="sr-only">{n.title}</h1>
          <NewsletterBody n={n} t={translatorFor(n.figures.locale === "en" ? "en" : "ja")} />
          <p className="text-xs text-stone-600">{t("share.readOnly")}</p>
        </div>
      </Shell>
    );
  }
  const { data, number, issuedAt } = view;
  return (
    <Shell title={t("share.from", { team: data.teamName })}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-bold">{data.title}</h1>
            <p className="text-sm text-stone-600">{data.periodLabel}</p>
            <p className="text-xs text-stone-600">{t("share.issued", { date: f.dateTime(issuedAt, "short"), number })}</p>
          </div>
          {link.allowDownload && (
            <div className="flex gap-2 text-sm">
              <a href={`/share/${token}/pdf`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t("share.downloadPdf")}
              </a>
              <a href={`/share/${token}/xlsx`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t("share.downloadXlsx")}
              </a>
            </div>
          )}
        </div>
        {data.message && <p className="rounded-md bg-white p-3 text-sm whitespace-pre-wrap shadow-sm">{data.message}</p>}
        <ReportBody data={data} mode="published" />
        <p className="text-xs text-stone-600">{t("share.readOnly")}</p>
      </div>
    </Shell>
  );
}
