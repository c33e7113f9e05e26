import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { isAccepted } from "@/lib/requests/accepted";
import { acceptanceRates, listRequests, requestListSchema } from "@/lib/requests/queries";
import { REQUEST_STATUSES } from "@/lib/requests/schemas";
import { buttonVariants } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { RequestStatusBadge } from "@/components/request-status-badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("title") };
}

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const filter = requestListSchema.parse(await searchParams);
  const t = await getTranslations();
  const f = await getFormatter();
  const [list, rates] = await Promise.all([listRequests(ctx, filter), acceptanceRates(ctx)]);
  const pct = (r: { rate: number | null; accepted: number; decided: number }) =>
    t("requests.rate", { rate: Math.round((r.rate ?? 0) * 100), accepted: r.accepted, decided: r.decided });
  const groups = [
    { title: t("requests.byNurse"), rows: rates.byNurse.map((r) => ({ ...r, label: r.label })) },
    { title: t("requests.byKind"), rows: rates.byKind.map((r) => ({ ...r, label: t(`keyPersonKinds.${r.key}`) })) },
    {
      title: t("requests.byPrinciple"),
      rows: rates.byPrinciple.map((r) => ({ ...r, label: r.key === "NONE" ? t("requests.noPrinciple") : t(`principles.${r.key}`) })),
    },
    {
      title: t("requests.byFallback"),
      rows: rates.byFallback.map((r) => ({ ...r, label: r.key === "with" ? t("requests.withFallback") : t("requests.withoutFallback") })),
    },
  ];
  const href = (patch: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ status: filter.status, page: filter.page, ...patch })) if (v !== undefined) p.set(k, String(v));
    return `/requests?${p}`;
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("requests.title")}</h1>
        <div className="flex gap-2">
          <Link href="/requests/templates" className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("requests.manageTemplates")}
          </Link>
          <Link href="/requests/new" className={buttonVariants({ size: "sm" })}>
            {t("requests.new")}
          </Link>
        </div>
      </div>
      <Card title={t("requests.stats")}>
        {rates.byNurse.length === 0 ? (
          <EmptyState>{t("requests.noStats")}</EmptyState>
        ) : (
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4" data-testid="acceptance-rates">
            {groups.map((g) => (
              <div key={g.title}>
                <h3 className="mb-1 text-xs font-medium text-stone-500">{g.title}</h3>
                <ul className="space-y-1 text-sm">
                  {g.rows.map((r) => (
                    <li key={r.key} className="flex justify-between gap-2">
                      <span className="truncate">{r.label}</span>
                      <span className="whitespace-nowrap text-stone-600">{pct(r)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </Card>
      <nav className="flex flex-wrap gap-2 text-sm" aria-label={t("requests.status")}>
        <Link
          href={href({ status: undefined, page: undefined })}
          className={`rounded-full border px-3 py-1 ${!filter.status ? "border-brand-600 bg-brand-50 text-brand-700" : "border-stone-300"}`}
        >
          {t("requests.allStatuses")}
        </Link>
        {REQUEST_STATUSES.map((s) => (
          <Link
            key={s}
            href={href({ status: s, page: undefined })}
            className={`rounded-full border px-3 py-1 ${filter.status === s ? "border-brand-600 bg-brand-50 text-brand-700" : "border-stone-300"}`}
          >
            {t(`requestStatuses.${s}`)}
          </Link>
        ))}
      </nav>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState>{t("requests.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100" aria-label={t("requests.list")}>
            {list.rows.map((r) => (
              <li key={r.id}>
                <Link href={`/requests/${r.id}`} className="block py-2 hover:bg-stone-50">
                  <span className="flex flex-wrap items-center gap-2 text-sm">
                    <RequestStatusBadge status={r.status} />
                    <span className="font-medium">{r.keyPerson.name}</span>
                    <span className="text-xs text-stone-500">{r.nurse.name}</span>
                    {r.dueOn && (
                      <span className="text-xs text-stone-500">{t("requests.dueValue", { date: f.dateTime(r.dueOn, "short") })}</span>
                    )}
                    {isAccepted(r.status) && !r.thankedAt && <Badge tone="amber">{t("requests.thanksOwed")}</Badge>}
                  </span>
                  <span className="mt-1 block text-sm text-stone-700">{r.what}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Pager page={filter.page} pages={list.pages} href={(page) => href({ page })} />
      </Card>
    </div>
  );
}
