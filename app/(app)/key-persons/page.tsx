import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { listSavedFilters } from "@/lib/key-persons/saved-filters";
import { filterFromSearchParams } from "@/lib/key-persons/schemas";
import { departmentOptions, memberOptions } from "@/lib/team/options";
import { KeyPersonList } from "./_components/key-person-list";
import { buttonVariants } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("keyPersons"))("title") };
}

export default async function KeyPersonsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const t = await getTranslations("keyPersons");
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) (Array.isArray(v) ? v : v ? [v] : []).forEach((x) => params.append(k, x));
  const [departments, members, saved] = await Promise.all([departmentOptions(ctx), memberOptions(ctx), listSavedFilters(ctx)]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="flex gap-2">
          {can(ctx.role, "keyPersons.write") && (
            <>
              <Link href="/import" className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t("import")}
              </Link>
              <Link href="/key-persons/new" className={buttonVariants({ size: "sm" })}>
                {t("new")}
              </Link>
            </>
          )}
        </div>
      </div>
      <KeyPersonList
        initial={filterFromSearchParams(params)}
        departments={departments}
        members={members}
        saved={saved}
        canExport={can(ctx.role, "keyPersons.export")}
        canEdit={can(ctx.role, "keyPersons.write")}
      />
    </div>
  );
}
