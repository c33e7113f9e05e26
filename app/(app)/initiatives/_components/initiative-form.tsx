"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { PeoplePicker } from "@/components/person-picker";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { ChipSelect, type ChipOption } from "@/components/ui/chip-select";
import { SelectField, TextField } from "@/components/ui/field";
import { INITIATIVE_KINDS } from "@/lib/initiatives/constants";
import { addInitiative, saveInitiative } from "../actions";
import { Textarea } from "@/components/ui/control";

export type InitiativeValues = {
  id?: string;
  version?: number;
  title: string;
  kind: string;
  description: string;
  departmentIds: string[];
  champions: { id: string; name: string }[];
  ownerIds: string[];
  plannedStartOn: string;
  plannedEndOn: string;
  effortMinutes: string;
  indicatorName: string;
  indicatorUnit: string;
  indicatorLowerIsBetter: boolean | null;
  goodExample: string;
};

const direction = (v: FormDataEntryValue | null) => (v === "true" ? true : v === "false" ? false : null);

export function InitiativeForm({
  initial,
  departments,
  nurses,
}: {
  initial: InitiativeValues;
  departments: ChipOption[];
  nurses: { id: string; name: string }[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [champions, setChampions] = useState(initial.champions);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const s = (k: string) => String(fd.get(k) ?? "");
    const values = {
      title: s("title"),
      kind: s("kind") as (typeof INITIATIVE_KINDS)[number],
      description: s("description"),
      departmentIds: fd.getAll("departmentIds").map(String),
      championIds: champions.map((c) => c.id),
      ownerIds: fd.getAll("ownerIds").map(String),
      plannedStartOn: s("plannedStartOn"),
      plannedEndOn: s("plannedEndOn"),
      effortMinutes: s("effortMinutes"),
      indicatorName: s("indicatorName"),
      indicatorUnit: s("indicatorUnit"),
      indicatorLowerIsBetter: direction(fd.get("indicatorLowerIsBetter")),
      goodExample: s("goodExample"),
    };
    run(() => (initial.id ? saveInitiative({ ...values, id: initial.id, version: initial.version ?? 0 }) : addInitiative(values)), {
      text: t(initial.id ? "initiatives.saved" : "initiatives.created"),
      then: (data) => {
        router.push(`/initiatives/${data.id}`);
        router.refresh();
      },
    });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-3 md:grid-cols-2">
        <TextField label={t("initiatives.titleField")} name="title" defaultValue={initial.title} required errors={errors.title} />
        <SelectField label={t("initiatives.kind")} name="kind" defaultValue={initial.kind} errors={errors.kind}>
          {INITIATIVE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`initiativeKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("initiatives.plannedStartOn")}
          name="plannedStartOn"
          type="date"
          defaultValue={initial.plannedStartOn}
          errors={errors.plannedStartOn}
        />
        <TextField
          label={t("initiatives.plannedEndOn")}
          name="plannedEndOn"
          type="date"
          defaultValue={initial.plannedEndOn}
          errors={errors.plannedEndOn}
        />
        <TextField
          label={t("initiatives.effortMinutes")}
          name="effortMinutes"
          type="number"
          inputMode="numeric"
          defaultValue={initial.effortMinutes}
          errors={errors.effortMinutes}
        />
        <TextField
          label={t("initiatives.indicatorName")}
          name="indicatorName"
          defaultValue={initial.indicatorName}
          errors={errors.indicatorName}
        />
        <TextField
          label={t("initiatives.indicatorUnit")}
          name="indicatorUnit"
          defaultValue={initial.indicatorUnit}
          errors={errors.indicatorUnit}
        />
        <fieldset className="md:col-span-2" aria-describedby={errors.indicatorLowerIsBetter ? "direction-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">{t("initiatives.indicatorDirection")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <label className="flex items-center gap-1">
              <input type="radio" name="indicatorLowerIsBetter" value="true" defaultChecked={initial.indicatorLowerIsBetter === true} />
              {t("initiatives.indicatorLower")}
            </label>
            <label className="flex items-center gap-1">
              <input type="radio" name="indicatorLowerIsBetter" value="false" defaultChecked={initial.indicatorLowerIsBetter === false} />
              {t("initiatives.indicatorHigher")}
            </label>
          </div>
          {errors.indicatorLowerIsBetter && (
            <p id="direction-error" role="alert" className="text-sm text-red-700">
              {errors.indicatorLowerIsBetter.map((e) => t(`validation.${e}`)).join(" ")}
            </p>
          )}
        </fieldset>
      </div>
      <label className="block space-y-1 text-sm font-medium">
        {t("initiatives.description")}
        <Textarea name="description" rows={3} defaultValue={initial.description} />
      </label>
      <ChipSelect
        label={t("initiatives.departments")}
        name="departmentIds"
        options={departments}
        defaultValue={initial.departmentIds}
        errors={errors.departmentIds}
      />
      <PeoplePicker label={t("initiatives.champions")} value={champions} onChange={setChampions} errors={errors.championIds} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("initiatives.owners")}</legend>
        <div className="flex flex-wrap gap-3 text-sm">
          {nurses.map((n) => (
            <label key={n.id} className="flex items-center gap-1">
              <input type="checkbox" name="ownerIds" value={n.id} defaultChecked={initial.ownerIds.includes(n.id)} />
              {n.name}
            </label>
          ))}
        </div>
        {errors.ownerIds && (
          <p role="alert" className="text-sm text-red-700">
            {errors.ownerIds.map((e) => t(`validation.${e}`)).join(" ")}
          </p>
        )}
      </fieldset>
      <label className="block space-y-1 text-sm font-medium">
        {t("initiatives.goodExample")}
        <Textarea name="goodExample" rows={3} defaultValue={initial.goodExample} />
      </label>
      <Button type="submit" disabled={pending}>
        {t("initiatives.save")}
      </Button>
    </form>
  );
}
