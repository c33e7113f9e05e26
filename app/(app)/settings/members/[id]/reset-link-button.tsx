"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { issuePasswordReset } from "../../actions";
import { Input } from "@/components/ui/control";

export function ResetLinkButton({ membershipId, name, hours }: { membershipId: string; name: string; hours: number }) {
  const t = useTranslations();
  const { pending, message, run } = useActionForm();
  const [link, setLink] = useState<string | null>(null);
  const [mailedOnly, setMailedOnly] = useState(false);
  return (
    <div className="space-y-3">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("members.issueResetConfirm", { name, hours }))) return;
          run(() => issuePasswordReset({ membershipId }), {
            then: (d) => {
              setLink(d.link);
              setMailedOnly(d.link === null);
            },
          });
        }}
      >
        {t("members.issueReset")}
      </Button>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {mailedOnly && <Alert tone="green">{t("members.resetMailedOnly", { name })}</Alert>}
      {link && (
        <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3">
          <p className="text-sm text-brand-700">{t("members.resetIssued")}</p>
          <Input
            readOnly
            value={link}
            aria-label={t("members.issueReset")}
            data-testid="reset-link"
            size="xs"
            className="w-full font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </div>
  );
}
