"use client";
// An erasure's confirmation, for a person or a case: why (a choice, never free text), the name or
// code typed again, a last "are you sure", then erase and leave for the list.
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { FieldErrors, TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/auth/wrappers";

export interface EraseLabels {
  reason: string;
  reasons: Record<string, string>;
  retype: string;
  confirm: string;
  submit: string;
  erasing: string;
  done: string;
}

export function EraseForm<R extends string>(props: {
  reasons: readonly R[];
  labels: EraseLabels;
  /** The form field the name or code is typed into, as the action's schema names it. */
  field: string;
  erase: (reason: R, typed: string) => Promise<ActionResult<unknown>>;
  doneHref: string;
}) {
  const { labels: l } = props;
  const router = useRouter();
  const toast = useToast();
  const { pending, errors, message, run } = useActionForm();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const reason = String(fd.get("reason") ?? "") as R;
    const typed = String(fd.get(props.field) ?? "");
    if (!window.confirm(l.confirm)) return;
    run(() => props.erase(reason, typed), {
      then: () => {
        toast(l.done);
        router.push(props.doneHref);
      },
    });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {/* A field's own message says what is wrong with it; the alert is for the rest. */}
      {message && !Object.keys(errors).length && <Alert>{message.text}</Alert>}
      <fieldset className="space-y-1" aria-describedby={errors.reason ? "erase-reason-error" : undefined}>
        <legend className="text-sm font-medium">{l.reason}</legend>
        {props.reasons.map((r) => (
          <label key={r} className="flex items-center gap-2 text-sm">
            <input type="radio" name="reason" value={r} className="h-4 w-4" required />
            {l.reasons[r]}
          </label>
        ))}
        <FieldErrors id="erase-reason-error" errors={errors.reason} />
      </fieldset>
      <TextField label={l.retype} name={props.field} autoComplete="off" required errors={errors[props.field]} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? l.erasing : l.submit}
      </Button>
    </form>
  );
}
