import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Badge, Card, EmptyState } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { getEnv } from "@/lib/env";
import { listMail } from "@/lib/mail/queries";
import { ResendButton } from "./resend-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

const TONE = { QUEUED: "amber", SENDING: "amber", SENT: "green", FAILED: "red", HELD: "blue" } as const;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "members.manage");
  const raw = (await searchParams).page;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(Array.isArray(raw) ? raw[0] : (raw ?? "1"), 10) || 1));
  const t = await getTranslations();
  const f = await getFormatter();
  const { total, failed, rows, pages } = await listMail(ctx, page);
  const when = (d: Date) => f.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" });
  return (
    <div className="space-y-4">
      <Link href="/settings" className={`text-sm ${TEXT_LINK}`}>
        ← {t("settings.title")}
      </Link>
      <h1 className="text-2xl font-bold">{t("outbox.title")}</h1>
      <p className="text-sm text-stone-600">{t("outbox.intro")}</p>
      {!getEnv().SMTP_URL && <Alert tone="amber">{t("outbox.noSmtp")}</Alert>}
      {failed > 0 && <Alert>{t("outbox.failedBanner", { count: failed })}</Alert>}
      <Card>
        {total === 0 ? (
          <EmptyState>{t("outbox.empty")}</EmptyState>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="outbox">
              <thead className="text-left text-xs text-stone-600">
                <tr>
                  <th className="p-2">{t("outbox.createdAt")}</th>
                  <th className="p-2">{t("outbox.to")}</th>
                  <th className="p-2">{t("outbox.subject")}</th>
                  <th className="p-2">{t("outbox.status")}</th>
                  <th className="p-2">
                    <span className="sr-only">{t("outbox.open")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {rows.map((m) => (
                  <tr key={m.id} className="align-top">
                    <td className="p-2 whitespace-nowrap">{when(m.createdAt)}</td>
                    <td className="p-2 break-all">{m.toEmail}</td>
                    <td className="p-2">{m.subject}</td>
                    <td className="p-2">
                      <Badge tone={TONE[m.status]}>{t(`outbox.statuses.${m.status}`)}</Badge>
                      {m.attempts > 1 && (
                        <span className="ml-1 text-xs text-stone-500">
                          {t("outbox.attempts")} {m.attempts}
                        </span>
                      )}
                      {m.status === "FAILED" && m.lastError && <p className="mt-1 text-xs text-red-700">{m.lastError}</p>}
                    </td>
                    <td className="p-2 text-right whitespace-nowrap">
                      <Link href={`/settings/mail/${m.id}`} className={TEXT_LINK}>
                        {t("outbox.open")}
                      </Link>
                      {m.status === "FAILED" && <ResendButton id={m.id} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav className="mt-3 flex items-center justify-between text-sm" aria-label={t("outbox.title")}>
            {page > 1 ? (
              <Link href={`/settings/mail?page=${page - 1}`} className={TEXT_LINK}>
                ← {t("outbox.previous")}
              </Link>
            ) : (
              <span />
            )}
            <span className="text-stone-600">
              {page} / {pages}
            </span>
            {page < pages ? (
              <Link href={`/settings/mail?page=${page + 1}`} className={TEXT_LINK}>
                {t("outbox.next")} →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </Card>
    </div>
  );
}
