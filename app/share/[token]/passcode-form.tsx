"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { unlockShare } from "./actions";

export function PasscodeForm({ token }: { token: string }) {
  const t = useTranslations("share");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const passcode = String(new FormData(e.currentTarget).get("passcode") ?? "");
    start(async () => {
      const res = await unlockShare({ token, passcode });
      if (res.ok) router.refresh();
      else setError(res.reason === "locked" ? t("locked") : res.reason === "rateLimited" ? t("rateLimited") : res.reason && res.reason !== "wrong" ? t(`states.${res.reason}`) : t("wrong"));
    });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {error && <Alert>{error}</Alert>}
      <TextField label={t("passcode")} name="passcode" type="password" autoComplete="off" required autoFocus />
      <Button type="submit" disabled={pending}>{t("open")}</Button>
    </form>
  );
}
