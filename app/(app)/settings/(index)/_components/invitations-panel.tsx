"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Badge, EmptyState } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import type { Role } from "@/lib/generated/prisma/enums";
import { inviteMember, revokeInvite } from "../../actions";
import { CopyField } from "@/components/ui/copy-field";

type Pending = { id: string; email: string | null; role: Role; expiresAt: string };

export function InvitationsPanel({ pending }: { pending: Pending[] }) {
  const t = useTranslations();
  const f = useFormatter();
  const router = useRouter();
  const [busy, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [mailedTo, setMailedTo] = useState<string | null>(null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    start(async () => {
      const res = await inviteMember({
        role: String(form.get("role")) as Role,
        email: String(form.get("email") ?? ""),
        days: String(form.get("days") ?? "7"),
      });
      if (res.ok) {
        setErrors({});
        setError(null);
        setLink(`${window.location.origin}${res.data.path}`);
        setMailedTo(res.data.mailedTo);
        router.refresh();
      } else {
        setErrors(res.fieldErrors ?? {});
        setError(res.error);
      }
    });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="grid gap-3 md:grid-cols-4 md:items-end" noValidate>
        <SelectField label={t("invitations.role")} name="role" defaultValue="NURSE" errors={errors.role}>
          {(["NURSE", "MENTOR", "ADMIN"] as const).map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("invitations.email")}
          hint={t("invitations.emailHint")}
          name="email"
          type="email"
          autoComplete="off"
          required
          errors={errors.email}
        />
        <TextField
          label={t("invitations.days")}
          name="days"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          defaultValue={7}
          errors={errors.days}
        />
        <Button type="submit" disabled={busy}>
          {t("invitations.create")}
        </Button>
      </form>
      {error && <Alert>{t(`errors.${error}`)}</Alert>}
      {link && (
        <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3">
          <p className="text-sm text-brand-700">{mailedTo ? t("invitations.mailed", { email: mailedTo }) : t("invitations.created")}</p>
          <CopyField key={link} value={link} label={t("invitations.create")} testId="invite-link" />
        </div>
      )}
      <div>
        <h3 className="mb-2 text-sm font-semibold">{t("invitations.pending")}</h3>
        {pending.length === 0 ? (
          <EmptyState>{t("invitations.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm">
            {pending.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="flex items-center gap-2">
                  <Badge>{t(`roles.${p.role}`)}</Badge>
                  {p.email ?? "—"}
                  <span className="text-xs text-stone-500">
                    {t("invitations.expires", { date: f.dateTime(new Date(p.expiresAt), "dateTime") })}
                  </span>
                </span>
                <Button
                  variant="danger"
                  size="xs"
                  disabled={busy}
                  onClick={() => {
                    if (window.confirm(t("invitations.confirmRevoke")))
                      start(async () => {
                        await revokeInvite({ id: p.id });
                        router.refresh();
                      });
                  }}
                >
                  {t("invitations.revoke")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
