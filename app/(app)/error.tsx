"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations();
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-bold">{t("errors.title")}</h1>
      <p className="text-sm text-stone-600">{t("errors.description")}</p>
      <Button onClick={reset}>{t("common.retry")}</Button>
    </div>
  );
}
