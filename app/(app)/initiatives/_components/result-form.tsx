"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { recordResult } from "../actions";

export function ResultForm({
  initiativeId,
  today,
  indicatorName,
  indicatorUnit,
}: {
  initiativeId: string;
  today: string;
  indicatorName: string;
  indicatorUnit: string;
}) {
  const t = useTranslations();
  // "残業時間 実施前（%）": the field names the indicator it measures.
  const indicator = indicatorName || t("initiatives.indicatorFallback");
  const named = (key: "indicatorBeforeNamed" | "indicatorAfterNamed") => {
    const label = t(`initiatives.${key}`, { indicator });
    return indicatorUnit ? t("initiatives.withUnit", { label, unit: indicatorUnit }) : label;
  };
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState(false);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const s = (k: string) => String(fd.get(k) ?? "");
    start(async () => {
      const res = await recordResult({
        initiativeId,
        runOn: s("runOn"),
        participants: s("participants"),
        targetHeadcount: s("targetHeadcount"),
        satisfactionMean: s("satisfactionMean"),
        satisfactionResponses: s("satisfactionResponses"),
        indicatorBefore: s("indicatorBefore"),
        indicatorAfter: s("indicatorAfter"),
        comments: s("comments"),
      });
      if (res.ok) {
        form.reset();
        setErrors({});
        setSaved(true);
        router.refresh();
      } else {
        setErrors(res.fieldErrors ?? {});
        setSaved(false);
      }
    });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {saved && <Alert tone="green">{t("initiatives.resultSaved")}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label={t("initiatives.runOn")} name="runOn" type="date" defaultValue={today} errors={errors.runOn} />
        <TextField
          label={t("initiatives.participants")}
          name="participants"
          type="number"
          inputMode="numeric"
          errors={errors.participants}
        />
        <TextField
          label={t("initiatives.targetHeadcount")}
          name="targetHeadcount"
          type="number"
          inputMode="numeric"
          errors={errors.targetHeadcount}
        />
        <TextField
          label={t("initiatives.satisfactionMean")}
          name="satisfactionMean"
          type="number"
          step="0.1"
          min={1}
          max={5}
          errors={errors.satisfactionMean}
        />
        <TextField
          label={t("initiatives.satisfactionResponses")}
          name="satisfactionResponses"
          type="number"
          inputMode="numeric"
          errors={errors.satisfactionResponses}
        />
        <TextField label={named("indicatorBeforeNamed")} name="indicatorBefore" type="number" step="any" errors={errors.indicatorBefore} />
        <TextField label={named("indicatorAfterNamed")} name="indicatorAfter" type="number" step="any" errors={errors.indicatorAfter} />
        <TextField label={t("initiatives.comments")} name="comments" errors={errors.comments} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("initiatives.addResult")}
      </Button>
    </form>
  );
}
