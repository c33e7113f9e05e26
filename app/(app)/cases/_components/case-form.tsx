"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PeoplePicker } from "@/components/person-picker";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { CASE_KINDS, CASE_STATUSES } from "@/lib/cases/constants";
import { registerCase, saveCase } from "../actions";

export type CaseValues = {
  id?: string;
  version?: number;
  employeeCode: string;
  employeeName: string;
  kind: string;
  departmentId: string;
  nurseIds: string[];
  keyPersons: { id: string; name: string }[];
  status: string;
  consentOn: string;
  consentScope: string;
  consentMethod: string;
  followUpPlan: string;
  nextFollowUpOn: string;
  openedOn: string;
  returnOn: string;
  continued3m: string;
  continued6m: string;
};

function useCaseFormState({
  initial,
  departments,
  nurses,
  namesOn,
}: {
  initial: CaseValues;
  departments: { id: string; label: string }[];
  nurses: { id: string; name: string }[];
  namesOn: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [people, setPeople] = useState(initial.keyPersons);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const s = (k: string) => String(fd.get(k) ?? "");
    const values = {
      employeeCode: s("employeeCode"),
      employeeName: s("employeeName"),
      kind: s("kind") as (typeof CASE_KINDS)[number],
      departmentId: s("departmentId"),
      nurseIds: fd.getAll("nurseIds").map(String),
      keyPersonIds: people.map((p) => p.id),
      status: s("status") as (typeof CASE_STATUSES)[number],
      consentOn: s("consentOn"),
      consentScope: s("consentScope"),
      consentMethod: s("consentMethod"),
      followUpPlan: s("followUpPlan"),
      nextFollowUpOn: s("nextFollowUpOn"),
      openedOn: s("openedOn"),
      returnOn: s("returnOn"),
      continued3m: s("continued3m") as "",
      continued6m: s("continued6m") as "",
    };
    run(() => (initial.id ? saveCase({ ...values, id: initial.id, version: initial.version ?? 0 }) : registerCase(values)), {
      text: t(initial.id ? "cases.saved" : "cases.created"),
      then: (data) => {
        router.push(`/cases/${data.id}`);
        router.refresh();
      },
    });
  }
  const yesNo = (name: "continued3m" | "continued6m") => (
    <SelectField label={t(`cases.${name}`)} name={name} defaultValue={initial[name]}>
      <option value="">{t("cases.unknown")}</option>
      <option value="yes">{t("cases.yes")}</option>
      <option value="no">{t("cases.no")}</option>
    </SelectField>
  );
  return { initial, departments, nurses, namesOn, t, router, onSubmit, yesNo, pending, errors, message, run, people, setPeople };
}
type CaseFormState = ReturnType<typeof useCaseFormState>;

export function CaseForm(props: {
  initial: CaseValues;
  departments: { id: string; label: string }[];
  nurses: { id: string; name: string }[];
  namesOn: boolean;
}) {
  const s = useCaseFormState(props);
  const { initial, nurses, t, onSubmit, yesNo, pending, errors, message, people, setPeople } = s;
  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <fieldset className="grid gap-3 rounded-lg border border-amber-200 bg-amber-50 p-3 md:grid-cols-3" disabled={pending}>
        <legend className="px-1 text-sm font-semibold text-amber-900">{t("cases.consent")}</legend>
        <TextField
          label={t("cases.consentOn")}
          name="consentOn"
          type="date"
          defaultValue={initial.consentOn}
          required
          errors={errors.consentOn}
        />
        <TextField
          label={t("cases.consentScope")}
          name="consentScope"
          defaultValue={initial.consentScope}
          required
          errors={errors.consentScope}
        />
        <TextField
          label={t("cases.consentMethod")}
          name="consentMethod"
          defaultValue={initial.consentMethod}
          required
          errors={errors.consentMethod}
        />
      </fieldset>
      <CaseFields s={s} />
      <fieldset disabled={pending}>
        <legend className="mb-1 text-sm font-medium">{t("cases.nurses")}</legend>
        <div className="flex flex-wrap gap-3 text-sm">
          {nurses.map((n) => (
            <label key={n.id} className="flex items-center gap-1">
              <input type="checkbox" name="nurseIds" value={n.id} defaultChecked={initial.nurseIds.includes(n.id)} />
              {n.name}
            </label>
          ))}
        </div>
        {errors.nurseIds && (
          <p role="alert" className="text-sm text-red-700">
            {errors.nurseIds.map((e) => t(`validation.${e}`)).join(" ")}
          </p>
        )}
      </fieldset>
      <div className="space-y-2">
        <PeoplePicker label={t("cases.keyPersons")} value={people} onChange={setPeople} errors={errors.keyPersonIds} />
      </div>
      <fieldset className="grid gap-3 md:grid-cols-3" disabled={pending}>
        <legend className="mb-1 text-sm font-medium">{t("cases.outcome")}</legend>
        <TextField label={t("cases.returnOn")} name="returnOn" type="date" defaultValue={initial.returnOn} errors={errors.returnOn} />
        {yesNo("continued3m")}
        {yesNo("continued6m")}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("cases.save")}
      </Button>
    </form>
  );
}

function CaseFields({ s }: { s: CaseFormState }) {
  const { initial, departments, namesOn, t, pending, errors } = s;
  return (
    <fieldset className="grid gap-3 md:grid-cols-2" disabled={pending}>
      <TextField
        label={t("cases.code")}
        name="employeeCode"
        defaultValue={initial.employeeCode}
        required
        errors={errors.employeeCode}
        autoComplete="off"
      />
      {namesOn ? (
        <TextField
          label={t("cases.name")}
          hint={t("cases.nameHint")}
          name="employeeName"
          defaultValue={initial.employeeName}
          errors={errors.employeeName}
          autoComplete="off"
        />
      ) : (
        <input type="hidden" name="employeeName" value="" />
      )}
      <SelectField label={t("cases.kind")} name="kind" defaultValue={initial.kind} errors={errors.kind}>
        {CASE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`caseKinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("cases.status")} name="status" defaultValue={initial.status} errors={errors.status}>
        {CASE_STATUSES.map((k) => (
          <option key={k} value={k}>
            {t(`caseStatuses.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("cases.department")} name="departmentId" defaultValue={initial.departmentId} errors={errors.departmentId}>
        <option value="">{t("keyPersons.none")}</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("cases.openedOn")}
        name="openedOn"
        type="date"
        defaultValue={initial.openedOn}
        required
        errors={errors.openedOn}
      />
      <TextField
        label={t("cases.nextFollowUpOn")}
        name="nextFollowUpOn"
        type="date"
        defaultValue={initial.nextFollowUpOn}
        errors={errors.nextFollowUpOn}
      />
      <TextField label={t("cases.followUpPlan")} name="followUpPlan" defaultValue={initial.followUpPlan} errors={errors.followUpPlan} />
    </fieldset>
  );
}
