"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { canUndoStatus, TRANSITIONS, type RequestStatus } from "@/lib/requests/constants";
import { moveRequest, removeDraft, undoStatus } from "../actions";

export function StatusActions({
  id,
  version,
  status,
  hasFallback,
}: {
  id: string;
  version: number;
  status: RequestStatus;
  hasFallback: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const next = TRANSITIONS[status].filter((s) => s !== "FALLBACK_SENT" || hasFallback);
  const canUndo = canUndoStatus(status);
  const editable = status === "DRAFT" || status === "SENT";
  const act = (fn: () => Promise<{ ok: boolean; error?: string }>, then?: () => void) =>
    start(async () => {
      const res = await fn();
      if (res.ok) (then ?? (() => router.refresh()))();
      else setError(res.error ?? "internal");
    });
  return (
    <div className="space-y-2">
      {error && <Alert>{t(`errors.${error}`)}</Alert>}
      <div className="flex flex-wrap gap-2">
        {editable && (
          <Link href={`/requests/${id}/edit`} className={buttonVariants({ variant: "secondary" })}>
            {t("requests.edit")}
          </Link>
        )}
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
        {canUndo && (
          <Button
            variant="ghost"
            disabled={pending}
            onClick={() => {
              if (window.confirm(t("requests.undoConfirm", { status: t(`requestStatuses.${status}`) })))
                act(() => undoStatus({ id, version }));
            }}
          >
            {t("requests.undo", { status: t(`requestStatuses.${status}`) })}
          </Button>
        )}
        {status === "DRAFT" && (
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => {
              if (window.confirm(t("requests.deleteDraftConfirm")))
                act(
                  () => removeDraft({ id }),
                  () => router.push("/requests"),
                );
            }}
          >
            {t("requests.deleteDraft")}
          </Button>
        )}
      </div>
    </div>
  );
}
