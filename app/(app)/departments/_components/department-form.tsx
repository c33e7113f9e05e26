"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { DEPARTMENT_KINDS } from "@/lib/departments/constants";
import { addDepartment, saveDepartment } from "../actions";

type Values = {
  id?: string;
  version?: number;
  name: string;
  kind: string;
  parentId: string | null;
  headcount: number | null;
  externalId: string | null;
};

export function DepartmentForm({
  initial,
  parents,
  onDone,
}: {
  initial: Values;
  parents: { id: string; label: string }[];
  onDone?: () => void;
}) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const values = {
      name: String(fd.get("name") ?? ""),
      kind: String(fd.get("kind") ?? "DEPARTMENT") as (typeof DEPARTMENT_KINDS)[number],
      parentId: String(fd.get("parentId") ?? ""),
      headcount: String(fd.get("headcount") ?? ""),
      externalId: String(fd.get("externalId") ?? ""),
    };
    run(() => (initial.id ? saveDepartment({ ...values, id: initial.id, version: initial.version ?? 0 }) : addDepartment(values)), {
      text: t(initial.id ? "departments.saved" : "departments.created"),
      then: () => {
        if (!initial.id) form.reset();
        router.refresh();
        onDone?.();
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-3 md:grid-cols-2">
        <TextField label={t("departments.name")} name="name" defaultValue={initial.name} required errors={errors.name} />
        <SelectField label={t("departments.kind")} name="kind" defaultValue={initial.kind} errors={errors.kind}>
          {DEPARTMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`departmentKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("departments.parent")} name="parentId" defaultValue={initial.parentId ?? ""} errors={errors.parentId}>
          <option value="">{t("departments.topLevel")}</option>
          {parents
            .filter((p) => p.id !== initial.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
        </SelectField>
        <TextField
          label={t("departments.headcount")}
          name="headcount"
          type="number"
          inputMode="numeric"
          min={0}
          defaultValue={initial.headcount ?? ""}
          errors={errors.headcount}
        />
        <TextField
          label={t("departments.externalId")}
          name="externalId"
          defaultValue={initial.externalId ?? ""}
          errors={errors.externalId}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("common.saving") : initial.id ? t("departments.save") : t("departments.new")}
      </Button>
    </form>
  );
}
