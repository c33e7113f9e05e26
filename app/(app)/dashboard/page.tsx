import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReportBody } from "@/components/reports/report-body";
import { Alert } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { dashboardFilterSchema } from "@/lib/dashboard/filters";
import { auditDashboardView, forViewer, loadDashboard, publishedCaseSections } from "@/lib/dashboard/load";
import { can } from "@/lib/auth/permissions";
import { publish } from "@/lib/reports/format";
import { isCaseSection } from "@/lib/reports/types";
import { departmentLabels } from "@/lib/departments/tree";
import { memberOptions } from "@/lib/team/options";
import { FilterBar } from "./_components/filter-bar";
import { buttonVariants } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "dashboard.read");
  const t = await getTranslations();
  const locale = (await getLocale()) === "en" ? "en" : "ja";
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = dashboardFilterSchema.parse(raw);
  const [full, labels, nurses, published] = await Promise.all([
    loadDashboard(ctx, filter, locale),
    departmentLabels(ctx.db, ctx.teamId, filter.dept ? [filter.dept] : []),
    memberOptions(ctx),
    can(ctx.role, "cases.readAll") ? new Map() : publishedCaseSections(ctx, locale),
    auditDashboardView(ctx, filter),
  ]);
  const department = filter.dept && labels.has(filter.dept) ? { id: filter.dept, label: labels.get(filter.dept)! } : null;
  const data = forViewer(ctx.role, full, published, locale);
  const manager = filter.view === "manager";
  const shown = manager ? publish(data) : data;
  const params = new URLSearchParams(Object.entries(raw).filter((e): e is [string, string] => !!e[1] && e[0] !== "view"));
  const viewHref = (view: string) => `/dashboard?${new URLSearchParams([...params, ["view", view]])}`;
  // Department trees: open branches and extended sibling lists live in the URL (`open`, `more`).
  const keys = (name: string) =>
    new Set(
      (raw[name] ?? "")
        .split(",")
        .filter((k) => /^[\w#-]{1,40}$/.test(k))
        .slice(0, 100),
    );
  const open = keys("open");
  const more = keys("more");
  const treeHref = (change: { open?: string; close?: string; more?: string }) => {
    const nextOpen = new Set(open);
    if (change.open) nextOpen.add(change.open);
    if (change.close) nextOpen.delete(change.close);
    const nextMore = change.more ? new Set([...more, change.more]) : more;
    const next = new URLSearchParams([...params.entries()].filter(([k]) => k !== "open" && k !== "more"));
    next.set("view", filter.view);
    if (nextOpen.size) next.set("open", [...nextOpen].join(","));
    if (nextMore.size) next.set("more", [...nextMore].join(","));
    return `/dashboard?${next}`;
  };
  const empty = data.sections.every((s) =>
    s.tables.every((tb) => tb.rows.every((r) => r.cells.every((c) => c.t === "text" || (c.t === "num" ? !c.v : !c.n)))),
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("dashboard.title")}</h1>
          <p className="mt-1 text-sm text-stone-600">{t("dashboard.intro")}</p>
          <p className="mt-1 text-sm font-medium" data-testid="period">
            {data.periodLabel}
          </p>
        </div>
        <nav aria-label={t("dashboard.view.team")} className="flex rounded-md border border-stone-300 bg-white text-sm">
          <Link
            href={viewHref("team")}
            aria-current={!manager ? "page" : undefined}
            className={`rounded-l-md px-3 py-2 ${!manager ? "bg-brand-600 text-white" : "hover:bg-stone-100"}`}
          >
            {t("dashboard.view.team")}
          </Link>
          <Link
            href={viewHref("manager")}
            aria-current={manager ? "page" : undefined}
            className={`rounded-r-md px-3 py-2 ${manager ? "bg-brand-600 text-white" : "hover:bg-stone-100"}`}
          >
            {t("dashboard.view.manager")}
          </Link>
        </nav>
      </div>
      <FilterBar filter={filter} department={department} nurses={nurses} />
      <Alert tone="amber">{manager ? t("dashboard.view.managerNote") : t("dashboard.view.teamNote")}</Alert>
      {empty && <p className="rounded-md bg-stone-50 px-3 py-4 text-center text-sm text-stone-600">{t("dashboard.empty")}</p>}
      <ReportBody
        data={shown}
        mode={manager ? "published" : "team"}
        lazyCharts
        tree={{
          open,
          more,
          href: treeHref,
          labels: {
            open: (name, count) => t("dashboard.tree.open", { name, count }),
            close: (name) => t("dashboard.tree.close", { name }),
            more: (count) => t("dashboard.tree.more", { count }),
          },
        }}
        sectionAction={(id) =>
          // Case figures go out only as issued reports (audited against everything published).
          isCaseSection(id) ? (
            <Link href="/reports/new" className={buttonVariants({ variant: "secondary", size: "xs", className: "whitespace-nowrap" })}>
              {t("dashboard.viaReport")}
            </Link>
          ) : (
            <a
              href={`/api/dashboard/csv?${new URLSearchParams([...params, ["section", id]])}`}
              className={buttonVariants({ variant: "secondary", size: "xs", className: "whitespace-nowrap" })}
              download
            >
              {t("dashboard.downloadCsv")}
            </a>
          )
        }
      />
    </div>
  );
}
