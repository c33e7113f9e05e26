import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { mergePreview } from "@/lib/key-persons/merge";
import { MergeButton, MergeWithPicker } from "./merge-controls";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("keyPersons.merge"))("title") };
}

/** Merge another record of the same person into this one: pick it, see what moves, confirm. */
export default async function MergePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ with?: string }>;
}) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.write");
  const { id } = await params;
  const other = (await searchParams).with;
  const t = await getTranslations("keyPersons.merge");
  const kept = await ctx.db.keyPerson.findFirst({ where: { id, teamId: ctx.teamId }, select: { id: true, name: true } });
  if (!kept) notFound();
  const preview = other && other !== id ? await orPageError(mergePreview(ctx, id, other)) : null;
  const describe = (p: { name: string; nameKana: string; title: string; department: { name: string } | null }) =>
    [p.nameKana, p.title, p.department?.name].filter(Boolean).join(" · ");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={`/key-persons/${id}`} className={`text-sm ${TEXT_LINK}`}>
        ← {kept.name}
      </Link>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-stone-600">{t("intro", { name: kept.name })}</p>
      {!preview ? (
        <Card>
          <MergeWithPicker keptId={id} />
        </Card>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Card title={t("keep")}>
              <p className="font-medium">{preview.kept.name}</p>
              <p className="text-sm text-stone-600">{describe(preview.kept)}</p>
            </Card>
            <Card title={t("goes")}>
              <p className="font-medium">{preview.merged.name}</p>
              <p className="text-sm text-stone-600">{describe(preview.merged)}</p>
              <Link
                href={`/key-persons/${preview.merged.id}/merge?with=${preview.kept.id}`}
                className={`mt-2 inline-block text-sm ${TEXT_LINK}`}
              >
                {t("swap")}
              </Link>
            </Card>
          </div>
          <Card title={t("moves", { name: preview.merged.name })}>
            <ul className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3" data-testid="merge-counts">
              {Object.entries(preview.counts).map(([k, n]) => (
                <li key={k}>
                  {t(`count.${k}`)}: <strong>{n}</strong>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-sm text-stone-600">{t("fills")}</p>
          </Card>
          <MergeButton
            keptId={preview.kept.id}
            keptVersion={preview.kept.version}
            mergedId={preview.merged.id}
            mergedVersion={preview.merged.version}
            mergedName={preview.merged.name}
          />
          <Link href={`/key-persons/${id}/merge`} className={`text-sm ${TEXT_LINK}`}>
            {t("pickAnother")}
          </Link>
        </>
      )}
    </div>
  );
}
