"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { closeReviewAction } from "../../actions";

export function CloseButton({ id, open }: { id: string; open: boolean }) {
  const t = useTranslations("reviews");
  const router = useRouter();
  const form = useActionForm();
  return (
    <Button
      variant="secondary"
      disabled={form.pending}
      onClick={() => form.run(() => closeReviewAction({ id }), { then: () => router.refresh() })}
    >
      {open ? t("close") : t("reopen")}
    </Button>
  );
}
