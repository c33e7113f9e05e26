import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { recentEntries } from "@/lib/audit-log/queries";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { LEFT_OUT } from "@/lib/team-export/catalog";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teamExport"))("title") };
}

/** The team's whole data as one zip, what it holds and leaves out, and the last exports (admins). */
export default async function TeamExportPage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "team.export");
  const t = await getTranslations("teamExport");
  const tAll = await getTranslations();
  const f = await getFormatter();
  const recent = await recentEntries(ctx, "team.exported");
  return (
    <div className="space-y-6">
      <Link href="/settings" className={`text-sm ${TEXT_LINK}`}>
        ← {tAll("settings.title")}
      </Link>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-stone-700">{t("intro")}</p>
      <Card title={t("download")}>
        <div className="space-y-3 text-sm">
          <p role="note" className="max-w-3xl rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
            {t("warning")}
          </p>
          <ul className="list-disc space-y-1 pl-5 text-stone-700">
            <li>{t("holdsJson")}</li>
            <li>{t("holdsCsv")}</li>
            <li>{t("holdsCases")}</li>
          </ul>
          <a href="/api/team/export" download className={buttonVariants()}>
            {t("button")}
          </a>
          <p className="text-xs text-stone-500">{t("slow")}</p>
        </div>
      </Card>
      <Card title={t("leftOut")}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
          {LEFT_OUT.map((name) => (
            <li key={name}>{t(`excluded.${name}`)}</li>
          ))}
        </ul>
      </Card>
      <Card title={t("restore")}>
        <div className="space-y-2 text-sm text-stone-700">
          <p>{t("restoreIntro")}</p>
          <pre className="overflow-x-auto rounded bg-stone-100 p-2 text-xs">
            <code>npm run restore-team -- team-export.zip --origin https://crm.example.jp</code>
          </pre>
          <p>{t("restoreAfter")}</p>
        </div>
      </Card>
      <Card title={t("recent")}>
        {recent.length === 0 ? (
          <EmptyState>{t("recentEmpty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm" data-testid="recent-exports">
            {recent.map((r) => (
              <li key={r.id} className="flex flex-wrap gap-3 py-1.5">
                <span className="text-stone-500">{f.dateTime(r.createdAt, "dateTime")}</span>
                <span>{r.actor?.name ?? t("system")}</span>
                <span>{t("rows", { count: ((r.detail ?? {}) as { rows?: number }).rows ?? 0 })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
