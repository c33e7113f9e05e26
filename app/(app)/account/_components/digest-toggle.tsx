"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import { setWeeklyDigest } from "../actions";

export function DigestToggle({ on }: { on: boolean }) {
  const t = useTranslations("account");
  const [checked, setChecked] = useState(on);
  const { pending, message, run } = useActionForm();
  return (
    <div className="space-y-2">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1 h-4 w-4"
          checked={checked}
          disabled={pending}
          onChange={(e) => {
            const next = e.target.checked;
            setChecked(next);
            run(() => setWeeklyDigest({ on: next }), { text: t("digestSaved"), fail: () => setChecked(!next) });
          }}
        />
        <span>
          <span className="font-medium">{t("digestLabel")}</span>
          <span className="block text-xs text-stone-500">{t("digestHint")}</span>
        </span>
      </label>
      {message && (
        <p role="status" className={`text-sm ${message.tone === "red" ? "text-red-700" : "text-green-700"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
