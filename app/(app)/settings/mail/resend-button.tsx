"use client";
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/ui/use-action-form";
import { resendMail } from "../actions";

export function ResendButton({ id }: { id: string }) {
  const t = useTranslations("outbox");
  const { pending, message, run } = useActionForm();
  return (
    <span className="ml-3 inline-block">
      <button
        type="button"
        className="text-brand-700 underline disabled:opacity-50"
        disabled={pending}
        onClick={() => run(() => resendMail({ id }), { text: t("retried") })}
      >
        {t("retry")}
      </button>
      {message && (
        <span role="status" className={`ml-2 text-xs ${message.tone === "red" ? "text-red-700" : "text-green-700"}`}>
          {message.text}
        </span>
      )}
    </span>
  );
}
