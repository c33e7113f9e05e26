"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { PersonPicker } from "@/components/person-picker";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { FieldErrors } from "@/components/ui/field";
import { FREQUENCIES, missingEssentials } from "@/lib/requests/constants";
import { PRINCIPLES } from "@/lib/touchpoints/constants";
import { composeRequest, editRequest, moveRequest } from "../actions";
import { MessagePreview } from "./message-preview";
import { Input, Select } from "@/components/ui/control";

type Template = {
  id: string;
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
export type Values = {
  what: string;
  doer: string;
  dueOn: string;
  effortMinutes: string;
  frequency: string;
  benefit: string;
  reason: string;
  nurseSupport: string;
  fallbackWhat: string;
  fallbackMinutes: string;
  principles: string[];
  templateId: string;
};

/** A saved request being corrected: its id, version and status (a draft can still be sent from here). */
type Existing = { id: string; version: number; status: string; values: Values; caseId: string | null; initiativeId: string | null };

function useRequestComposerState({
  person: initialPerson,
  templates,
  nurseName,
  existing,
}: {
  person: { id: string; name: string } | null;
  templates: Template[];
  nurseName: string;
  existing?: Existing;
}) {
  const t = useTranslations();
  const f = useFormatter();
  const router = useRouter();
  const [person, setPerson] = useState(initialPerson);
  const [v, setV] = useState<Values>(
    existing?.values ?? {
      what: "",
      doer: initialPerson?.name ?? "",
      dueOn: "",
      effortMinutes: "",
      frequency: "ONCE",
      benefit: "",
      reason: "",
      nurseSupport: "",
      fallbackWhat: "",
      fallbackMinutes: "",
      principles: ["REASON"],
      templateId: "",
    },
  );
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const set = (patch: Partial<Values>) => setV((cur) => ({ ...cur, ...patch }));
  const missing = missingEssentials({ dueOn: v.dueOn, effortMinutes: v.effortMinutes, reason: v.reason, benefit: v.benefit, doer: v.doer });

  function applyTemplate(id: string) {
    const tpl = templates.find((x) => x.id === id);
    if (!tpl) return set({ templateId: "" });
    set({
      templateId: id,
      what: tpl.what,
      doer: tpl.doer || v.doer,
      effortMinutes: tpl.effortMinutes ? String(tpl.effortMinutes) : "",
      frequency: tpl.frequency,
      benefit: tpl.benefit,
      reason: tpl.reason,
      nurseSupport: tpl.nurseSupport,
      fallbackWhat: tpl.fallbackWhat,
      fallbackMinutes: tpl.fallbackMinutes ? String(tpl.fallbackMinutes) : "",
    });
  }

  function save(send: boolean) {
    start(async () => {
      const values = {
        ...v,
        keyPersonId: person?.id ?? "",
        frequency: v.frequency as (typeof FREQUENCIES)[number],
        principles: v.principles as (typeof PRINCIPLES)[number][],
      };
      // An edit keeps what the request is linked to (a case, an initiative), which this form does not show.
      const res = existing
        ? await editRequest({
            ...values,
            id: existing.id,
            version: existing.version,
            caseId: existing.caseId ?? "",
            initiativeId: existing.initiativeId ?? "",
          })
        : await composeRequest(values);
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        setError(res.error);
        return;
      }
      if (send) await moveRequest({ id: res.data.id, version: existing ? existing.version + 1 : 1, to: "SENT" });
      router.push(`/requests/${res.data.id}`);
      router.refresh();
    });
  }

  const field = (key: keyof Values, label: string, type = "text", extra: Record<string, unknown> = {}) => (
    <label className="block space-y-1 text-sm font-medium text-stone-800">
      {label}
      <Input
        type={type}

        value={String(v[key])}
        onChange={(e) => set({ [key]: e.target.value } as Partial<Values>)}
        aria-invalid={errors[key]?.length ? true : undefined}
        {...extra}
      />
      <FieldErrors id={`${key}-error`} errors={errors[key]} />
    </label>
  );

  return {
    person,
    templates,
    nurseName,
    existing,
    t,
    f,
    router,
    set,
    missing,
    applyTemplate,
    save,
    field,
    setPerson,
    v,
    setV,
    errors,
    setErrors,
    error,
    setError,
    pending,
    start,
  };
}
type RequestComposerState = ReturnType<typeof useRequestComposerState>;

export function RequestComposer(props: {
  person: { id: string; name: string } | null;
  templates: Template[];
  nurseName: string;
  existing?: Existing;
}) {
  const s = useRequestComposerState(props);
  const { person, existing, t, set, save, field, setPerson, v, errors, error } = s;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          save(false);
        }}
        noValidate
      >
        {error && <Alert>{t(`errors.${error}`)}</Alert>}
        <PersonPicker
          label={t("requests.to")}
          value={person}
          onChange={(p) => {
            setPerson(p);
            if (p && !v.doer) set({ doer: p.name });
          }}
          errors={errors.keyPersonId}
        />
        <TemplatePicker s={s} />
        {field("what", t("requests.what"), "text", { required: true })}
        <div className="grid gap-3 sm:grid-cols-2">
          {field("doer", t("requests.doer"))}
          {field("dueOn", t("requests.dueOn"), "date")}
          {field("effortMinutes", t("requests.effortMinutes"), "number", { inputMode: "numeric", min: 1, max: 600 })}
          <label className="block space-y-1 text-sm font-medium">
            {t("requests.frequency")}
            <Select value={v.frequency} onChange={(e) => set({ frequency: e.target.value })}>
              {FREQUENCIES.map((x) => (
                <option key={x} value={x}>
                  {t(`frequencies.${x}`)}
                </option>
              ))}
            </Select>
          </label>
        </div>
        {field("reason", t("requests.reason"))}
        {field("benefit", t("requests.benefit"))}
        <div>
          {field("nurseSupport", t("requests.nurseSupport"), "text", { "aria-describedby": "nurseSupport-hint" })}
          <p id="nurseSupport-hint" className="mt-1 text-xs text-stone-500">
            {t("requests.nurseSupportHint")}
          </p>
        </div>
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
          {field("fallbackWhat", t("requests.fallbackWhat"))}
          {field("fallbackMinutes", t("requests.fallbackMinutes"), "number", { inputMode: "numeric", min: 1, max: 600 })}
        </div>
        <PrincipleChecks s={s} />
        {existing && existing.status !== "DRAFT" && (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("requests.editSentNote")}</p>
        )}
        <ComposerActions s={s} />
      </form>
      <ComposerPreview s={s} />
    </div>
  );
}

function TemplatePicker({ s }: { s: RequestComposerState }) {
  const { templates, t, applyTemplate, v } = s;
  return (
    <>
      {templates.length > 0 && (
        <label className="block space-y-1 text-sm font-medium">
          {t("requests.template")}
          <Select value={v.templateId} onChange={(e) => applyTemplate(e.target.value)}>
            <option value="">{t("requests.noTemplate")}</option>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.title}
              </option>
            ))}
          </Select>
        </label>
      )}
    </>
  );
}

function PrincipleChecks({ s }: { s: RequestComposerState }) {
  const { t, set, v } = s;
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">{t("requests.principles")}</legend>
      <div className="flex flex-wrap gap-3 text-sm">
        {PRINCIPLES.map((p) => (
          <label key={p} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={v.principles.includes(p)}
              onChange={(e) => set({ principles: e.target.checked ? [...v.principles, p] : v.principles.filter((x) => x !== p) })}
            />
            {t(`principles.${p}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ComposerActions({ s }: { s: RequestComposerState }) {
  const { existing, t, save, pending } = s;
  return (
    <div className="flex flex-wrap gap-2">
      {existing && existing.status !== "DRAFT" ? (
        <Button type="submit" disabled={pending}>
          {t("requests.saveEdit")}
        </Button>
      ) : (
        <>
          <Button type="button" onClick={() => save(true)} disabled={pending}>
            {t("requests.saveAndSend")}
          </Button>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("requests.saveDraft")}
          </Button>
        </>
      )}
    </div>
  );
}

function ComposerPreview({ s }: { s: RequestComposerState }) {
  const { person, nurseName, t, f, missing, v } = s;
  return (
    <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start" aria-labelledby="composer-preview">
      {missing.length > 0 && (
        <div
          className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
          role="status"
          data-testid="composer-warnings"
        >
          <p className="font-medium">{t("requests.warnings")}</p>
          <ul className="mt-1 list-inside list-disc">
            {missing.map((m) => (
              <li key={m}>{t(`requests.warn.${m}`)}</li>
            ))}
          </ul>
        </div>
      )}
      <h2 id="composer-preview" className="text-sm font-semibold">
        {t("requests.preview")}
      </h2>
      <MessagePreview
        input={{
          personName: person?.name ?? "○○",
          nurseName,
          what: v.what || "…",
          doer: v.doer,
          due: v.dueOn ? f.dateTime(new Date(`${v.dueOn}T00:00:00Z`), { month: "long", day: "numeric", timeZone: "UTC" }) : null,
          effortMinutes: Number(v.effortMinutes) || null,
          frequency: v.frequency,
          benefit: v.benefit,
          reason: v.reason,
          nurseSupport: v.nurseSupport,
          fallbackWhat: v.fallbackWhat,
          fallbackMinutes: Number(v.fallbackMinutes) || null,
        }}
      />
    </aside>
  );
}
