"use client";
// People with no reporting line (no boss and nobody reporting to them), beside the map, with a
// quick way to set the boss: any of the team's people, found by name as on the person's own form.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import type { MapPerson } from "@/lib/map/types";
import { setBossAction } from "../actions";
import { buttonVariants } from "@/components/ui/button";
import dynamic from "next/dynamic";

// The search (and the query library under it) loads when a row is opened, not with the map.
const PersonPicker = dynamic(() => import("@/components/person-picker").then((m) => m.PersonPicker), {
  ssr: false,
  loading: () => <Loading />,
});

function Loading() {
  const t = useTranslations();
  return <p className="text-xs text-stone-500">{t("common.loading")}</p>;
}

const SHOWN = 15;

function Row({ p, onFocus }: { p: MapPerson; onFocus: (id: string) => void }) {
  const t = useTranslations();
  const router = useRouter();
  const form = useActionForm();
  const [boss, setBoss] = useState<{ id: string; name: string } | null>(null);
  // The search is drawn for the row being set, not for every row.
  const [open, setOpen] = useState(false);
  return (
    <li className="space-y-1 border-b border-stone-100 pb-2">
      <div className="flex items-center justify-between gap-2">
        <button type="button" onClick={() => onFocus(p.id)} className="min-w-0 text-left text-sm underline decoration-stone-300">
          {p.name}
        </button>
        {!open && (
          <button type="button" onClick={() => setOpen(true)} className={buttonVariants({ variant: "secondary", size: "xs" })}>
            {t("map.assignBoss")}
          </button>
        )}
      </div>
      {open && (
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (boss) form.run(() => setBossAction({ id: p.id, reportsToId: boss.id }), { then: () => router.refresh() });
          }}
        >
          <PersonPicker label={t("map.bossOf", { name: p.name })} value={boss} onChange={setBoss} exclude={[p.id]} autoFocus />
          <div className="flex gap-1">
            <button type="submit" disabled={!boss || form.pending} className={buttonVariants({ variant: "secondary", size: "xs" })}>
              {t("map.assign")}
            </button>
            <button type="button" onClick={() => setOpen(false)} className={buttonVariants({ variant: "ghost", size: "xs" })}>
              {t("map.cancelAssign")}
            </button>
          </div>
        </form>
      )}
      {form.message?.tone === "red" && (
        <p className="text-xs text-red-700">
          {form.errors.reportsToId ? t(`validation.${form.errors.reportsToId[0]}`) : form.message.text}
        </p>
      )}
    </li>
  );
}

export function UnplacedPanel({ people, onFocus }: { people: MapPerson[]; onFocus: (id: string) => void }) {
  const t = useTranslations("map");
  const hasReports = new Set(people.flatMap((p) => (p.reportsToId ? [p.reportsToId] : [])));
  const unplaced = people.filter((p) => !p.reportsToId && !hasReports.has(p.id));
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-3" aria-labelledby="unplaced-title">
      <h2 id="unplaced-title" className="mb-2 text-sm font-semibold">
        {t("unplaced")} <span className="text-stone-500">({unplaced.length})</span>
      </h2>
      {unplaced.length === 0 ? (
        <p className="text-sm text-stone-500">{t("unplacedEmpty")}</p>
      ) : (
        <ul className="max-h-80 space-y-2 overflow-y-auto" data-testid="unplaced">
          {unplaced.slice(0, SHOWN).map((p) => (
            <Row key={p.id} p={p} onFocus={onFocus} />
          ))}
          {unplaced.length > SHOWN && <li className="text-xs text-stone-500">{t("more", { count: unplaced.length - SHOWN })}</li>}
        </ul>
      )}
    </section>
  );
}
