"use client";
// A legal hold on a case or a person (admins): held shows the reason and a lift button; not held
// opens a small form with the reason, a choice never free text.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Badge } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { LEGAL_HOLD_REASONS, type LegalHoldReason } from "@/lib/retention/reasons";
import { setHoldAction } from "@/app/(app)/settings/retention/actions";

export function LegalHoldControl({ kind, id, hold }: { kind: "Case" | "KeyPerson"; id: string; hold: string | null }) {
  const t = useTranslations("retention");
  const router = useRouter();
  const toast = useToast();
  const { pending, errors, message, run } = useActionForm();
  const set = (reason: LegalHoldReason | null) =>
    run(() => setHoldAction({ kind, id, reason }), {
      then: () => {
        toast(reason ? t("holdSet") : t("released"));
        router.refresh();
      },
    });
  if (hold) {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="legal-hold">
        <Badge tone="amber">{t("heldBadge")}</Badge>
        <span>{t(`holdReasons.${hold}`)}</span>
        <Button variant="secondary" disabled={pending} onClick={() => window.confirm(t("releaseConfirm")) && set(null)}>
          {t("release")}
        </Button>
      </div>
    );
  }
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    set(String(new FormData(e.currentTarget).get("reason") ?? "") as LegalHoldReason);
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-stone-700 underline">{t("hold")}</summary>
      <form onSubmit={onSubmit} className="mt-2 flex flex-wrap items-end gap-2" noValidate>
        {message && !Object.keys(errors).length && <Alert>{message.text}</Alert>}
        <SelectField label={t("holdReason")} name="reason" defaultValue="" errors={errors.reason}>
          <option value="" disabled>
            —
          </option>
          {LEGAL_HOLD_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`holdReasons.${r}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={pending}>
          {t("holdSubmit")}
        </Button>
      </form>
    </details>
  );
}
