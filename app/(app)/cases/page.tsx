import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { listCases } from "@/lib/cases/cases";
import { CASE_STATUSES } from "@/lib/cases/schemas";
import { tokyoToday } from "@/lib/dates";
import { buttonVariants } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("title") };
}

export default async function CasesPage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "cases.readAssigned");
  const t = await getTranslations();
  const f = await getFormatter();
  const { rows, withdrawn, teamCounts } = await listCases(ctx);
  // Follow-up days are dates (UTC midnight of the Tokyo day): before today's is overdue.
  const today = tokyoToday();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("cases.title")}</h1>
        <div className="flex gap-2">
          <a href="/api/cases/export" className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("cases.export")}
          </a>
          <Link href="/cases/new" className={buttonVariants({ size: "sm" })}>
            {t("cases.new")}
          </Link>
        </div>
      </div>
      <Card title={t("cases.teamCounts")}>
        <dl className="flex flex-wrap gap-6 text-sm" data-testid="case-counts">
          {CASE_STATUSES.map((s) => (
            <div key={s}>
              <dt className="text-stone-500">{t(`caseStatuses.${s}`)}</dt>
              <dd className="text-2xl font-bold">{teamCounts[s] ?? 0}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-xs text-stone-500">{t("cases.countsOnly")}</p>
      </Card>
      <Card title={t("cases.mine")}>
        {rows.length === 0 ? (
          <EmptyState>{t("cases.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100" aria-label={t("cases.mine")}>
            {rows.map((c) => (
              <li key={c.id}>
                <Link href={`/cases/${c.id}`} className="flex flex-wrap items-center gap-2 py-2 text-sm hover:bg-stone-50">
                  <span className="font-mono font-medium">{c.employeeCode}</span>
                  <Badge tone={c.status === "CLOSED" ? "stone" : c.status === "OPEN" ? "amber" : "blue"}>
                    {t(`caseStatuses.${c.status}`)}
                  </Badge>
                  <span>{t(`caseKinds.${c.kind}`)}</span>
                  <span className="text-xs text-stone-500">{c.department?.name}</span>
                  {c.nextFollowUpOn && c.status !== "CLOSED" && (
                    <span
                      className={`ml-auto flex items-center gap-1 text-xs ${c.nextFollowUpOn < today ? "text-red-800" : "text-stone-600"}`}
                      data-testid={c.nextFollowUpOn < today ? "case-overdue" : undefined}
                    >
                      {c.nextFollowUpOn < today && <Badge tone="red">{t("home.overdue")}</Badge>}
                      {t("cases.nextDue", { date: f.dateTime(c.nextFollowUpOn, "short") })}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {withdrawn.length > 0 && (
        <Card title={t("caseLifecycle.withdrawnList")}>
          <ul className="divide-y divide-stone-100 text-sm" aria-label={t("caseLifecycle.withdrawnList")}>
            {withdrawn.map((w) => (
              <li key={w.id}>
                <Link href={`/cases/${w.id}`} className="flex flex-wrap items-center gap-2 py-2 hover:bg-stone-50">
                  <span className="font-mono">{w.employeeCode}</span>
                  <span className="text-xs text-stone-500">
                    {t("caseLifecycle.withdrawnOn", { date: f.dateTime(w.withdrawnAt!, "short") })}
                  </span>
                  <span className="text-xs text-stone-500">{t(`caseLifecycle.keepReasons.${w.keepReason ?? "LEGAL_RECORD"}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
