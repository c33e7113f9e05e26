import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { menteesOf } from "@/lib/map/access";
import { listReviews, mentorDashboard } from "@/lib/reviews/queries";
import { StartReviewForm } from "./_components/start-review-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviews"))("title") };
}

export default async function ReviewsPage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "reviews.readOwn");
  const t = await getTranslations("reviews");
  const f = await getFormatter();
  const coach = can(ctx.role, "reviews.write");
  const [reviews, dashboard, mentees] = await Promise.all([
    listReviews(ctx),
    coach ? mentorDashboard(ctx) : [],
    coach ? menteesOf(ctx) : [],
  ]);
  const pct = (x: number | null) => (x === null ? t("none") : f.number(x, { style: "percent" }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("subtitle")}</p>
      </div>
      {coach && (
        <Card title={t("dashboard")} action={<span className="text-xs text-stone-500">{t("dashboardHint")}</span>}>
          {dashboard.length === 0 ? (
            <EmptyState>{t("dashboardEmpty")}</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="mentor-dashboard">
                <thead className="text-left text-xs text-stone-600">
                  <tr>
                    <th scope="col" className="px-2 py-1">
                      {t("mentee")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t("balance")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t("acceptance")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t("moves")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t("overdue")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t("lastReview")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      <span className="sr-only">{t("openMap")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {dashboard.map((m) => (
                    <tr key={m.id} className="border-t border-stone-100">
                      <th scope="row" className="px-2 py-2 text-left font-medium">
                        {m.name}
                      </th>
                      <td className={`px-2 py-2 ${m.asks > m.gives ? "font-semibold text-red-700" : ""}`}>
                        {t("balanceValue", { gives: m.gives, asks: m.asks })}
                      </td>
                      <td className="px-2 py-2">{pct(m.acceptance)}</td>
                      <td className="px-2 py-2">{t("movesValue", { up: m.up, down: m.down })}</td>
                      <td className={`px-2 py-2 ${m.overdue ? "font-semibold text-red-700" : ""}`}>{m.overdue}</td>
                      <td className="px-2 py-2">{m.lastReviewAt ? f.dateTime(m.lastReviewAt, "short") : t("none")}</td>
                      <td className="px-2 py-2">
                        <Link href={`/map?scope=mentee&mentee=${m.id}`} className="text-brand-700 underline">
                          {t("openMap")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {mentees.length > 0 && <StartReviewForm mentees={mentees} />}
        </Card>
      )}
      <Card title={t("list")}>
        {reviews.length === 0 ? (
          <EmptyState>{coach ? t("listEmpty") : t("listEmptyMentee")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100">
            {reviews.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <Link href={`/reviews/${r.id}`} className="font-medium text-brand-700 underline">
                  {r.title}
                </Link>
                <span className="text-sm text-stone-600">
                  {t("mentee")}: {r.mentee.name} · {t("mentor")}: {r.mentor.name}
                </span>
                <span
                  className={`rounded px-2 py-0.5 text-xs ${r.status === "OPEN" ? "bg-sky-100 text-sky-800" : "bg-stone-100 text-stone-700"}`}
                >
                  {t(`status${r.status}`)}
                </span>
                <span className="ml-auto text-xs text-stone-500">
                  {f.dateTime(r.createdAt, "short")} · {t("counts", { comments: r._count.comments, actions: r._count.actions })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
