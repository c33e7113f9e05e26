"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { FieldErrors, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { AUDIENCES, isTeamOnlySection, SECTION_IDS, type Audience, type SectionId } from "@/lib/reports/types";
import { saveNewReport, saveReport } from "../actions";
import { Textarea } from "@/components/ui/control";

export type ReportInitial = {
  id?: string;
  version?: number;
  title: string;
  message: string;
  periodFrom: string;
  periodTo: string;
  departmentIds: string[];
  sections: string[];
  audience: Audience;
};

function useReportFormState({
  initial,
  departments,
  presets,
}: {
  initial: ReportInitial;
  departments: { id: string; label: string }[];
  presets: { key: string; label: string; from: string; to: string }[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [from, setFrom] = useState(initial.periodFrom);
  const [to, setTo] = useState(initial.periodTo);
  const [audience, setAudience] = useState<Audience>(initial.audience);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const input = {
      title: String(fd.get("title") ?? ""),
      message: String(fd.get("message") ?? ""),
      periodFrom: from,
      periodTo: to,
      departmentIds: fd.getAll("departmentIds").map(String),
      sections: fd.getAll("sections").map(String) as SectionId[],
      audience,
    };
    if (initial.id) {
      run(() => saveReport({ ...input, id: initial.id!, version: initial.version! }), {
        then: () => {
          router.push(`/reports/${initial.id}`);
          router.refresh();
        },
      });
    } else {
      run(() => saveNewReport(input), { then: (r) => router.push(`/reports/${r.id}`) });
    }
  }

  return {
    initial,
    departments,
    presets,
    t,
    router,
    onSubmit,
    pending,
    errors,
    message,
    run,
    from,
    setFrom,
    to,
    setTo,
    audience,
    setAudience,
  };
}
type ReportFormState = ReturnType<typeof useReportFormState>;

export function ReportForm(props: {
  initial: ReportInitial;
  departments: { id: string; label: string }[];
  presets: { key: string; label: string; from: string; to: string }[];
}) {
  const s = useReportFormState(props);
  const { initial, t, router, onSubmit, pending, errors, message, audience, setAudience } = s;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <TextField
        label={t("reports.form.title")}
        name="title"
        defaultValue={initial.title}
        placeholder={t("reports.form.titlePlaceholder")}
        required
        maxLength={120}
        errors={errors.title}
      />
      <div className="space-y-1">
        <label htmlFor="report-message" className="block text-sm font-medium">
          {t("reports.form.message")}
        </label>
        <p className="text-xs text-stone-500" id="report-message-hint">
          {t("reports.form.messageHint")}
        </p>
        <Textarea
          id="report-message"
          name="message"
          defaultValue={initial.message}
          rows={3}
          maxLength={1000}
          aria-describedby="report-message-hint"
        />
        <FieldErrors id="report-message-error" errors={errors.message} />
      </div>
      <PeriodFields s={s} />
      <DepartmentChoice s={s} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("reports.form.audience")}</legend>
        <p className="text-xs text-stone-500" id="report-audience-hint">
          {t("reports.form.audienceHint")}
        </p>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {AUDIENCES.map((a) => (
            <label key={a} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="audience"
                value={a}
                checked={audience === a}
                onChange={() => setAudience(a)}
                aria-describedby="report-audience-hint"
                className="h-4 w-4"
              />
              {t(`reports.form.audience${a}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("reports.form.sections")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {SECTION_IDS.map((s) => {
            const locked = audience === "MANAGERS" && isTeamOnlySection(s);
            return (
              <label key={`${s}-${locked}`} className={`flex items-center gap-2 text-sm ${locked ? "text-stone-500" : ""}`}>
                <input
                  type="checkbox"
                  name="sections"
                  value={s}
                  defaultChecked={!locked && initial.sections.includes(s)}
                  disabled={locked}
                  className="h-4 w-4"
                />
                {t(`dashboard.sections.${s}`)}
                {isTeamOnlySection(s) && <span className="text-xs text-stone-500">（{t("reports.form.teamOnly")}）</span>}
              </label>
            );
          })}
        </div>
        <FieldErrors id="report-sections-error" errors={errors.sections} />
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {initial.id ? t("reports.form.save") : t("reports.form.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {t("reports.form.cancel")}
        </Button>
      </div>
    </form>
  );
}

function PeriodFields({ s }: { s: ReportFormState }) {
  const { presets, t, errors, from, setFrom, to, setTo } = s;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("reports.period")}</legend>
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("reports.form.preset")}>
        {presets.map((p) => (
          <button
            key={p.key}
            type="button"
            onClick={() => {
              setFrom(p.from);
              setTo(p.to);
            }}
            aria-pressed={from === p.from && to === p.to}
            className={`rounded-full border px-3 py-1 text-xs ${from === p.from && to === p.to ? "border-brand-600 bg-brand-50 text-brand-700" : "border-stone-300 bg-white hover:bg-stone-100"}`}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div className="grid max-w-md grid-cols-2 gap-2">
        <TextField
          label={t("reports.form.periodFrom")}
          name="periodFrom"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          required
          errors={errors.periodFrom}
        />
        <TextField
          label={t("reports.form.periodTo")}
          name="periodTo"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          required
          errors={errors.periodTo}
        />
      </div>
    </fieldset>
  );
}

function DepartmentChoice({ s }: { s: ReportFormState }) {
  const { initial, departments, t, errors } = s;
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{t("reports.form.departments")}</legend>
      <div className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-stone-200 bg-white p-2">
        {departments.map((d) => (
          <label key={d.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="departmentIds"
              value={d.id}
              defaultChecked={initial.departmentIds.includes(d.id)}
              className="h-4 w-4"
            />
            <span className="whitespace-pre">{d.label}</span>
          </label>
        ))}
      </div>
      <FieldErrors id="report-departments-error" errors={errors.departmentIds} />
    </fieldset>
  );
}
