import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { auditFilterSchema, listAuditLog } from "@/lib/audit-log/queries";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { TEXT_LINK } from "@/components/ui/link-style";
import { buttonVariants } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { Input, Select } from "@/components/ui/control";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "audit.read");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = auditFilterSchema.parse(raw);
  const t = await getTranslations();
  const f = await getFormatter();
  const { total, rows, pages, actors, actions } = await listAuditLog(ctx, filter);
  const params = (page: number) =>
    new URLSearchParams(Object.entries({ ...filter, page: String(page) }).filter((e): e is [string, string] => !!e[1]));
  const { page: _page, ...exportFilter } = filter;
  const exportQuery = new URLSearchParams(Object.entries(exportFilter).filter((e): e is [string, string] => !!e[1]));
  return (
    <div className="space-y-4">
      <Link href="/settings" className={`text-sm ${TEXT_LINK}`}>
        ← {t("settings.title")}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
        <Link href="/settings/audit/review" className={buttonVariants({ variant: "secondary", size: "sm" })}>
          {t("accessReview.nav")}
        </Link>
        <a href={`/api/audit/export?${exportQuery}`} className={buttonVariants({ variant: "secondary", size: "sm" })} download>
          {t("audit.export")}
        </a>
      </div>
      <form
        method="get"
        className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
        aria-label={t("audit.filters")}
      >
        <label className="text-sm">
          {t("audit.who")}
          <Select name="actor" defaultValue={filter.actor ?? ""} size="sm" className="block w-full">
            <option value="">{t("audit.everyone")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          {t("audit.action")}
          <Select name="action" defaultValue={filter.action ?? ""} size="sm" className="block w-full">
            <option value="">{t("audit.allActions")}</option>
            {[...new Set(actions.map((a) => `${a.split(".")[0]}.`))].map((p) => (
              <option key={p} value={p}>
                {p}*
              </option>
            ))}
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          {t("audit.from")}
          <Input type="date" name="from" defaultValue={filter.from} size="sm" className="block w-full" />
        </label>
        <label className="text-sm">
          {t("audit.to")}
          <Input type="date" name="to" defaultValue={filter.to} size="sm" className="block w-full" />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonVariants()}>
            {t("dashboard.filters.apply")}
          </button>
          <Link href="/settings/audit" className={buttonVariants({ variant: "secondary" })}>
            {t("dashboard.filters.reset")}
          </Link>
        </div>
      </form>
      <Card>
        <p className="mb-2 text-sm text-stone-600">{t("audit.count", { count: total })}</p>
        {rows.length === 0 ? (
          <EmptyState>{t("audit.empty")}</EmptyState>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="audit-log">
              <thead className="text-left text-xs text-stone-600">
                <tr>
                  <th className="p-2">{t("audit.when")}</th>
                  <th className="p-2 whitespace-nowrap">{t("audit.who")}</th>
                  <th className="p-2">{t("audit.action")}</th>
                  <th className="p-2">{t("audit.target")}</th>
                  <th className="p-2">{t("audit.detail")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {rows.map((r) => {
                  const detail = r.detail === null ? "" : JSON.stringify(r.detail);
                  return (
                    <tr key={r.id} className="align-top">
                      <td className="p-2 whitespace-nowrap">{f.dateTime(r.createdAt, "dateTime")}</td>
                      <td className="p-2 whitespace-nowrap">{r.actor?.name ?? t("audit.system")}</td>
                      <td className="p-2 font-mono text-xs">{r.action}</td>
                      <td className="p-2 font-mono text-xs text-stone-600">
                        <span className="block">{r.entityType}</span>
                        <span className="block break-all">{r.entityId ?? "—"}</span>
                      </td>
                      <td className="max-w-xs p-2 font-mono text-xs break-all text-stone-600" title={detail}>
                        {detail.length > 160 ? `${detail.slice(0, 160)}…` : detail}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={filter.page} pages={pages} href={(page) => `/settings/audit?${params(page)}`} />
      </Card>
    </div>
  );
}
