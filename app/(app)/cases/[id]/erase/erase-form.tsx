"use client";
// Erasing a case: the shared confirmation, with the employee code typed again.
import { useTranslations } from "next-intl";
import { EraseForm } from "@/components/erase-form";
import { ERASE_REASONS } from "@/lib/key-persons/erase-reasons";
import { eraseCaseAction } from "../../actions";

export function EraseCaseForm({ id, version, code }: { id: string; version: number; code: string }) {
  const t = useTranslations("caseLifecycle");
  return (
    <EraseForm
      reasons={ERASE_REASONS}
      labels={{
        reason: t("reason"),
        reasons: Object.fromEntries(ERASE_REASONS.map((r) => [r, t(`reasons.${r}`)])),
        retype: t("confirmCode", { code }),
        confirm: t("eraseConfirm"),
        submit: t("eraseSubmit"),
        erasing: t("erasing"),
        done: t("erased"),
      }}
      field="confirmCode"
      erase={(reason, confirmCode) => eraseCaseAction({ id, version, reason, confirmCode })}
      doneHref="/cases"
    />
  );
}
