"use client";
import { useTranslations } from "next-intl";
import { ArchiveToggle } from "@/components/ui/archive-toggle";
import { archivePerson } from "../actions";

export function ArchiveButton({ id, name, archived }: { id: string; name: string; archived: boolean }) {
  const t = useTranslations("keyPersons");
  return (
    <ArchiveToggle
      archived={archived}
      labels={{ archive: t("archive"), restore: t("restore"), confirm: t("confirmArchive", { name }) }}
      onToggle={(a) => archivePerson({ id, archived: a })}
    />
  );
}
