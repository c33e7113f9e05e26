"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { requestReset } from "../actions";

export function ForgotForm({ demoHint }: { demoHint: string | null }) {
  const t = useTranslations("auth");
  const { pending, errors, message, run } = useActionForm();
  const [sent, setSent] = useState(false);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "");
    run(() => requestReset({ email }), { then: () => setSent(true) });
  }

  if (sent) {
    return (
      <div className="space-y-4">
        <Alert tone="green">{t("forgotSent")}</Alert>
        {demoHint && <p className="text-sm text-stone-600">{demoHint}</p>}
        <Link href="/sign-in" className="text-sm text-brand-700 underline">
          {t("backToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required errors={errors.email} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("forgotSending") : t("forgotSubmit")}
      </Button>
      <Link href="/sign-in" className="block text-sm text-brand-700 underline">
        {t("backToSignIn")}
      </Link>
    </form>
  );
}
