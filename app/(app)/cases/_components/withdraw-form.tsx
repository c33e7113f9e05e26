"use client";
// Recording that consent was withdrawn: what must be kept and why, then a last "are you sure".
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { FieldErrors } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { KEEP_REASONS, type KeepReason } from "@/lib/retention/reasons";
import { recordWithdrawal } from "../actions";

export function WithdrawForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("caseLifecycle");
  const router = useRouter();
  const toast = useToast();
  const { pending, errors, message, run } = useActionForm();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const keepReason = String(new FormData(e.currentTarget).get("keepReason") ?? "") as KeepReason;
    if (!window.confirm(t("withdrawConfirm"))) return;
    run(() => recordWithdrawal({ id, version, keepReason }), {
      then: () => {
        toast(t("withdrawn"));
        router.refresh();
      },
    });
  }
  return (
    <details className="rounded-md border border-stone-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">{t("withdraw")}</summary>
      <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
        <p className="text-stone-700">{t("withdrawIntro")}</p>
        {message && !Object.keys(errors).length && <Alert>{message.text}</Alert>}
        <fieldset className="space-y-1" aria-describedby={errors.keepReason ? "keep-reason-error" : undefined}>
          <legend className="font-medium">{t("keepReason")}</legend>
          {KEEP_REASONS.map((r) => (
            <label key={r} className="flex items-center gap-2">
              <input type="radio" name="keepReason" value={r} className="h-4 w-4" required />
              {t(`keepReasons.${r}`)}
            </label>
          ))}
          <FieldErrors id="keep-reason-error" errors={errors.keepReason} />
        </fieldset>
        <Button type="submit" variant="danger" disabled={pending}>
          {t("withdrawSubmit")}
        </Button>
      </form>
    </details>
  );
}
