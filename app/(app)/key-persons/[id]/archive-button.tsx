"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { archivePerson } from "../actions";

export function ArchiveButton({ id, name, archived }: { id: string; name: string; archived: boolean }) {
  const t = useTranslations("keyPersons");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant={archived ? "secondary" : "danger"}
      disabled={pending}
      onClick={() => {
        if (!archived && !window.confirm(t("confirmArchive", { name }))) return;
        start(async () => {
          await archivePerson({ id, archived: !archived });
          router.refresh();
        });
      }}
    >
      {archived ? t("restore") : t("archive")}
    </Button>
  );
}
