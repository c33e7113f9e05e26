"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { archiveDepartment } from "../actions";

export function ArchiveDepartment({ id, name, archived }: { id: string; name: string; archived: boolean }) {
  const t = useTranslations("departments");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant={archived ? "secondary" : "danger"}
      disabled={pending}
      onClick={() => {
        if (!archived && !window.confirm(t("confirmArchive", { name }))) return;
        start(async () => {
          await archiveDepartment({ id, archived: !archived });
          router.refresh();
        });
      }}
    >
      {archived ? t("restore") : t("archive")}
    </Button>
  );
}
