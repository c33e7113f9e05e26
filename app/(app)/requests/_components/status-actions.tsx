"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TRANSITIONS, type RequestStatus } from "@/lib/requests/constants";
import { moveRequest } from "../actions";

export function StatusActions({ id, version, status, hasFallback }: { id: string; version: number; status: RequestStatus; hasFallback: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const next = TRANSITIONS[status].filter((s) => s !== "FALLBACK_SENT" || hasFallback);
  if (next.length === 0) return null;
  return (
    <div className="space-y-2">
      {error && <Alert>{t(`errors.${error}`)}</Alert>}
      <div className="flex flex-wrap gap-2">
        {next.map((to) => (
          <Button
            key={to}
            variant={to.includes("DECLINED") ? "danger" : to === "DONE" ? "secondary" : "primary"}
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await moveRequest({ id, version, to });
                if (res.ok) router.refresh();
                else setError(res.error);
              })
            }
          >
            {t(`requests.actions.${to}`)}
          </Button>
        ))}
      </div>
    </div>
  );
}
