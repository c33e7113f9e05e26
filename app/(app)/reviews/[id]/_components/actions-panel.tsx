"use client";
// At most a few dated action items; the mentee ticks them off here or on her home page.
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { CanvasPerson } from "@/components/map/types";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { MAX_ACTIONS } from "@/lib/reviews/limits";
import { addActionAction, setActionDoneAction } from "../../actions";
import { Input, Select } from "@/components/ui/control";

export type ActionRow = {
  id: string;
  title: string;
  dueOn: string;
  done: boolean;
  byTouchpoint: boolean;
  overdue: boolean;
  person: { id: string; name: string } | null;
};

export function ActionsPanel({
  reviewId,
  canAdd,
  actions,
  people,
}: {
  reviewId: string;
  canAdd: boolean;
  actions: ActionRow[];
  people: CanvasPerson[];
}) {
  const t = useTranslations("reviews");
  const tv = useTranslations("validation");
  const f = useFormatter();
  const router = useRouter();
  const form = useActionForm();
  const toggle = useActionForm();
  const [title, setTitle] = useState("");
  const [dueOn, setDue] = useState("");
  const [keyPersonId, setPerson] = useState("");
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-3" aria-labelledby="actions-title">
      <h2 id="actions-title" className="text-base font-semibold">
        {t("actions")}
      </h2>
      {actions.length === 0 ? (
        <p className="mt-1 text-sm text-stone-500">{t("actionsEmpty")}</p>
      ) : (
        <ul className="mt-2 space-y-1" data-testid="review-actions">
          {actions.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={a.done}
                disabled={toggle.pending}
                onChange={(e) =>
                  toggle.run(() => setActionDoneAction({ id: a.id, done: e.target.checked }), { then: () => router.refresh() })
                }
                aria-label={`${a.title}：${t("actionDone")}`}
                className="h-4 w-4"
              />
              <span className={a.done ? "text-stone-500 line-through" : ""}>{a.title}</span>
              {a.person && <span className="text-xs text-stone-600">（{a.person.name}）</span>}
              <span className={`ml-auto text-xs ${a.overdue ? "font-semibold text-red-700" : "text-stone-500"}`}>
                {f.dateTime(new Date(`${a.dueOn}T00:00:00+09:00`), "short")}
                {a.overdue ? ` · ${t("actionOverdue")}` : ""}
                {a.done ? ` · ${a.byTouchpoint ? t("actionByTouchpoint") : t("actionDone")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAdd && actions.length < MAX_ACTIONS && (
        <form
          className="mt-3 grid gap-2 border-t border-stone-100 pt-3 sm:grid-cols-[1fr_9rem]"
          onSubmit={(e) => {
            e.preventDefault();
            form.run(() => addActionAction({ reviewId, title, dueOn, keyPersonId }), {
              then: () => {
                setTitle("");
                setDue("");
                setPerson("");
                router.refresh();
              },
            });
          }}
        >
          <label className="text-xs font-medium text-stone-600">
            {t("actionTitle")}
            <Input
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              maxLength={120}
              placeholder={t("actionTitlePlaceholder")}
              size="sm"
              className="mt-0.5 w-full"
            />
            {form.errors.title && <span className="text-red-700">{tv(form.errors.title[0])}</span>}
          </label>
          <label className="text-xs font-medium text-stone-600">
            {t("actionDue")}
            <Input type="date" value={dueOn} onChange={(e) => setDue(e.target.value)} size="sm" className="mt-0.5 w-full" />
            {form.errors.dueOn && <span className="text-red-700">{tv(form.errors.dueOn[0])}</span>}
          </label>
          <label className="text-xs font-medium text-stone-600 sm:col-span-2">
            {t("actionPerson")}
            <Select value={keyPersonId} onChange={(e) => setPerson(e.target.value)} size="sm" className="mt-0.5 w-full">
              <option value="">—</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </label>
          <div className="flex items-center gap-2 sm:col-span-2">
            <Button type="submit" disabled={form.pending}>
              {t("actionAdd")}
            </Button>
            {form.message && (
              <p role="status" className="text-xs text-red-700">
                {form.message.text}
              </p>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
