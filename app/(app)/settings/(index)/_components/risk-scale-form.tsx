"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { FieldErrors } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveRiskLevels } from "../../actions";
import { Textarea } from "@/components/ui/control";

export function RiskScaleForm({ labels, editable }: { labels: string[]; editable: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get("labels") ?? "");
    run(() => saveRiskLevels({ labels: value }), { text: t("common.saved"), then: () => router.refresh() });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <label className="block space-y-1 text-sm font-medium">
        {t("settings.riskScaleLabel")}
        <span className="block text-xs font-normal text-stone-500">{t("settings.riskScaleHint")}</span>
        <Textarea name="labels" rows={5} defaultValue={labels.join("\n")} disabled={!editable || pending} className="max-w-sm" />
      </label>
      <FieldErrors id="labels-error" errors={errors.labels} />
      {editable && (
        <Button type="submit" disabled={pending}>
          {t("common.save")}
        </Button>
      )}
    </form>
  );
}
