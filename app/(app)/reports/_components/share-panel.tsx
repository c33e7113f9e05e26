"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Badge, EmptyState } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { makeShareLink, pauseShareLink, resumeShareLink, revokeShareLink, unlockShareLinkAdmin } from "../actions";
import { CopyField } from "@/components/ui/copy-field";

export type ShareLinkRow = {
  id: string;
  label: string;
  expiresAt: string;
  status: "active" | "paused" | "revoked" | "expired" | "locked";
  viewCount: number;
  downloadCount: number;
  hasPasscode: boolean;
  allowDownload: boolean;
  number: number;
};

type SharePanelProps = {
  /** What the links show: issues of a report, or issues of a 保健師だより. */
  target: "reportIssueId" | "newsletterIssueId";
  issues: { id: string; number: number }[];
  links: ShareLinkRow[];
};

function useSharePanelState({ target, issues, links }: SharePanelProps) {
  const t = useTranslations();
  const f = useFormatter();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [created, setCreated] = useState<string | null>(null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    run(
      () =>
        makeShareLink({
          [target]: String(fd.get(target) ?? ""),
          label: String(fd.get("label") ?? ""),
          days: Number(fd.get("days") ?? 30),
          passcode: String(fd.get("passcode") ?? ""),
          allowDownload: fd.get("allowDownload") === "on",
        }),
      {
        then: (r) => {
          setCreated(`${window.location.origin}${r.path}`);
          form.reset();
          router.refresh();
        },
      },
    );
  }
  const act = (fn: typeof pauseShareLink, id: string) => run(() => fn({ id }), { then: () => router.refresh() });

  return { target, issues, links, t, f, router, onSubmit, act, pending, errors, message, run, created, setCreated };
}
type SharePanelState = ReturnType<typeof useSharePanelState>;

export function SharePanel(props: SharePanelProps) {
  const s = useSharePanelState(props);
  const { target, issues, t, onSubmit, pending, errors, message, created } = s;
  return (
    <div className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <form onSubmit={onSubmit} className="grid gap-3 md:grid-cols-2" noValidate aria-label={t("reports.share.create")}>
        <TextField
          label={t("reports.share.label")}
          name="label"
          placeholder={t("reports.share.labelPlaceholder")}
          required
          maxLength={100}
          errors={errors.label}
        />
        <SelectField label={t("reports.share.issue")} name={target} errors={errors.reportIssueId ?? errors[target]}>
          {issues.map((i) => (
            <option key={i.id} value={i.id}>
              {t("reports.detail.versionLabel", { number: i.number })}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("reports.share.days")}
          name="days"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          defaultValue={30}
          errors={errors.days}
        />
        <TextField
          label={t("reports.share.passcode")}
          hint={t("reports.share.passcodeHint")}
          name="passcode"
          type="password"
          autoComplete="new-password"
          errors={errors.passcode}
        />
        <label className="flex items-center gap-2 text-sm md:col-span-2">
          <input type="checkbox" name="allowDownload" className="h-4 w-4" />
          {t(target === "reportIssueId" ? "reports.share.allowDownload" : "reports.share.allowPdf")}
        </label>
        <div className="md:col-span-2">
          <Button type="submit" disabled={pending}>
            {t("reports.share.create")}
          </Button>
        </div>
      </form>
      {created && (
        <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3">
          <p className="text-sm text-brand-700">{t("reports.share.created")}</p>
          <CopyField key={created} value={created} label={t("reports.share.title")} testId="share-link" />
        </div>
      )}
      <ShareLinks s={s} />
    </div>
  );
}

function ShareLinks({ s }: { s: SharePanelState }) {
  const { links, t, f, act, pending } = s;
  return (
    <>
      {links.length === 0 ? (
        <EmptyState>{t("reports.share.none")}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100" aria-label={t("reports.share.title")} data-testid="share-links">
          {links.map((l) => {
            const st = l.status;
            return (
              <li key={l.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <span className="font-medium">{l.label}</span>
                <Badge tone={st === "active" ? "green" : st === "paused" || st === "locked" ? "amber" : "stone"}>
                  {t(`reports.share.status.${st}`)}
                </Badge>
                <span className="text-xs text-stone-600">
                  {t("reports.detail.versionLabel", { number: l.number })} ·{" "}
                  {t("reports.share.expires", { date: f.dateTime(new Date(l.expiresAt), "short") })} ·{" "}
                  {t("reports.share.views", { count: l.viewCount })}
                  {l.allowDownload && <> · {t("reports.share.downloads", { count: l.downloadCount })}</>}
                </span>
                {l.hasPasscode && <Badge tone="blue">{t("reports.share.passcodeOn")}</Badge>}
                {l.allowDownload && <Badge>{t("reports.share.downloadOn")}</Badge>}
                <span className="ml-auto flex gap-2">
                  {st === "active" && (
                    <Button variant="secondary" size="xs" disabled={pending} onClick={() => act(pauseShareLink, l.id)}>
                      {t("reports.share.pause")}
                    </Button>
                  )}
                  {st === "paused" && (
                    <Button variant="secondary" size="xs" disabled={pending} onClick={() => act(resumeShareLink, l.id)}>
                      {t("reports.share.resume")}
                    </Button>
                  )}
                  {st === "locked" && (
                    <Button variant="secondary" size="xs" disabled={pending} onClick={() => act(unlockShareLinkAdmin, l.id)}>
                      {t("reports.share.clearLock")}
                    </Button>
                  )}
                  {st !== "revoked" && st !== "expired" && (
                    <Button
                      variant="danger"
                      size="xs"
                      disabled={pending}
                      onClick={() => {
                        if (window.confirm(t("reports.share.confirmRevoke"))) act(revokeShareLink, l.id);
                      }}
                    >
                      {t("reports.share.revoke")}
                    </Button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
