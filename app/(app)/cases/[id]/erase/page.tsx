import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ErasePage } from "@/components/erase-page";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { eraseCasePreview } from "@/lib/cases/lifecycle";
import { EraseCaseForm } from "./erase-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("caseLifecycle"))("eraseTitle") };
}

/** Erase a case for good (admins): what goes, why, and the employee code typed again. */
export default async function EraseCasePage({ params }: PageProps<"/cases/[id]/erase">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "cases.erase");
  const { id } = await params;
  const { case: c, counts } = await orPageError(eraseCasePreview(ctx, id));
  const t = await getTranslations("caseLifecycle");
  return (
    <ErasePage
      back={{ href: `/cases/${id}`, label: c.employeeCode }}
      title={t("eraseTitle")}
      intro={t("eraseIntro")}
      hold={c.legalHold}
      goes={t("goes")}
      counts={Object.entries(counts).map(([k, n]) => [t(`count.${k}`), n])}
      stays={t("stays")}
      form={<EraseCaseForm id={c.id} version={c.version} code={c.employeeCode} />}
    />
  );
}
