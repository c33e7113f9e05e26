import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { departmentTree } from "@/lib/departments/queries";
import { DepartmentForm } from "./_components/department-form";
import { buttonVariants } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("departments"))("title") };
}

export default async function DepartmentsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "departments.read");
  const showArchived = (await searchParams).archived === "1";
  const t = await getTranslations();
  const tree = await departmentTree(ctx, { includeArchived: showArchived });
  const parents = tree.filter((d) => !d.archivedAt).map((d) => ({ id: d.id, label: `${"　".repeat(d.depth)}${d.name}` }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("departments.title")}</h1>
        <div className="flex gap-3 text-sm">
          <Link href={showArchived ? "/departments" : "/departments?archived=1"} className="text-brand-700 underline">
            {t("departments.showArchived")}
          </Link>
          {can(ctx.role, "departments.write") && (
            <Link href="/import?kind=departments" className="text-brand-700 underline">
              {t("departments.import")}
            </Link>
          )}
        </div>
      </div>
      <Card>
        {tree.length === 0 ? (
          <EmptyState>{t("departments.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100" aria-label={t("departments.title")}>
            {tree.map((d) => (
              <li
                key={d.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                style={{ paddingLeft: `${d.depth * 1.25}rem` }}
              >
                <span className="flex items-center gap-2">
                  <Link
                    href={`/departments/${d.id}`}
                    className={`font-medium underline decoration-stone-300 underline-offset-2 hover:decoration-current ${d.archivedAt ? "text-stone-500" : "text-brand-700"}`}
                  >
                    {d.name}
                  </Link>
                  <span className="text-xs text-stone-500">{t(`departmentKinds.${d.kind}`)}</span>
                  {d.archivedAt && <Badge>{t("departments.archivedBadge")}</Badge>}
                </span>
                <span className="flex items-center gap-3 text-xs text-stone-600">
                  {d.headcount !== null && <span>{t("departments.headcountValue", { count: d.headcount })}</span>}
                  <Link href={`/key-persons?departmentId=${d.id}`} className="hover:underline">
                    {d.keyPersonsInSubtree > d.keyPersons
                      ? t("departments.keyPersonsWithSubtree", { count: d.keyPersons, total: d.keyPersonsInSubtree })
                      : t("departments.keyPersons", { count: d.keyPersons })}
                  </Link>
                  <Link href={`/departments/${d.id}/briefing`} className={buttonVariants({ variant: "secondary", size: "xs" })}>
                    {t("departments.briefing")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {can(ctx.role, "departments.write") && (
        <Card title={t("departments.new")}>
          <DepartmentForm
            parents={parents}
            initial={{ name: "", kind: tree.length === 0 ? "COMPANY" : "DEPARTMENT", parentId: null, headcount: null, externalId: null }}
          />
        </Card>
      )}
    </div>
  );
}
