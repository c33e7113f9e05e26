"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { confirmIdentity } from "@/app/(app)/account/actions";

/**
 * "Confirm it's you": asked before adding a second factor when the sign-in is more than a few minutes
 * old (lib/accounts/step-up.ts). The password, or a code from the authenticator app; then `onProved`
 * carries on with what she was doing.
 */
export function StepUpForm({ onProved, onCancel }: { onProved: () => void; onCancel: () => void }) {
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const { pending, errors, message, run } = useActionForm();
  return (
    <form
      className="max-w-md space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run(() => confirmIdentity({ password: String(f.get("password") ?? ""), code: String(f.get("code") ?? "") }), { then: onProved });
      }}
    >
      <p className="text-sm font-medium">{t("stepUpTitle")}</p>
      <p className="text-sm text-stone-700">{t("stepUpIntro")}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <TextField
        label={t("stepUpPassword")}
        name="password"
        type="password"
        autoComplete="current-password"
        autoFocus
        errors={errors.password}
      />
      <TextField label={t("stepUpCode")} name="code" inputMode="numeric" autoComplete="one-time-code" errors={errors.code} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {t("stepUpSubmit")}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}

/**
 * A panel's way to ask for the proof: `ask(retry)` when an action answers `stepUp.required`; while
 * asked, `form` is the prompt to show instead of the panel, and `retry` runs once she is proved.
 */
export function useStepUp() {
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const form = retry ? (
    <StepUpForm
      onProved={() => {
        setRetry(null);
        retry();
      }}
      onCancel={() => setRetry(null)}
    />
  ) : null;
  return { form, ask: (then: () => void) => setRetry(() => then) };
}

/** The password asked again inside a form that removes or renews a factor. */
export function ConfirmPasswordField({ errors }: { errors?: string[] }) {
  const t = useTranslations("account");
  return (
    <TextField label={t("passwordToConfirm")} name="password" type="password" autoComplete="current-password" required errors={errors} />
  );
}
