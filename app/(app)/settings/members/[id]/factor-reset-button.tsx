"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { resetMemberFactors } from "../../actions";

/** An admin resets a member's lost second factors (she enrols again at her next sign-in if required). */
export function FactorResetButton({ membershipId, name }: { membershipId: string; name: string }) {
  const t = useTranslations();
  const { pending, message, run } = useActionForm();
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700">{t("members.resetFactorsIntro")}</p>
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("members.resetFactorsConfirm", { name }))) return;
          run(() => resetMemberFactors({ membershipId }), { text: t("members.resetFactorsDone", { name }) });
        }}
      >
        {t("members.resetFactors")}
      </Button>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
}
