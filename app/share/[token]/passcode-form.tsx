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
  // Locked, expired, paused or revoked meanwhile: no passcode can open it, so the field goes.
  const [closed, setClosed] = useState(false);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const passcode = String(new FormData(e.currentTarget).get("passcode") ?? "");
    start(async () => {
      const res = await unlockShare({ token, passcode });
      if (res.ok) return router.refresh();
      setClosed(res.reason !== "wrong" && res.reason !== "rateLimited");
      setError(
        res.reason === "locked"
          ? t("locked")
          : res.reason === "rateLimited"
            ? t("rateLimited")
            : res.reason && res.reason !== "wrong"
              ? t(`states.${res.reason}`)
              : t("wrong"),
      );
    });
  }
  if (closed)
    return (
      <p className="text-sm text-stone-700" role="alert" data-testid="share-state">
        {error}
      </p>
    );
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {error && <Alert>{error}</Alert>}
      <TextField label={t("passcode")} name="passcode" type="password" autoComplete="off" required autoFocus />
      <Button type="submit" disabled={pending}>
        {t("open")}
      </Button>
    </form>
  );
}
