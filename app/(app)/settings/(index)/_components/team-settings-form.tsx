"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { FieldErrors, TextField } from "@/components/ui/field";
import { saveTeamSettings } from "../../actions";
import { Textarea } from "@/components/ui/control";

type Values = {
  name: string;
  noContactDays: number;
  minGroupSize: number;
  caseNamesOn: boolean;
  requireTwoFactor: boolean;
  ipAllowlist: string;
  /** The 衛生委員会 decision behind a size under 10, when there is one. */
  committee: { on: string; ref: string } | null;
};

export function TeamSettingsForm({
  initial,
  editable,
  network,
}: {
  initial: Values;
  editable: boolean;
  /** Whether the allowlist is applied (a trusted proxy is configured) and the admin's own address. */
  network: { enforced: boolean; address: string | null };
}) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    run(
      () =>
        saveTeamSettings({
          name: String(form.get("name") ?? ""),
          noContactDays: String(form.get("noContactDays") ?? ""),
          minGroupSize: String(form.get("minGroupSize") ?? ""),
          caseNamesOn: form.get("caseNamesOn") === "on",
          requireTwoFactor: form.get("requireTwoFactor") === "on",
          ipAllowlist: String(form.get("ipAllowlist") ?? ""),
          committeeOn: String(form.get("committeeOn") ?? ""),
          committeeMinuteRef: String(form.get("committeeMinuteRef") ?? ""),
        }),
      { text: t("common.saved"), then: () => router.refresh() },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {!editable && <p className="text-sm text-stone-500">{t("settings.readOnly")}</p>}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <fieldset disabled={!editable || pending} className="grid gap-4 md:grid-cols-2">
        <TextField label={t("settings.teamName")} name="name" defaultValue={initial.name} required errors={errors.name} />
        <TextField
          label={t("settings.noContactDays")}
          hint={t("settings.noContactDaysHint")}
          name="noContactDays"
          type="number"
          inputMode="numeric"
          min={7}
          max={365}
          defaultValue={initial.noContactDays}
          required
          errors={errors.noContactDays}
        />
        <TextField
          label={t("settings.minGroupSize")}
          hint={t("settings.minGroupSizeHint")}
          name="minGroupSize"
          type="number"
          inputMode="numeric"
          min={5}
          max={100}
          defaultValue={initial.minGroupSize}
          required
          errors={errors.minGroupSize}
        />
        <fieldset className="space-y-2 rounded-md border border-stone-200 p-3 md:col-span-2">
          <legend className="px-1 text-xs text-stone-600">{t("settings.committeeHint")}</legend>
          {initial.committee && (
            <p className="text-sm text-stone-700" data-testid="committee-record">
              {t("settings.committeeRecorded", { date: initial.committee.on, ref: initial.committee.ref, size: initial.minGroupSize })}
            </p>
          )}
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label={t("settings.committeeOn")} name="committeeOn" type="date" errors={errors.committeeOn} />
            <TextField
              label={t("settings.committeeMinuteRef")}
              name="committeeMinuteRef"
              maxLength={200}
              errors={errors.committeeMinuteRef}
            />
          </div>
        </fieldset>
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
        <div className="space-y-1 md:col-span-2">
          <label htmlFor="ip-allowlist" className="block text-sm font-medium text-stone-800">
            {t("settings.ipAllowlist")}
          </label>
          <p id="ip-allowlist-hint" className="text-xs text-stone-500">
            {t("settings.ipAllowlistHint")}{" "}
            {network.enforced ? t("settings.ipAllowlistYours", { address: network.address ?? "?" }) : t("settings.ipAllowlistNotEnforced")}
          </p>
          <Textarea
            id="ip-allowlist"
            name="ipAllowlist"
            rows={3}
            defaultValue={initial.ipAllowlist}
            aria-describedby="ip-allowlist-hint"
            aria-invalid={errors.ipAllowlist?.length ? true : undefined}
            className="font-mono"
            placeholder="203.0.113.0/24"
          />
          <FieldErrors id="ip-allowlist-error" errors={errors.ipAllowlist} />
        </div>
      </fieldset>
      {editable && (
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </Button>
      )}
    </form>
  );
}
