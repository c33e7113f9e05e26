import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";

const PAGE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "audit.read");
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse((await searchParams).page ?? 1);
  const t = await getTranslations();
  const f = await getFormatter();
  const [total, rows] = await Promise.all([
    ctx.db.auditLog.count({ where: { teamId: ctx.teamId } }),
    ctx.db.auditLog.findMany({
      where: { teamId: ctx.teamId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: { id: true, action: true, entityType: true, entityId: true, createdAt: true, actor: { select: { name: true } } },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return (
    <div className="space-y-4">
      <Link href="/settings" className="text-sm text-brand-700 hover:underline">← {t("settings.title")}</Link>
      <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
      <Card>
        {rows.length === 0 ? <EmptyState>{t("audit.empty")}</EmptyState> : (
          <div className="relative overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="audit-log">
              <thead className="text-left text-xs text-stone-500"><tr><th className="p-2">{t("audit.when")}</th><th className="p-2">{t("audit.who")}</th><th className="p-2">{t("audit.action")}</th><th className="p-2">{t("audit.target")}</th></tr></thead>
              <tbody className="divide-y divide-stone-100">
                {rows.map((r) => (
                  <tr key={r.id}><td className="whitespace-nowrap p-2">{f.dateTime(r.createdAt, "dateTime")}</td><td className="p-2">{r.actor?.name ?? t("audit.system")}</td><td className="p-2 font-mono text-xs">{r.action}</td><td className="p-2 font-mono text-xs text-stone-500">{r.entityType} {r.entityId?.slice(0, 8)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav className="mt-3 flex items-center justify-between text-sm">
            {page > 1 ? <Link href={`/settings/audit?page=${page - 1}`} className="text-brand-700">{t("keyPersons.prevPage")}</Link> : <span />}
            <span>{t("keyPersons.page", { page, pages })}</span>
            {page < pages ? <Link href={`/settings/audit?page=${page + 1}`} className="text-brand-700">{t("keyPersons.nextPage")}</Link> : <span />}
          </nav>
        )}
      </Card>
    </div>
  );
}
