import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { eraseCasePreview } from "@/lib/cases/lifecycle";
import { EraseCaseForm } from "./erase-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("caseLifecycle"))("eraseTitle") };
}

/** Erase a case for good (admins): what goes, why, and the employee code typed again. */
export default async function EraseCasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "cases.erase");
  const { id } = await params;
  const { case: c, counts } = await orPageError(eraseCasePreview(ctx, id));
  const t = await getTranslations("caseLifecycle");
  const tr = await getTranslations("retention");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={`/cases/${id}`} className={`text-sm ${TEXT_LINK}`}>← {c.employeeCode}</Link>
      <h1 className="text-2xl font-bold">{t("eraseTitle")}</h1>
      <p className="text-sm text-stone-700">{t("eraseIntro")}</p>
      {c.legalHold && <Alert>{t("held", { reason: tr(`holdReasons.${c.legalHold}`) })}</Alert>}
      <Card title={t("goes")}>
        <ul className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2" data-testid="erase-counts">
          {Object.entries(counts).map(([k, n]) => (
            <li key={k}>{t(`count.${k}`)}: <strong>{n}</strong></li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-stone-600">{t("stays")}</p>
      </Card>
      {!c.legalHold && (
        <Card>
          <EraseCaseForm id={c.id} version={c.version} code={c.employeeCode} />
        </Card>
      )}
    </div>
  );
}
