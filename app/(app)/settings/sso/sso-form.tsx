"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { FieldErrors, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveSso } from "./actions";
import { Textarea } from "@/components/ui/control";

interface Initial {
  issuer: string;
  clientId: string;
  domains: string;
  jitEnabled: boolean;
  ssoOnly: boolean;
  enabled: boolean;
  version: number;
  hasSecret: boolean;
}

export function SsoForm({ initial }: { initial: Initial | null }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    run(
      () =>
        saveSso({
          issuer: String(f.get("issuer") ?? ""),
          clientId: String(f.get("clientId") ?? ""),
          clientSecret: String(f.get("clientSecret") ?? ""),
          domains: String(f.get("domains") ?? ""),
          jitEnabled: f.get("jitEnabled") === "on",
          ssoOnly: f.get("ssoOnly") === "on",
          enabled: f.get("enabled") === "on",
          version: initial?.version,
        }),
      { text: t("sso.saved"), then: () => router.refresh() },
    );
  }

  const check = (name: "jitEnabled" | "ssoOnly" | "enabled", on: boolean) => (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={on} className="mt-1 h-4 w-4" />
      <span>
        <span className="font-medium">{t(`sso.${name}`)}</span>
        {name !== "enabled" && <span className="block text-xs text-stone-500">{t(`sso.${name}Hint`)}</span>}
      </span>
    </label>
  );

  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-4" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <TextField
        label={t("sso.issuer")}
        hint={t("sso.issuerHint")}
        name="issuer"
        type="url"
        defaultValue={initial?.issuer}
        required
        errors={errors.issuer}
      />
      <TextField
        label={t("sso.clientId")}
        name="clientId"
        defaultValue={initial?.clientId}
        required
        autoComplete="off"
        errors={errors.clientId}
      />
      <TextField
        label={t("sso.clientSecret")}
        hint={initial?.hasSecret ? t("sso.clientSecretSet") : undefined}
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        required={!initial?.hasSecret}
        errors={errors.clientSecret}
      />
      <div className="space-y-1">
        <label htmlFor="sso-domains" className="block text-sm font-medium text-stone-800">
          {t("sso.domains")}
          <span className="ml-1 text-red-700" aria-hidden>
            *
          </span>
        </label>
        <p id="sso-domains-hint" className="text-xs text-stone-500">
          {t("sso.domainsHint")}
        </p>
        <Textarea
          id="sso-domains"
          name="domains"
          rows={3}
          defaultValue={initial?.domains}
          aria-describedby="sso-domains-hint"
          aria-invalid={errors.domains?.length ? true : undefined}
        />
        <FieldErrors id="sso-domains-error" errors={errors.domains} />
      </div>
      {check("enabled", initial?.enabled ?? true)}
      {check("jitEnabled", initial?.jitEnabled ?? false)}
      {check("ssoOnly", initial?.ssoOnly ?? false)}
      <Button type="submit" disabled={pending}>
        {pending ? t("common.saving") : t("common.save")}
      </Button>
    </form>
  );
}
