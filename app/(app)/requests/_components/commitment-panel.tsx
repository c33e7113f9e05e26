"use client";
// Her own part of an accepted request as a promise: its date (which she may move) and the give that
// keeps it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Alert, Badge } from "@/components/ui/card";
import { DateHint, FieldErrors } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { moveCommitment } from "../actions";
import { Input } from "@/components/ui/control";

type Props = {
  id: string;
  what: string;
  dueOn: string;
  dueLabel: string;
  overdue: boolean;
  keyPersonId: string;
  /** Only the nurse who made the promise logs the give that keeps it. */
  canKeep: boolean;
  /** Hers, or an admin's correction. */
  canMove: boolean;
};

export function CommitmentPanel({ id, what, dueOn, dueLabel, overdue, keyPersonId, canKeep, canMove }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(dueOn);
  const { pending, errors, message, run } = useActionForm();
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    run(() => moveCommitment({ id, dueOn: value }), {
      then: () => {
        setEditing(false);
        router.refresh();
      },
    });
  }
  return (
    <section
      aria-labelledby="commitment-title"
      className="space-y-2 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950"
      data-testid="commitment"
    >
      <h2 id="commitment-title" className="font-medium">
        {t("requests.commitment.title")}
      </h2>
      <p>{what}</p>
      {message && !Object.keys(errors).length && <Alert>{message.text}</Alert>}
      <div className="flex flex-wrap items-center gap-2">
        {overdue ? <Badge tone="red">{t("home.overdue")}</Badge> : null}
        <span>{t("requests.commitment.due", { date: dueLabel })}</span>
        {canMove && !editing && (
          <Button variant="ghost" onClick={() => setEditing(true)}>
            {t("requests.commitment.move")}
          </Button>
        )}
        {canKeep && (
          <Link
            href={`/touchpoints/new?keyPersonId=${keyPersonId}&type=GIVE&keeps=${id}`}
            className={buttonVariants({ size: "compact", className: "ml-auto" })}
          >
            {t("requests.commitment.keep")}
          </Link>
        )}
      </div>
      {editing && (
        <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
          <label className="text-sm">
            {t("requests.commitment.newDate")}
            <Input
              type="date"

              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-invalid={!!errors.dueOn}
              aria-describedby={errors.dueOn ? "commitment-due-error" : undefined}
            />
          </label>
          <DateHint value={value} />
          <Button type="submit" disabled={pending}>
            {pending ? t("common.saving") : t("common.save")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
            {t("common.cancel")}
          </Button>
          <FieldErrors id="commitment-due-error" errors={errors.dueOn} />
        </form>
      )}
    </section>
  );
}
