"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { joinAsNewUser, joinWithAccount } from "../../actions";

export function JoinForm({ token, signedInName, defaultEmail }: { token: string; signedInName: string | null; defaultEmail: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);

  if (signedInName) {
    return (
      <div className="space-y-3">
        {error && <Alert>{t(`errors.${error}`)}</Alert>}
        <Button
          disabled={pending}
          onClick={() =>
            start(async () => {
              const res = await joinWithAccount({ token });
              if (res.ok) {
                router.replace("/");
                router.refresh();
              } else setError(res.error);
            })
          }
        >
          {t("invite.joinAs", { name: signedInName })}
        </Button>
      </div>
    );
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = {
      token,
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    start(async () => {
      const res = await joinAsNewUser(input);
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        setError(res.error);
        return;
      }
      await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      router.replace("/");
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert>{t(`errors.${error}`)}</Alert>}
      <TextField label={t("invite.name")} name="name" autoComplete="name" required errors={errors.name} />
      <TextField
        label={t("auth.email")}
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={defaultEmail}
        readOnly={defaultEmail !== ""}
        required
        errors={errors.email}
      />
      <TextField
        label={t("auth.password")}
        hint={t("invite.passwordHint")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("invite.createAccount")}
      </Button>
      <p className="text-xs text-stone-500">{t("invite.haveAccount")}</p>
    </form>
  );
}
