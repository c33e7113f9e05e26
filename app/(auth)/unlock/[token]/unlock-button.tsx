"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { liftLock } from "../../actions";

export function UnlockButton({ token }: { token: string }) {
  const t = useTranslations("auth");
  const { pending, message, run } = useActionForm();
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="green">{t("unlockDone")}</Alert>
        <Link href="/sign-in" className="text-sm text-brand-700 underline">
          {t("backToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button
        type="button"
        className="w-full"
        disabled={pending}
        onClick={() => run(() => liftLock({ token }), { then: () => setDone(true) })}
      >
        {t("unlockSubmit")}
      </Button>
    </div>
  );
}
