"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { reachableStages, type Stage } from "@/lib/initiatives/constants";
import { moveStage } from "../actions";
import { Input, Select } from "@/components/ui/control";

export function useMove() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const move = (id: string, version: number, to: Stage, reason = "") =>
    start(async () => {
      const res = await moveStage({ id, version, to, reason });
      if (res.ok) {
        setError(null);
        router.refresh();
      } else {
        const field = Object.values(res.fieldErrors ?? {})[0]?.[0];
        setError({ message: res.error, field });
      }
    });
  return { move, pending, error };
}

/** Keyboard-friendly stage change (also used beside drag and drop on the board). */
export function StageMover({
  id,
  version,
  stage,
  hasResults,
  compact = false,
}: {
  id: string;
  version: number;
  stage: Stage;
  hasResults: boolean;
  compact?: boolean;
}) {
  const t = useTranslations();
  const { move, pending, error } = useMove();
  const [to, setTo] = useState<Stage | "">("");
  const [reason, setReason] = useState("");
  const options = reachableStages(stage, hasResults);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="text-xs text-stone-600">
          <span className={compact ? "sr-only" : "mr-1"}>{t("initiatives.moveTo")}</span>
          <Select
            aria-label={t("initiatives.moveTo")}
            size="xs"
            value={to}
            onChange={(e) => setTo(e.target.value as Stage)}
            disabled={pending}
          >
            <option value="">—</option>
            {options.map((s) => (
              <option key={s} value={s}>
                {t(`initiativeStages.${s}`)}
              </option>
            ))}
          </Select>
        </label>
        {to === "STOPPED" && (
          <Input
            aria-label={t("initiatives.stopReason")}
            placeholder={t("initiatives.stopReasonHint")}
            size="xs"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        <Button variant="secondary" size="xs" disabled={!to || pending} onClick={() => to && move(id, version, to, reason)}>
          {t("initiatives.move")}
        </Button>
      </div>
      {!hasResults && stage !== "STOPPED" && <p className="text-xs text-stone-600">{t("initiatives.resultsFirst")}</p>}
      {error && <Alert>{error.field ? t(`validation.${error.field}`) : t(`errors.${error.message}`)}</Alert>}
    </div>
  );
}
