"use client";
// The erasure's confirmation: why (a choice, never free text), the name typed again, then erase.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { FieldErrors, TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { ERASE_REASONS } from "@/lib/key-persons/erase-reasons";
import { erasePerson } from "../../actions";

export function EraseForm({ id, version, name }: { id: string; version: number; name: string }) {
  const t = useTranslations("keyPersons.erase");
  const router = useRouter();
  const toast = useToast();
  const { pending, errors, message, run } = useActionForm();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const reason = String(fd.get("reason") ?? "");
    const confirmName = String(fd.get("confirmName") ?? "");
    if (!window.confirm(t("confirm", { name }))) return;
    run(() => erasePerson({ id, version, reason: reason as (typeof ERASE_REASONS)[number], confirmName }), {
      then: () => {
        toast(t("done"));
        router.push("/key-persons");
      },
    });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {/* A field's own message says what is wrong with it; the alert is for the rest. */}
      {message && !Object.keys(errors).length && <Alert>{message.text}</Alert>}
      <fieldset className="space-y-1" aria-describedby={errors.reason ? "erase-reason-error" : undefined}>
        <legend className="text-sm font-medium">{t("reason")}</legend>
        {ERASE_REASONS.map((r) => (
          <label key={r} className="flex items-center gap-2 text-sm">
            <input type="radio" name="reason" value={r} className="h-4 w-4" required />
            {t(`reasons.${r}`)}
          </label>
        ))}
        <FieldErrors id="erase-reason-error" errors={errors.reason} />
      </fieldset>
      <TextField label={t("confirmName", { name })} name="confirmName" autoComplete="off" required errors={errors.confirmName} />
      <Button type="submit" variant="danger" disabled={pending}>{pending ? t("erasing") : t("submit")}</Button>
    </form>
  );
}
