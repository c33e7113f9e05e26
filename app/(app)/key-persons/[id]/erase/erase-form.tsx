"use client";
// Erasing a person: the shared confirmation, with his name typed again.
import { useTranslations } from "next-intl";
import { EraseForm } from "@/components/erase-form";
import { ERASE_REASONS } from "@/lib/key-persons/erase-reasons";
import { erasePerson } from "../../actions";

export function ErasePersonForm({ id, version, name }: { id: string; version: number; name: string }) {
  const t = useTranslations("keyPersons.erase");
  return (
    <EraseForm
      reasons={ERASE_REASONS}
      labels={{
        reason: t("reason"),
        reasons: Object.fromEntries(ERASE_REASONS.map((r) => [r, t(`reasons.${r}`)])),
        retype: t("confirmName", { name }),
        confirm: t("confirm", { name }),
        submit: t("submit"),
        erasing: t("erasing"),
        done: t("done"),
      }}
      field="confirmName"
      erase={(reason, confirmName) => erasePerson({ id, version, reason, confirmName })}
      doneHref="/key-persons"
    />
  );
}
