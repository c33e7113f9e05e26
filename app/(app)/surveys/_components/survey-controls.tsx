"use client";
// Closing a survey early (after a confirmation), and printing single-use codes for a vote by card.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { endSurvey, printCodes } from "../actions";

export function CloseSurveyButton({ id }: { id: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, message, run } = useActionForm();
  return (
    <>
      <Button
        type="button"
        variant="danger"
        size="sm"
        disabled={pending}
        onClick={() => {
          if (window.confirm(t("surveys.closeConfirm"))) run(() => endSurvey({ id }), { then: () => router.refresh() });
        }}
      >
        {t("surveys.close")}
      </Button>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </>
  );
}

/** Card codes: issued in a batch, shown once to print and cut; only how many were used is kept. */
export function CodesPanel({ id, issued, used, writable }: { id: string; issued: number; used: number; writable: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [codes, setCodes] = useState<string[]>([]);
  return (
    <div className="space-y-2 rounded-md border border-stone-200 p-3">
      <p className="text-sm">{t("surveys.codesStatus", { issued, used })}</p>
      {writable && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const count = String(new FormData(e.currentTarget).get("count") ?? "");
            run(() => printCodes({ id, count }), {
              then: (d) => {
                setCodes(d.codes);
                router.refresh();
              },
            });
          }}
        >
          <TextField
            label={t("surveys.codesCount")}
            name="count"
            type="number"
            min={1}
            max={1000}
            defaultValue={30}
            errors={errors.count}
          />
          <Button type="submit" variant="secondary" size="compact" disabled={pending}>
            {t("surveys.issueCodes")}
          </Button>
        </form>
      )}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {codes.length > 0 && (
        <div className="space-y-2">
          <p className="text-sm text-stone-700">{t("surveys.codesOnce")}</p>
          <Button type="button" variant="secondary" size="compact" onClick={() => window.print()}>
            {t("surveys.printCodes")}
          </Button>
          <ul className="grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-4" data-testid="survey-codes">
            {codes.map((c) => (
              <li key={c} className="rounded border border-dashed border-stone-400 p-2 text-center">
                {c.slice(0, 4)}-{c.slice(4)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
