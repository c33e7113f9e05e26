"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { FREQUENCIES } from "@/lib/requests/constants";
import { retireTemplate, storeTemplate } from "../actions";

type Template = {
  id?: string;
  version?: number;
  title: string;
  what: string;
  doer: string;
  effortMinutes: number | null;
  frequency: string;
  benefit: string;
  reason: string;
  nurseSupport: string;
  fallbackWhat: string;
  fallbackMinutes: number | null;
};

export function TemplateForm({ initial }: { initial: Template }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const s = (k: string) => String(fd.get(k) ?? "");
    run(
      () =>
        storeTemplate({
          id: initial.id ?? "",
          version: initial.version,
          title: s("title"),
          what: s("what"),
          doer: s("doer"),
          effortMinutes: s("effortMinutes"),
          frequency: s("frequency") as (typeof FREQUENCIES)[number],
          benefit: s("benefit"),
          reason: s("reason"),
          nurseSupport: s("nurseSupport"),
          fallbackWhat: s("fallbackWhat"),
          fallbackMinutes: s("fallbackMinutes"),
        }),
      {
        text: t("requests.templateSaved"),
        then: () => {
          if (!initial.id) form.reset();
          router.refresh();
        },
      },
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-3 md:grid-cols-2">
        <TextField label={t("requests.template_title")} name="title" defaultValue={initial.title} required errors={errors.title} />
        <TextField label={t("requests.what")} name="what" defaultValue={initial.what} required errors={errors.what} />
        <TextField label={t("requests.doer")} name="doer" defaultValue={initial.doer} errors={errors.doer} />
        <TextField
          label={t("requests.effortMinutes")}
          name="effortMinutes"
          type="number"
          inputMode="numeric"
          defaultValue={initial.effortMinutes ?? ""}
          errors={errors.effortMinutes}
        />
        <SelectField label={t("requests.frequency")} name="frequency" defaultValue={initial.frequency} errors={errors.frequency}>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`frequencies.${f}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("requests.reason")} name="reason" defaultValue={initial.reason} errors={errors.reason} />
        <TextField label={t("requests.benefit")} name="benefit" defaultValue={initial.benefit} errors={errors.benefit} />
        <TextField
          label={t("requests.nurseSupport")}
          name="nurseSupport"
          defaultValue={initial.nurseSupport}
          errors={errors.nurseSupport}
        />
        <TextField
          label={t("requests.fallbackWhat")}
          name="fallbackWhat"
          defaultValue={initial.fallbackWhat}
          errors={errors.fallbackWhat}
        />
        <TextField
          label={t("requests.fallbackMinutes")}
          name="fallbackMinutes"
          type="number"
          inputMode="numeric"
          defaultValue={initial.fallbackMinutes ?? ""}
          errors={errors.fallbackMinutes}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {t("common.save")}
        </Button>
        {initial.id && (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => retireTemplate({ id: initial.id! }), { then: () => router.refresh() })}
          >
            {t("requests.archiveTemplate")}
          </Button>
        )}
      </div>
    </form>
  );
}
