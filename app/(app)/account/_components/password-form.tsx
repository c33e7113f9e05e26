"use client";
import { useTranslations } from "next-intl";
import { useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useRouter } from "next/navigation";
import { changeMyPassword } from "../actions";

export function PasswordForm({ email }: { email: string }) {
  const t = useTranslations();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const { pending, errors, message, run } = useActionForm();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const input = {
      current: String(fd.get("current") ?? ""),
      password: String(fd.get("password") ?? ""),
      confirm: String(fd.get("confirm") ?? ""),
    };
    run(() => changeMyPassword(input), {
      text: t("account.changed"),
      then: () => {
        form.current?.reset();
        router.refresh();
      },
    });
  }

  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      <p className="text-sm text-stone-600">{t("account.passwordHint")}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label={t("account.currentPassword")}
        name="current"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.current}
      />
      <TextField
        label={t("auth.newPassword")}
        hint={t("auth.passwordRules")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.password}
      />
      <TextField
        label={t("auth.newPasswordConfirm")}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.confirm}
      />
      <Button type="submit" disabled={pending}>
        {t("account.changeSubmit")}
      </Button>
    </form>
  );
}
