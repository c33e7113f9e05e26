import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { templateHeader } from "@/lib/csv/columns";
import { ImportForm } from "./import-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importCsv"))("title") };
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.write");
  const { kind } = await searchParams;
  const t = await getTranslations("importCsv");
  const headers = {
    departments: templateHeader("departments"),
    keyPersons: templateHeader("keyPersons"),
  };
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card>
        <p className="mb-4 text-sm text-stone-600">{t("hint")}</p>
        <ImportForm initialKind={kind === "departments" ? "departments" : "keyPersons"} headers={headers} />
      </Card>
    </div>
  );
}
