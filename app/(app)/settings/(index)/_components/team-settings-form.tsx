"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { saveTeamSettings } from "../../actions";

type Values = { name: string; noContactDays: number; minGroupSize: number; caseNamesOn: boolean; requireTwoFactor: boolean };

export function TeamSettingsForm({ initial, editable }: { initial: Values; editable: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    run(() => saveTeamSettings({
        name: String(form.get("name") ?? ""),
        noContactDays: String(form.get("noContactDays") ?? ""),
        minGroupSize: String(form.get("minGroupSize") ?? ""),
        caseNamesOn: form.get("caseNamesOn") === "on",
        requireTwoFactor: form.get("requireTwoFactor") === "on",
      }), { text: t("common.saved"), then: () => router.refresh() });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {!editable && <p className="text-sm text-stone-500">{t("settings.readOnly")}</p>}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <fieldset disabled={!editable || pending} className="grid gap-4 md:grid-cols-2">
        <TextField label={t("settings.teamName")} name="name" defaultValue={initial.name} required errors={errors.name} />
        <TextField label={t("settings.noContactDays")} hint={t("settings.noContactDaysHint")} name="noContactDays" type="number" inputMode="numeric" min={7} max={365} defaultValue={initial.noContactDays} required errors={errors.noContactDays} />
        <TextField label={t("settings.minGroupSize")} hint={t("settings.minGroupSizeHint")} name="minGroupSize" type="number" inputMode="numeric" min={5} max={100} defaultValue={initial.minGroupSize} required errors={errors.minGroupSize} />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="caseNamesOn" defaultChecked={initial.caseNamesOn} className="mt-1 h-4 w-4" />
          <span>
            <span className="font-medium">{t("settings.caseNamesOn")}</span>
            <span className="block text-xs text-stone-500">{t("settings.caseNamesOnHint")}</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="requireTwoFactor" defaultChecked={initial.requireTwoFactor} className="mt-1 h-4 w-4" />
          <span>
            <span className="font-medium">{t("settings.requireTwoFactor")}</span>
            <span className="block text-xs text-stone-500">{t("settings.requireTwoFactorHint")}</span>
          </span>
        </label>
      </fieldset>
      {editable && (
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </Button>
      )}
    </form>
  );
}
