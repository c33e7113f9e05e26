import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { AppError } from "@/lib/errors";
import { disclosedMentions } from "@/lib/key-persons/disclosure";
import { MentionList } from "../../_components/mention-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("disclosure"))("preview") };
}

/** Before handing a disclosure over (admins): what it carries beyond his own record, and the files. */
export default async function DisclosurePreviewPage({ params }: PageProps<"/key-persons/[id]/disclosure">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.disclose");
  const { id } = await params;
  const person = await orPageError(
    ctx.db.keyPerson
      .findFirst({ where: { id, teamId: ctx.teamId }, select: { id: true, name: true, nameKana: true } })
      .then((p) => p ?? Promise.reject(new AppError("notFound"))),
  );
  const { shown, withheld } = await disclosedMentions(ctx, person);
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={`/key-persons/${id}`} className={`text-sm ${TEXT_LINK}`}>
        ← {person.name}
      </Link>
      <h1 className="text-2xl font-bold">{t("disclosure.previewTitle", { name: person.name })}</h1>
      <p className="text-sm text-stone-700">{t("disclosure.previewIntro")}</p>
      <MentionList
        mentions={shown}
        sealed={withheld}
        title={t("mentions.discloseTitle")}
        intro={t("mentions.discloseIntro")}
        none={t("mentions.discloseNone")}
        sealedNote="withheld"
      />
      <div className="flex flex-wrap gap-2">
        <a href={`/api/key-persons/${id}/disclosure?format=pdf`} className={buttonVariants({ size: "sm" })}>
          {t("disclosure.open")}（{t("disclosure.pdf")}）
        </a>
        <a href={`/api/key-persons/${id}/disclosure?format=json`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
          {t("disclosure.open")}（{t("disclosure.json")}）
        </a>
      </div>
    </div>
  );
}
