import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { erasePreview } from "@/lib/key-persons/erase";
import { ErasePersonForm } from "./erase-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("keyPersons.erase"))("title") };
}

/** Erase a person for good (admins): what goes, why, and the name typed again. */
export default async function ErasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.erase");
  const { id } = await params;
  const { person, counts } = await orPageError(erasePreview(ctx, id));
  const t = await getTranslations("keyPersons.erase");
  const tl = await getTranslations("caseLifecycle");
  const tr = await getTranslations("retention");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={`/key-persons/${id}`} className={`text-sm ${TEXT_LINK}`}>← {person.name}</Link>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-stone-700">{t("intro", { name: person.name })}</p>
      {person.legalHold && <Alert>{tl("held", { reason: tr(`holdReasons.${person.legalHold}`) })}</Alert>}
      <Card title={t("goes")}>
        <ul className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2" data-testid="erase-counts">
          {Object.entries(counts).map(([k, n]) => (
            <li key={k}>{t(`count.${k}`)}: <strong>{n}</strong></li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-stone-600">{t("stays")}</p>
      </Card>
      {!person.legalHold && (
        <Card>
          <ErasePersonForm id={person.id} version={person.version} name={person.name} />
        </Card>
      )}
    </div>
  );
}
