import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { listReports } from "@/lib/reports/reports";
import { pendingLate } from "@/lib/reports/late";
import { TEXT_LINK } from "@/components/ui/link-style";
import { DAY_MS } from "@/lib/dates";
import { buttonVariants } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "reports.write");
  const t = await getTranslations();
  const f = await getFormatter();
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const [{ rows, pages, total }, late] = await Promise.all([listReports(ctx, page), pendingLate(ctx)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{t("reports.title")}</h1>
          <p className="mt-1 text-sm text-stone-600">{t("reports.intro")}</p>
        </div>
        <Link href="/reports/new" className={buttonVariants({ size: "sm" })}>
          {t("reports.new")}
        </Link>
      </div>
      {late > 0 && (
        <Alert tone="amber">
          <span className="font-medium" data-testid="late-entries">
            {t("reports.late.title", { n: late })}
          </span>
          <span className="mt-1 block text-sm">{t("reports.late.body")}</span>
        </Alert>
      )}
      <Card>
        {rows.length === 0 ? (
          <EmptyState>{t("reports.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100" aria-label={t("reports.title")}>
            {rows.map((r) => {
              const last = r.issues[0];
              return (
                <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-3">
                  <Link href={`/reports/${r.id}`} className={`font-medium ${TEXT_LINK}`}>
                    {r.title}
                  </Link>
                  <span className="text-xs text-stone-600">
                    {f.dateTime(r.periodFrom, { dateStyle: "medium", timeZone: "UTC" })} 〜{" "}
                    {f.dateTime(new Date(r.periodTo.getTime() - DAY_MS), { dateStyle: "medium", timeZone: "UTC" })}
                  </span>
                  {last ? (
                    <Badge tone="green">{t("reports.lastIssued", { number: last.number, date: f.dateTime(last.issuedAt, "short") })}</Badge>
                  ) : (
                    <Badge>{t("reports.notIssued")}</Badge>
                  )}
                  {last && (
                    <span className="ml-auto flex gap-2 text-xs">
                      <a className={buttonVariants({ variant: "secondary", size: "xs" })} href={`/api/reports/${r.id}/pdf`}>
                        {t("reports.detail.pdf")}
                      </a>
                      <a className={buttonVariants({ variant: "secondary", size: "xs" })} href={`/api/reports/${r.id}/xlsx`}>
                        {t("reports.detail.xlsx")}
                      </a>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {pages > 1 && (
          <nav className="mt-3 flex items-center justify-between text-sm" aria-label={t("reports.title")}>
            <span className="text-stone-600">{t("reports.count", { count: total })}</span>
            <span className="flex gap-2">
              {page > 1 && (
                <Link href={`/reports?page=${page - 1}`} className="rounded border px-2 py-1">
                  {t("common.previous")}
                </Link>
              )}
              {page < pages && (
                <Link href={`/reports?page=${page + 1}`} className="rounded border px-2 py-1">
                  {t("common.next")}
                </Link>
              )}
            </span>
          </nav>
        )}
      </Card>
    </div>
  );
}
