"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { issue, removeReport } from "../actions";

export function IssueButton({ id, issued }: { id: string; issued: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, message, run } = useActionForm();
  return (
    <div className="space-y-2">
      <Button disabled={pending} onClick={() => run(() => issue({ id }), { then: () => router.refresh() })}>
        {issued ? t("reports.detail.reissue") : t("reports.detail.issue")}
      </Button>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
}

export function ArchiveReportButton({ id }: { id: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, message, run } = useActionForm();
  return (
    <>
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (window.confirm(t("reports.detail.confirmArchive"))) run(() => removeReport({ id }), { then: () => router.push("/reports") });
        }}
      >
        {t("reports.detail.archive")}
      </Button>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </>
  );
}
