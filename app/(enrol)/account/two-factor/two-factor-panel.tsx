"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm, type ActionFailure } from "@/components/ui/use-action-form";
import { beginTotp, finishTotp, renewRecoveryCodes, turnOffTotp } from "@/app/(app)/account/actions";
import { RecoveryCodes } from "./recovery-codes";
import { ConfirmPasswordField, useStepUp } from "./step-up-form";

export function TwoFactorPanel({
  enabledOn,
  recoveryLeft,
  teamRequires,
}: {
  enabledOn: string | null;
  recoveryLeft: number;
  teamRequires: boolean;
}) {
  const t = useTranslations("account");
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  // Adding a factor needs a fresh proof: asked for, then what she was doing is done again.
  const stepUp = useStepUp();
  const needsProof = (retry: () => void) => (failure: ActionFailure) => {
    if (failure.error === "stepUp.required") stepUp.ask(retry);
  };

  if (codes) {
    return (
      <div className="space-y-4">
        <Alert tone="green">{t("enabled")}</Alert>
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes(null);
            setSetup(null);
            router.refresh();
          }}
        />
      </div>
    );
  }

  if (stepUp.form) return stepUp.form;

  if (enabledOn) {
    const passwordOf = (form: HTMLFormElement | null) => String((form ? new FormData(form) : new FormData()).get("password") ?? "");
    return (
      <div className="space-y-5">
        <Alert tone="green">{t("twoFactorOn", { date: enabledOn })}</Alert>
        <p className="text-sm">{t("recoveryLeft", { count: recoveryLeft })}</p>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <form
          className="max-w-md space-y-3"
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const password = passwordOf(e.currentTarget);
            run(() => renewRecoveryCodes({ password }), { then: (d) => setCodes(d.codes) });
          }}
        >
          <ConfirmPasswordField errors={errors.password} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("renewRecovery")}
            </Button>
            {!teamRequires && (
              <Button
                type="button"
                variant="danger"
                disabled={pending}
                onClick={(e) => {
                  const password = passwordOf(e.currentTarget.form);
                  run(() => turnOffTotp({ password }), { text: t("disabled"), then: () => router.refresh() });
                }}
              >
                {t("disableTotp")}
              </Button>
            )}
          </div>
        </form>
      </div>
    );
  }

  function start() {
    run(() => beginTotp({}), { then: (d) => setSetup(d), fail: needsProof(start) });
  }

  if (!setup) {
    return (
      <div className="space-y-3">
        <p className="text-sm">{t("twoFactorOff")}</p>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <Button type="button" disabled={pending} onClick={start}>
          {t("startTotp")}
        </Button>
      </div>
    );
  }

  return (
    <form
      className="max-w-md space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const code = String(new FormData(e.currentTarget).get("code") ?? "");
        const finish = () => run(() => finishTotp({ code }), { then: (d) => setCodes(d.codes), fail: needsProof(finish) });
        finish();
      }}
    >
      <p className="text-sm text-stone-700">{t("scanQr")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an asset to optimize */}
      <img src={setup.qr} alt={t("qrAlt")} width={200} height={200} className="rounded-md border border-stone-200 bg-white p-2" />
      <p className="text-xs text-stone-600">
        {t("manualKey")}{" "}
        <code className="font-mono break-all text-stone-900" data-testid="totp-secret">
          {setup.secret}
        </code>
      </p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <TextField label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" required errors={errors.code} />
      <Button type="submit" disabled={pending}>
        {t("confirmTotp")}
      </Button>
    </form>
  );
}
