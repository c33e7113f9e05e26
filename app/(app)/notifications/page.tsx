import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/context";
import { listNotifications, markAllRead, notificationMessageKey } from "@/lib/reviews/notifications";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const ctx = await requireUser();
  const t = await getTranslations("notifications");
  const f = await getFormatter();
  const rows = await listNotifications(ctx);
  // Opening the list reads them; the list still marks what was unread when it opened.
  if (rows.some((r) => !r.readAt)) await markAllRead(ctx);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card>
        {rows.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100" data-testid="notifications">
            {rows.map((n) => (
              <li key={n.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                {!n.readAt && <span className="rounded bg-red-100 px-1.5 text-xs font-medium text-red-800">{t("unread")}</span>}
                <span>{t(notificationMessageKey(n.kind), { actor: n.actor })}</span>
                <span className="ml-auto text-xs text-stone-500">{f.dateTime(n.createdAt, "short")}</span>
                {n.reviewId && (
                  <Link href={`/reviews/${n.reviewId}`} className="text-xs text-brand-700 underline">
                    {t("open")}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
