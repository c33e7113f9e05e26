"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PRESSURE_KINDS } from "@/lib/departments/constants";
import { addPressure } from "../actions";

export function PressureForm({ departmentId, today }: { departmentId: string; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    start(async () => {
      const res = await addPressure({
        departmentId,
        kind: String(fd.get("kind")) as (typeof PRESSURE_KINDS)[number],
        body: String(fd.get("body") ?? ""),
        notedOn: String(fd.get("notedOn") ?? ""),
      });
      if (res.ok) {
        form.reset();
        setErrors({});
        router.refresh();
      } else setErrors(res.fieldErrors ?? {});
    });
  }
  return (
    <form onSubmit={onSubmit} className="grid gap-3 md:grid-cols-[auto_1fr_auto_auto] md:items-end" noValidate>
      <SelectField label={t("departments.pressureKind")} name="kind" defaultValue="DEADLINE" errors={errors.kind}>
        {PRESSURE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`pressureKinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("departments.pressureBody")} name="body" errors={errors.body} />
      <TextField label={t("departments.notedOn")} name="notedOn" type="date" defaultValue={today} errors={errors.notedOn} />
      <Button type="submit" disabled={pending}>
        {t("departments.addPressure")}
      </Button>
    </form>
  );
}
