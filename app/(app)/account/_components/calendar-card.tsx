"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { createCalendarFeed, setCalendarNames, stopCalendarFeed } from "../actions";
import { CopyField } from "@/components/ui/copy-field";

export function CalendarCard({ status }: { status: { includeNames: boolean; created: string; fetched: string | null } | null }) {
  const t = useTranslations("account");
  const router = useRouter();
  const { pending, message, run } = useActionForm();
  const [url, setUrl] = useState<string | null>(null);
  const [names, setNames] = useState(status?.includeNames ?? false);

  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700">{t("calendarIntro")}</p>
      <p className="text-sm">
        {status ? t("calendarActive", { date: status.created, fetched: status.fetched ?? t("calendarNeverFetched") }) : t("calendarOff")}
      </p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {url && (
        <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3">
          <p className="text-sm text-brand-700">{t("calendarIssued")}</p>
          <CopyField key={url} value={url} label={t("calendarTitle")} testId="calendar-url" />
        </div>
      )}
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={names}
          disabled={pending}
          aria-describedby={status ? "calendar-names-hint" : undefined}
          onChange={(e) => {
            const on = e.target.checked;
            setNames(on);
            // With an address in use, the choice applies to it at once; without one, it goes with the first issue.
            if (status)
              run(() => setCalendarNames({ includeNames: on }), {
                text: on ? t("calendarNamesOn") : t("calendarNamesOff"),
                then: () => router.refresh(),
                fail: () => setNames(!on),
              });
          }}
          className="mt-1 h-4 w-4"
        />
        <span>
          {t("calendarNames")}
          {status && (
            <span id="calendar-names-hint" className="block text-xs text-stone-500">
              {t("calendarNamesHint")}
            </span>
          )}
        </span>
      </label>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            run(() => createCalendarFeed({ includeNames: names }), {
              then: (d) => {
                setUrl(d.url);
                router.refresh();
              },
            })
          }
        >
          {status ? t("calendarReissue") : t("calendarIssue")}
        </Button>
        {status && (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() => {
              if (!window.confirm(t("calendarStopConfirm"))) return;
              run(() => stopCalendarFeed({}), {
                text: t("calendarStopped"),
                then: () => {
                  setUrl(null);
                  router.refresh();
                },
              });
            }}
          >
            {t("calendarStop")}
          </Button>
        )}
      </div>
    </div>
  );
}
