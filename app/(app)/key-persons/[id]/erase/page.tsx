import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ErasePage } from "@/components/erase-page";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { erasePreview } from "@/lib/key-persons/erase";
import { MentionList } from "../../_components/mention-list";
import { ErasePersonForm } from "./erase-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("keyPersons.erase"))("title") };
}

/** Erase a person for good (admins): what goes, why, and the name typed again. */
export default async function ErasePersonPage({ params }: PageProps<"/key-persons/[id]/erase">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.erase");
  const { id } = await params;
  const { person, counts, mentions } = await orPageError(erasePreview(ctx, id));
  const t = await getTranslations("keyPersons.erase");
  const tm = await getTranslations("mentions");
  return (
    <ErasePage
      back={{ href: `/key-persons/${id}`, label: person.name }}
      title={t("title")}
      intro={t("intro", { name: person.name })}
      hold={person.legalHold}
      goes={t("goes")}
      counts={Object.entries(counts).map(([k, n]) => [t(`count.${k}`), n])}
      stays={t("stays")}
      extra={
        <MentionList
          mentions={mentions}
          sealed={mentions.filter((m) => m.sealed).length}
          title={tm("eraseTitle")}
          intro={tm("eraseIntro")}
          none={tm("eraseNone")}
          sealedNote="sealed"
        />
      }
      form={<ErasePersonForm id={person.id} version={person.version} name={person.name} />}
    />
  );
}
