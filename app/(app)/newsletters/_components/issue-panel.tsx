"use client";
// Issuing: the saved version, after the nurse says she read every sentence. A name without recorded
// consent is refused with the names, so she knows what to change.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { FieldErrors } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { issueNewsletterAction } from "../actions";

export function IssuePanel({ id, version, next }: { id: string; version: number; next: number }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [confirmed, setConfirmed] = useState(false);
  const [names, setNames] = useState<string[]>([]);
  return (
    <form
      className="space-y-3"
      noValidate
      aria-label={t("newsletters.issueTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        setNames([]);
        run(() => issueNewsletterAction({ id, version, confirmed: confirmed as true }), {
          text: t("newsletters.issued", { number: next }),
          then: () => {
            setConfirmed(false);
            router.refresh();
          },
          fail: (f) => setNames((f.current as { names?: string[] } | undefined)?.names ?? []),
        });
      }}
    >
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="confirmed"
          className="mt-0.5 h-4 w-4"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
          aria-describedby={errors.confirmed ? "confirm-error" : undefined}
        />
        {t("newsletters.confirmRead")}
      </label>
      <FieldErrors id="confirm-error" errors={errors.confirmed} />
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {names.length > 0 && (
        <p className="text-sm text-red-700" data-testid="named-without-consent">
          {t("newsletters.namedWithoutConsentList", { names: names.join("、") })}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {t("newsletters.issue", { number: next })}
      </Button>
    </form>
  );
}
