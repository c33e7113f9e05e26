"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/card";
import { removeTouchpoint, restoreTouchpoint } from "../actions";
import { TEXT_LINK } from "@/components/ui/link-style";

export type TouchpointView = {
  id: string;
  type: string;
  occurredAt: string;
  summary: string;
  principles: string[];
  followUpDueOn: string | null;
  followUpDoneAt?: string | null;
  nurseName: string;
  people?: { id: string; name: string }[];
  editable: boolean;
};

const TONE: Record<string, "green" | "amber" | "blue" | "stone"> = { GIVE: "green", ASK: "amber", THANKS: "blue" };

/** One touchpoint with edit and delete; a delete can be undone from the same place. */
export function TouchpointItem({ tp }: { tp: TouchpointView }) {
  const t = useTranslations();
  const f = useFormatter();
  const router = useRouter();
  const [deleted, setDeleted] = useState(false);
  const [pending, start] = useTransition();

  if (deleted) {
    return (
      <li className="flex items-center justify-between gap-2 bg-stone-50 px-3 py-2 text-sm" role="status">
        <span>{t("touchpoints.deleted")}</span>
        <button
          type="button"
          className="font-medium text-brand-700 underline"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await restoreTouchpoint({ id: tp.id });
              if (r.ok) {
                setDeleted(false);
                router.refresh();
              }
            })
          }
        >
          {t("touchpoints.undo")}
        </button>
      </li>
    );
  }
  return (
    <li className="px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={TONE[tp.type] ?? "stone"}>{t(`touchpointTypes.${tp.type}`)}</Badge>
        <span className="text-xs text-stone-500">{f.dateTime(new Date(tp.occurredAt), "short")}</span>
        {tp.people?.map((p) => (
          <Link key={p.id} href={`/key-persons/${p.id}`} className={`font-medium ${TEXT_LINK}`}>
            {p.name}
          </Link>
        ))}
        <span className="text-xs text-stone-500">{t("keyPersons.by", { name: tp.nurseName })}</span>
        {tp.editable && (
          <span className="ml-auto flex gap-3 text-xs">
            <Link href={`/touchpoints/${tp.id}/edit`} className={TEXT_LINK}>
              {t("keyPersons.edit")}
            </Link>
            <button
              type="button"
              className="text-red-700 hover:underline"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await removeTouchpoint({ id: tp.id });
                  if (r.ok) setDeleted(true);
                })
              }
            >
              {t("touchpoints.delete")}
            </button>
          </span>
        )}
      </div>
      {tp.summary && <p className="mt-1 whitespace-pre-wrap text-stone-700">{tp.summary}</p>}
      <div className="mt-1 flex flex-wrap gap-2 text-xs text-stone-500">
        {tp.principles.map((p) => (
          <span key={p}>#{t(`principles.${p}`)}</span>
        ))}
        {tp.followUpDueOn &&
          (tp.followUpDoneAt ? (
            <span>{t("keyPersons.followUpDone")}</span>
          ) : (
            <span>{t("keyPersons.followUpDue", { date: f.dateTime(new Date(tp.followUpDueOn), "short") })}</span>
          ))}
      </div>
    </li>
  );
}
