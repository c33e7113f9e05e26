import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { Pager } from "@/components/ui/pager";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { listNewsletters } from "@/lib/newsletters/newsletters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("newsletters.title") };
}

export default async function NewslettersPage({ searchParams }: PageProps<"/newsletters">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const sp = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(sp.page ?? "1"), 10) || 1));
  const list = await listNewsletters(ctx, { page });
  const t = await getTranslations();
  const f = await getFormatter();
  const pages = Math.max(1, Math.ceil(list.total / list.perPage));
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t("newsletters.title")}</h1>
        <p className="text-sm text-stone-600">{t("newsletters.intro")}</p>
      </div>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState>
            {t("newsletters.list.empty")}{" "}
            <Link href="/initiatives" className={TEXT_LINK}>
              {t("nav.initiatives")}
            </Link>
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="newsletter-list">
              <thead className="text-left text-xs text-stone-500">
                <tr>
                  <th className="p-2">{t("newsletters.fields.title")}</th>
                  <th className="p-2">{t("newsletters.list.initiative")}</th>
                  <th className="p-2">{t("newsletters.list.runOn")}</th>
                  <th className="p-2">{t("newsletters.list.issues")}</th>
                  <th className="p-2">{t("newsletters.list.updated")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {list.rows.map((n) => (
                  <tr key={n.id}>
                    <td className="p-2">
                      <Link href={`/newsletters/${n.id}`} className={TEXT_LINK}>
                        {n.title}
                      </Link>
                    </td>
                    <td className="p-2">
                      <Link href={`/initiatives/${n.result.initiative.id}`} className={TEXT_LINK}>
                        {n.result.initiative.title}
                      </Link>
                    </td>
                    <td className="p-2 whitespace-nowrap">{f.dateTime(n.result.runOn, { dateStyle: "medium", timeZone: "UTC" })}</td>
                    <td className="p-2 whitespace-nowrap">
                      {n._count.issues > 0 ? (
                        <Badge tone="green">{t("newsletters.list.issueCount", { count: n._count.issues })}</Badge>
                      ) : (
                        <Badge>{t("newsletters.list.notIssued")}</Badge>
                      )}
                    </td>
                    <td className="p-2 whitespace-nowrap">{f.dateTime(n.updatedAt, "short")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={list.page} pages={pages} href={(p) => `/newsletters?page=${p}`} />
      </Card>
    </div>
  );
}
