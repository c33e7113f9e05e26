import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { accessReview, reviewMonthSchema } from "@/lib/audit-log/review";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { tokyoDay } from "@/lib/dates";
import { SignOffButton } from "./sign-off-button";
import { buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/control";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessReview"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The month's access-log review and its sign-off (admins). */
export default async function AccessReviewPage({ searchParams }: { searchParams: Search }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "audit.read");
  const raw = (await searchParams).month;
  const thisMonth = tokyoDay().slice(0, 7);
  const parsed = reviewMonthSchema.safeParse({ month: Array.isArray(raw) ? raw[0] : raw });
  const month = parsed.success && parsed.data.month <= thisMonth ? parsed.data.month : thisMonth;
  const r = await accessReview(ctx, month);
  const t = await getTranslations("accessReview");
  const tAll = await getTranslations();
  const f = await getFormatter();
  const at = (d: Date) => f.dateTime(d, "dateTime");
  const th = "px-2 py-1.5 text-left font-medium text-stone-600";
  const td = "px-2 py-1.5";
  const list = (rows: { id: string; at: Date; who: string; what: string }[], empty: string, testId: string) =>
    rows.length === 0 ? (
      <EmptyState>{empty}</EmptyState>
    ) : (
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid={testId}>
          <thead>
            <tr className="border-b border-stone-200">
              <th className={th}>{t("when")}</th>
              <th className={th}>{t("who")}</th>
              <th className={th}>{t("what")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr key={x.id} className="border-b border-stone-100">
                <td className={`${td} whitespace-nowrap`}>{at(x.at)}</td>
                <td className={`${td} whitespace-nowrap`}>{x.who}</td>
                <td className={`${td} font-mono text-xs`}>{x.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  return (
    <div className="space-y-6">
      <Link href="/settings/audit" className={`text-sm ${TEXT_LINK}`}>
        ← {tAll("audit.title")}
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="max-w-3xl text-sm text-stone-700">{t("intro")}</p>
        </div>
        <form method="get" className="flex items-end gap-2">
          <label className="text-sm">
            {t("month")}
            <Input type="month" name="month" defaultValue={month} max={thisMonth} size="sm" className="block" />
          </label>
          <button type="submit" className={buttonVariants({ variant: "secondary" })}>
            {t("show")}
          </button>
        </form>
      </div>
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <dl className="flex flex-wrap gap-6 text-sm" data-testid="review-figures">
            {(["caseReads", "refused", "offCase", "exports"] as const).map((k) => (
              <div key={k}>
                <dt className="text-stone-500">{t(`figures.${k}`)}</dt>
                <dd className="text-2xl font-bold">{r.figures[k]}</dd>
              </div>
            ))}
          </dl>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <a href={`/api/audit/review?month=${month}&encoding=utf-8`} className={TEXT_LINK} download>
              {t("csvUtf8")}
            </a>
            <a href={`/api/audit/review?month=${month}&encoding=shift_jis`} className={TEXT_LINK} download>
              {t("csvSjis")}
            </a>
          </div>
        </div>
        <div className="mt-4 border-t border-stone-100 pt-3" data-testid="sign-off">
          {r.signOff ? (
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="green">{t("reviewed")}</Badge>
              {t("signedOff", { by: r.signOff.by, at: at(r.signOff.at) })}
            </p>
          ) : (
            <SignOffButton month={month} />
          )}
        </div>
      </Card>
      <Card title={t("byWeek")}>
        {r.byWeek.length === 0 ? (
          <EmptyState>{t("noReads")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="reads-by-week">
              <thead>
                <tr className="border-b border-stone-200">
                  <th className={th}>{t("who")}</th>
                  <th className={th}>{t("week")}</th>
                  <th className={`${th} text-right`}>{t("reads")}</th>
                </tr>
              </thead>
              <tbody>
                {r.byWeek.map((w) => (
                  <tr key={`${w.actorId}-${w.week}`} className="border-b border-stone-100">
                    <td className={`${td} whitespace-nowrap`}>{w.name ?? "—"}</td>
                    <td className={`${td} whitespace-nowrap`}>
                      {t("weekOf", { date: f.dateTime(new Date(`${w.week}T00:00:00Z`), "short") })}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{w.reads}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t("refused")}>
        {list(
          r.refused.map((x) => ({ ...x, what: x.caseId })),
          t("noneRefused"),
          "refused-reads",
        )}
      </Card>
      <Card title={t("offCase")}>
        <p className="mb-2 text-xs text-stone-500">{t("offCaseHint")}</p>
        {list(
          r.offCase.map((x) => ({ ...x, what: x.caseId })),
          t("noneOffCase"),
          "off-case-reads",
        )}
      </Card>
      <Card title={t("exports")}>
        {list(
          r.exports.map((x) => ({ ...x, what: x.count === null ? x.action : `${x.action} (${x.count})` })),
          t("noneExports"),
          "exports",
        )}
      </Card>
    </div>
  );
}
