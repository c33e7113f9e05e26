"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function AppError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations();
  // Production errors carry no message to the browser: ask the health check whether the database
  // is away, and if so say so calmly instead of "something went wrong".
  const [away, setAway] = useState(false);
  useEffect(() => {
    fetch("/api/health", { cache: "no-store" })
      .then((res) => setAway(res.status === 503))
      .catch(() => setAway(true));
  }, []);
  useEffect(() => {
    if (!away) return;
    const timer = setTimeout(() => window.location.reload(), 30_000);
    return () => clearTimeout(timer);
  }, [away]);
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-bold">{t(away ? "errors.unavailableTitle" : "errors.title")}</h1>
      <p className="text-sm text-stone-600">{t(away ? "errors.unavailableBody" : "errors.description")}</p>
      <Button onClick={reset}>{t(away ? "errors.unavailableRetry" : "common.retry")}</Button>
    </div>
  );
}
