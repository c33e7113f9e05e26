"use client";
// The team's retention periods, in years, each within its floor.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { RETENTION_LIMITS } from "@/lib/retention/limits";
import { saveRetentionAction } from "./actions";

type Values = { retainCaseYears: number; retainPersonYears: number; retainAuditYears: number };

export function RetentionForm({ initial }: { initial: Values }) {
  const t = useTranslations("retention");
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const n = (k: keyof Values) => String(fd.get(k) ?? "") as unknown as number;
    run(
      () =>
        saveRetentionAction({
          retainCaseYears: n("retainCaseYears"),
          retainPersonYears: n("retainPersonYears"),
          retainAuditYears: n("retainAuditYears"),
        }),
      {
        text: t("saved"),
        then: () => router.refresh(),
      },
    );
  }
  const field = (name: keyof Values, label: string, limits: { min: number; max: number }, hint?: string) => (
    <TextField
      label={`${label}（${t("years")}）`}
      hint={hint}
      name={name}
      type="number"
      inputMode="numeric"
      min={limits.min}
      max={limits.max}
      defaultValue={initial[name]}
      required
      errors={errors[name]}
    />
  );
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <fieldset disabled={pending} className="grid gap-4 md:grid-cols-3">
        {field("retainCaseYears", t("caseYears"), RETENTION_LIMITS.case, t("caseYearsHint"))}
        {field("retainPersonYears", t("personYears"), RETENTION_LIMITS.person)}
        {field("retainAuditYears", t("auditYears"), RETENTION_LIMITS.audit, t("auditYearsHint"))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
