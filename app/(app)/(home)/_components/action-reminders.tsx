"use client";
// The mentor's action items on the mentee's home page: tick one off, with undo.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge, Card } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { setActionDoneAction } from "@/app/(app)/reviews/actions";
import { buttonVariants } from "@/components/ui/button";

type Action = {
  id: string;
  title: string;
  dueOn: string;
  overdue: boolean;
  reviewId: string;
  keyPerson: { id: string; name: string } | null;
};

export function ActionReminders({ actions }: { actions: Action[] }) {
  const t = useTranslations("home");
  const f = useFormatter();
  const router = useRouter();
  const form = useActionForm();
  const [done, setDone] = useState<Action | null>(null);
  const mark = (a: Action, value: boolean) =>
    form.run(() => setActionDoneAction({ id: a.id, done: value }), {
      then: () => {
        setDone(value ? a : null);
        router.refresh();
      },
    });
  return (
    <Card title={t("actions")}>
      <ul className="divide-y divide-stone-100" data-testid="home-actions">
        {actions.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
            {a.overdue ? (
              <Badge tone="red">{t("overdue")}</Badge>
            ) : (
              <Badge tone="blue">{t("dueOn", { date: f.dateTime(new Date(`${a.dueOn}T00:00:00+09:00`), "short") })}</Badge>
            )}
            <span className="font-medium">{a.title}</span>
            {a.keyPerson && (
              <Link href={`/touchpoints/new?keyPersonId=${a.keyPerson.id}`} className="text-xs text-brand-700 underline">
                {a.keyPerson.name}：{t("logContact")}
              </Link>
            )}
            <Link href={`/reviews/${a.reviewId}`} className="text-xs text-stone-600 underline">
              {t("fromReview")}
            </Link>
            <button
              type="button"
              disabled={form.pending}
              onClick={() => mark(a, true)}
              className={buttonVariants({ variant: "secondary", size: "xs", className: "ml-auto" })}
            >
              {t("actionDone")}
            </button>
          </li>
        ))}
      </ul>
      {done && (
        <p role="status" className="mt-2 flex items-center gap-2 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("actionDoneToast", { title: done.title })}
          <button type="button" onClick={() => mark(done, false)} className="ml-auto font-medium underline">
            {t("actionUndo")}
          </button>
        </p>
      )}
    </Card>
  );
}
