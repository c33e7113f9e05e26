"use client";
// The nurse's edits on the draft: each summary sentence kept, rewritten or left out; a comment per
// section; rows left out of a table. The preview under it is the draft with these edits, which is
// exactly what issuing publishes.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ReportEdits } from "@/lib/reports/edits";
import { rowKey, type ReportData } from "@/lib/reports/types";
import { saveEdits } from "../actions";
import { Textarea } from "@/components/ui/control";

export function DraftEditor({ id, version, draft, edits }: { id: string; version: number; draft: ReportData; edits: ReportEdits }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const rewritten = new Map(edits.summary.map((e) => [e.original, e.text]));
  const [dropped, setDropped] = useState(() => new Set(draft.summary.filter((s) => rewritten.get(s) === "")));
  const hidden = new Set(edits.hiddenRows.map((r) => rowKey(r.table, r.label)));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const summary = draft.summary
      .map((original, i) => ({ original, text: dropped.has(original) ? "" : String(fd.get(`sentence-${i}`) ?? original) }))
      .filter((e) => e.text !== e.original);
    const hiddenRows = draft.sections.flatMap((s) =>
      s.tables.flatMap((tb) =>
        tb.rows.filter((r, i) => !r.total && !fd.has(`row-${tb.id}-${i}`)).map((r) => ({ table: tb.id, label: r.label })),
      ),
    );
    const comments = Object.fromEntries(
      draft.sections.map((s) => [s.id, String(fd.get(`comment-${s.id}`) ?? "")]).filter(([, v]) => v.trim()),
    );
    run(() => saveEdits({ id, version, edits: { summary, hiddenRows, comments } }), {
      text: t("reports.draft.saved"),
      then: () => router.refresh(),
    });
  }

  const fieldError = (path: string) => {
    const list = Object.entries(errors)
      .filter(([k]) => k.startsWith(path))
      .flatMap(([, v]) => v);
    return list.length ? (
      <p role="alert" className="text-sm text-red-700">
        {list.map((e) => t(`validation.${e}`)).join(" ")}
      </p>
    ) : null;
  };

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate aria-label={t("reports.draft.editTitle")}>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {draft.summary.length > 0 && (
        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-semibold">{t("reports.draft.summary")}</legend>
          {draft.summary.map((sentence, i) => {
            const off = dropped.has(sentence);
            return (
              <div key={sentence} className="space-y-1">
                <label className="sr-only" htmlFor={`sentence-${i}`}>
                  {t("reports.draft.sentence", { n: i + 1 })}
                </label>
                <Textarea
                  id={`sentence-${i}`}
                  name={`sentence-${i}`}
                  rows={2}
                  defaultValue={rewritten.get(sentence) || sentence}
                  disabled={off}
                  className={off ? "text-stone-500 line-through" : undefined}
                />
                <label className="flex items-center gap-2 text-xs text-stone-700">
                  <input
                    type="checkbox"
                    checked={off}
                    onChange={(e) =>
                      setDropped((prev) => {
                        const next = new Set(prev);
                        if (e.target.checked) next.add(sentence);
                        else next.delete(sentence);
                        return next;
                      })
                    }
                  />
                  {t("reports.draft.dropSentence", { n: i + 1 })}
                </label>
              </div>
            );
          })}
          {fieldError("edits.summary")}
        </fieldset>
      )}
      {draft.sections.map((section) => (
        <fieldset key={section.id} className="space-y-2 border-t border-stone-200 pt-3">
          <legend className="text-sm font-semibold">{section.title}</legend>
          <label className="block space-y-1 text-sm">
            <span>{t("reports.draft.comment")}</span>
            <Textarea
              name={`comment-${section.id}`}
              rows={2}
              defaultValue={edits.comments[section.id] ?? ""}
              placeholder={t("reports.draft.commentHint")}
            />
          </label>
          {fieldError(`edits.comments.${section.id}`)}
          {section.tables
            .filter((tb) => tb.rows.some((r) => !r.total))
            .map((tb) => (
              <details key={tb.id} className="rounded-md border border-stone-200 px-3 py-2 text-sm">
                <summary className="cursor-pointer">
                  {t("reports.draft.rows", { table: tb.title, hidden: tb.rows.filter((r) => hidden.has(rowKey(tb.id, r.label))).length })}
                </summary>
                <ul className="mt-2 grid gap-1 sm:grid-cols-2">
                  {tb.rows.map((r, i) =>
                    r.total ? null : (
                      <li key={`${r.label}-${i}`}>
                        <label className="flex items-center gap-2" style={{ paddingLeft: `${(r.depth ?? 0) * 0.75}rem` }}>
                          <input type="checkbox" name={`row-${tb.id}-${i}`} defaultChecked={!hidden.has(rowKey(tb.id, r.label))} />
                          {r.label}
                        </label>
                      </li>
                    ),
                  )}
                </ul>
              </details>
            ))}
        </fieldset>
      ))}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("reports.draft.save")}
      </Button>
    </form>
  );
}
