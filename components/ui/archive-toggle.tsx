"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Archive (after confirming) or restore a record through the given server action. */
export function ArchiveToggle({
  archived,
  labels,
  onToggle,
}: {
  archived: boolean;
  labels: { archive: string; restore: string; confirm: string };
  onToggle: (archived: boolean) => Promise<unknown>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant={archived ? "secondary" : "danger"}
      disabled={pending}
      onClick={() => {
        if (!archived && !window.confirm(labels.confirm)) return;
        start(async () => {
          await onToggle(!archived);
          router.refresh();
        });
      }}
    >
      {archived ? labels.restore : labels.archive}
    </Button>
  );
}
