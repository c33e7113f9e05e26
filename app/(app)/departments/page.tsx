import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { departmentTree } from "@/lib/departments/queries";
import { DepartmentForm } from "./_components/department-form";
import { DepartmentList } from "./_components/department-list";

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
          <DepartmentList
            label={t("departments.title")}
            rows={tree.map((d) => ({
              id: d.id,
              name: d.name,
              kind: d.kind,
              depth: d.depth,
              headcount: d.headcount,
              keyPersons: d.keyPersons,
              keyPersonsInSubtree: d.keyPersonsInSubtree,
              archived: d.archivedAt !== null,
            }))}
          />
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
