"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { recordAssessment, removeCase } from "../actions";

export function AssessmentForm({ caseId, levels, today }: { caseId: string; levels: { id: string; label: string }[]; today: string }) {
  const t = useTranslations("cases");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState<string | null>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const level = levels.find((l) => l.id === fd.get("riskLevelId"))?.label ?? "";
    start(async () => {
      const res = await recordAssessment({
        caseId,
        riskLevelId: String(fd.get("riskLevelId")),
        assessedOn: String(fd.get("assessedOn")),
        note: String(fd.get("note") ?? ""),
      });
      if (res.ok) {
        // A cleared form: the same values left in place invited the same entry twice.
        form.reset();
        setErrors({});
        setSaved(t("assessmentSaved", { level, date: String(fd.get("assessedOn")) }));
        router.refresh();
      } else {
        setSaved(null);
        setErrors(res.fieldErrors ?? {});
      }
    });
  }
  return (
    <form onSubmit={onSubmit} className="grid gap-3 md:grid-cols-[1fr_1fr_2fr_auto] md:items-end" noValidate>
      {saved && (
        <p role="status" className="text-sm text-brand-700 md:col-span-4">
          {saved}
        </p>
      )}
      <SelectField label={t("riskLevel")} name="riskLevelId" defaultValue="" errors={errors.riskLevelId}>
        <option value="">{t("chooseLevel")}</option>
        {levels.map((l) => (
          <option key={l.id} value={l.id}>
            {l.label}
          </option>
        ))}
      </SelectField>
      <TextField label={t("assessedOn")} name="assessedOn" type="date" defaultValue={today} errors={errors.assessedOn} />
      <TextField label={t("note")} name="note" errors={errors.note} />
      <Button type="submit" disabled={pending}>
        {t("addAssessment")}
      </Button>
    </form>
  );
}

export function DeleteCaseButton({ id }: { id: string }) {
  const t = useTranslations("cases");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="danger"
      disabled={pending}
      onClick={() => {
        if (window.confirm(t("confirmDelete")))
          start(async () => {
            await removeCase({ id });
            router.push("/cases");
            router.refresh();
          });
      }}
    >
      {t("delete")}
    </Button>
  );
}
