"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { issue, prepareDraft, removeReport } from "../actions";

/** Computes the next issue for review: nothing leaves the team until it is issued. */
export function DraftButton({ id, hasDraft }: { id: string; hasDraft: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, message, run } = useActionForm();
  return (
    <div className="space-y-2">
      <Button
        variant={hasDraft ? "secondary" : "primary"}
        disabled={pending}
        onClick={() => run(() => prepareDraft({ id }), { then: () => router.refresh() })}
      >
        {pending ? t("reports.draft.preparing") : hasDraft ? t("reports.draft.refresh") : t("reports.draft.prepare")}
      </Button>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
}

/** Issues exactly the draft on the page (by its hash); if the numbers moved, the page shows the new draft. */
export function IssueButton({ id, issued, hash }: { id: string; issued: boolean; hash: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, message, run } = useActionForm();
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={() => run(() => issue({ id, draft: hash }), { then: () => router.refresh(), fail: () => router.refresh() })}
      >
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
