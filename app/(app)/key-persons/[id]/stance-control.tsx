"use client";
// The stance in two taps on a phone: tap the new stance, then save (the reason is optional).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DisclosedHint } from "@/components/ui/disclosed-hint";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { STANCES } from "@/lib/key-persons/constants";
import type { Stance } from "@/lib/generated/prisma/enums";
import { setStance } from "../actions";
import { Input } from "@/components/ui/control";

export function StanceControl({ id, version, stance }: { id: string; version: number; stance: Stance }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [chosen, setChosen] = useState<Stance>(stance);
  const [reason, setReason] = useState("");
  const changed = chosen !== stance;

  return (
    <div className="space-y-3" data-testid="stance-control">
      <div role="radiogroup" aria-label={t("keyPersons.stance")} className="grid grid-cols-5 gap-1">
        {STANCES.map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={chosen === s}
            onClick={() => setChosen(s)}
            className={`min-h-11 rounded-md border px-1 py-2 text-xs leading-tight sm:text-sm ${chosen === s ? "border-brand-600 bg-brand-600 text-white" : "border-stone-300 bg-white text-stone-800 hover:bg-stone-50"}`}
          >
            {t(`stances.${s}`)}
          </button>
        ))}
      </div>
      {changed && (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => setStance({ id, version, stance: chosen, reason }), {
              text: t("keyPersons.stanceSaved"),
              then: () => {
                setReason("");
                router.refresh();
              },
            });
          }}
        >
          <label className="block text-sm">
            <span className="font-medium">{t("keyPersons.stanceReason")}</span>
            <Input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              placeholder={t("keyPersons.stanceReasonPlaceholder")}
              className="mt-1"
              aria-invalid={errors.reason?.length ? true : undefined}
              aria-describedby="stance-reason-disclosed"
            />
          </label>
          <DisclosedHint id="stance-reason-disclosed" />
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? t("common.saving") : t("common.save")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setChosen(stance)}>
              {t("common.cancel")}
            </Button>
          </div>
        </form>
      )}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
}
