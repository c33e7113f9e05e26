"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { setNewPassword } from "../../actions";

export function ResetForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth");
  const { pending, errors, message, run } = useActionForm();
  const [done, setDone] = useState(false);
  const [factors, setFactors] = useState<string[]>([]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    run(() => setNewPassword({ token, password: String(fd.get("password") ?? ""), confirm: String(fd.get("confirm") ?? "") }), {
      then: (d) => {
        setFactors(d.factors);
        setDone(true);
      },
    });
  }

  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="green">{t("resetDone")}</Alert>
        {factors.length > 0 && (
          <Alert tone="amber">
            {t("resetFactorsRemain", {
              totp: factors.includes("totp") ? "yes" : "no",
              passkey: factors.includes("passkey") ? "yes" : "no",
            })}
          </Alert>
        )}
        <Link href="/sign-in" className="text-sm text-brand-700 underline">
          {t("backToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label={t("newPassword")}
        hint={t("passwordRules")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.password}
      />
      <TextField
        label={t("newPasswordConfirm")}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.confirm}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("resetSubmit")}
      </Button>
    </form>
  );
}
