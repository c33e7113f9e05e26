"use client";
// Whether he agreed to be thanked by name in a 保健師だより: recorded with its day, withdrawn in one
// click (a confirmation first). Only a recorded consent lets a newsletter name him.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordThanksConsent } from "../../newsletters/actions";

export function ThanksConsentControl({ id, consentOn, writable }: { id: string; consentOn: string | null; writable: boolean }) {
  const t = useTranslations("keyPersons.thanksConsent");
  const router = useRouter();
  const { pending, message, run } = useActionForm();
  const set = (consent: boolean) => run(() => recordThanksConsent({ keyPersonId: id, consent }), { then: () => router.refresh() });
  return (
    <div className="space-y-2 text-sm" data-testid="thanks-consent">
      <p>{consentOn ? t("on", { date: consentOn }) : t("off")}</p>
      <p className="text-xs text-stone-600">{t("hint")}</p>
      {writable &&
        (consentOn ? (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() => {
              if (window.confirm(t("withdraw"))) set(false);
            }}
          >
            {t("withdraw")}
          </Button>
        ) : (
          <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={() => set(true)}>
            {t("record")}
          </Button>
        ))}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
}
