"use client";
import { useTranslations } from "next-intl";
import { ArchiveToggle } from "@/components/ui/archive-toggle";
import { archiveDepartment } from "../actions";

export function ArchiveDepartment({ id, name, archived }: { id: string; name: string; archived: boolean }) {
  const t = useTranslations("departments");
  return (
    <ArchiveToggle
      archived={archived}
      labels={{ archive: t("archive"), restore: t("restore"), confirm: t("confirmArchive", { name }) }}
      onToggle={(a) => archiveDepartment({ id, archived: a })}
    />
  );
}
