"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import type { DepartmentKind } from "@/lib/generated/prisma/enums";

/** A department as the list needs it: the tree's order and depth come from the server. */
export type DepartmentListRow = {
  id: string;
  name: string;
  kind: DepartmentKind;
  depth: number;
  headcount: number | null;
  keyPersons: number;
  keyPersonsInSubtree: number;
  archived: boolean;
};

/**
 * The department tree as an indented list. A client component fed plain rows: a company of 300
 * departments sent as server-rendered markup carried every row's classes twice (the document and the
 * page's RSC data), 677 kB of HTML at bench scale; as rows, the RSC data holds only the figures.
 */
export function DepartmentList({ rows, label }: { rows: DepartmentListRow[]; label: string }) {
  const t = useTranslations();
  return (
    <ul className="divide-y divide-stone-100" aria-label={label}>
      {rows.map((d) => (
        <li
          key={d.id}
          className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
          style={{ paddingLeft: `${d.depth * 1.25}rem` }}
        >
          <span className="flex items-center gap-2">
            <Link
              href={`/departments/${d.id}`}
              className={`font-medium underline decoration-stone-300 underline-offset-2 hover:decoration-current ${d.archived ? "text-stone-500" : "text-brand-700"}`}
            >
              {d.name}
            </Link>
            <span className="text-xs text-stone-500">{t(`departmentKinds.${d.kind}`)}</span>
            {d.archived && <Badge>{t("departments.archivedBadge")}</Badge>}
          </span>
          <span className="flex items-center gap-3 text-xs text-stone-600">
            {d.headcount !== null && <span className="whitespace-nowrap">{t("departments.headcountValue", { count: d.headcount })}</span>}
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
  );
}
