"use client";
// "保健師だよりを作る" on a run: makes the draft from the run (or opens the one it has) and goes there.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { startNewsletter } from "../actions";

export function StartNewsletterButton({ resultId, label }: { resultId: string; label: string }) {
  const router = useRouter();
  const { pending, message, run } = useActionForm();
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        size="xs"
        disabled={pending}
        onClick={() => run(() => startNewsletter({ resultId }), { then: (r) => router.push(`/newsletters/${r.id}`) })}
      >
        {label}
      </Button>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </>
  );
}
