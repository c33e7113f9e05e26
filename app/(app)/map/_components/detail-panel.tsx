"use client";
// The clicked person: stance, last contact, her give/ask balance with the map's nurse, the
// relationship strength, a suggested next step, quick links, and typed links to add or remove.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { StanceBadge } from "@/components/ui/stance-badge";
import { useActionForm } from "@/components/ui/use-action-form";
import { LINK_TYPES } from "@/lib/map/link-types";
import type { MapData, MapPerson } from "@/lib/map/types";
import { addLinkAction, deleteLinkAction } from "../actions";
import { DAY_MS } from "@/lib/dates";
import { Input, Select } from "@/components/ui/control";

function nextStep(p: MapPerson, noContactDays: number): string {
  if (p.asks > p.gives) return "nextGive";
  const last = p.lastByNurseAt ? new Date(p.lastByNurseAt).getTime() : 0;
  if (!last || Date.now() - last > noContactDays * DAY_MS) return "nextContact";
  if ((p.stance === "COOPERATIVE" || p.stance === "CHAMPION") && p.gives >= p.asks) return "nextAsk";
  return "nextGive";
}

function useDetailPanelState({
  person: p,
  data,
  labels,
  editable,
  pendingLink,
  onClose,
  onFocus,
}: {
  person: MapPerson;
  data: MapData;
  labels: Map<string, string>;
  editable: boolean;
  pendingLink: string | null;
  onClose: () => void;
  onFocus: (id: string) => void;
}) {
  const t = useTranslations();
  const f = useFormatter();
  const router = useRouter();
  const form = useActionForm();
  const [toId, setToId] = useState(pendingLink ?? "");
  const [type, setType] = useState<(typeof LINK_TYPES)[number]>("INFLUENCES");
  const [note, setNote] = useState("");
  const names = new Map(data.people.map((x) => [x.id, x.name]));
  const mine = data.links.filter((l) => l.fromId === p.id || l.toId === p.id);
  const band = t(`map.strength${p.band[0].toUpperCase()}${p.band.slice(1)}`);
  return {
    p,
    data,
    labels,
    editable,
    pendingLink,
    onClose,
    onFocus,
    t,
    f,
    router,
    form,
    names,
    mine,
    band,
    toId,
    setToId,
    type,
    setType,
    note,
    setNote,
  };
}
type DetailPanelState = ReturnType<typeof useDetailPanelState>;

export function DetailPanel(props: {
  person: MapPerson;
  data: MapData;
  labels: Map<string, string>;
  editable: boolean;
  pendingLink: string | null;
  onClose: () => void;
  onFocus: (id: string) => void;
}) {
  const s = useDetailPanelState(props);
  const { p, data, labels, editable, onClose, onFocus, t, f, router, form, names, mine, band } = s;
  return (
    <section className="rounded-lg border-2 border-stone-800 bg-white p-3" aria-labelledby="detail-title" data-testid="detail-panel">
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 id="detail-title" className="text-base font-bold">
            {p.name}
          </h2>
          <p className="text-xs text-stone-600">
            {p.title}
            {p.departmentId ? ` · ${labels.get(p.departmentId) ?? ""}` : ""}
          </p>
        </div>
        <button type="button" onClick={onClose} className="rounded p-1 text-stone-500 hover:bg-stone-100" aria-label={t("map.close")}>
          ✕
        </button>
      </div>
      <dl className="mt-2 grid grid-cols-[6.5rem_1fr] gap-x-2 gap-y-1 text-sm [&>dt]:text-xs">
        <dt className="text-stone-500">{t("map.stance")}</dt>
        <dd>
          <StanceBadge stance={p.stance} />
        </dd>
        <dt className="text-stone-500">{t("map.influence")}</dt>
        <dd>
          {p.influence} / 5 · {t("map.interest")} {p.interest} / 5
        </dd>
        <dt className="text-stone-500">{t("map.lastContact")}</dt>
        <dd>{p.lastContactAt ? f.dateTime(new Date(p.lastContactAt), "short") : t("map.never")}</dd>
        <dt className="text-stone-500">{t("map.balance")}</dt>
        <dd>{t("map.balanceValue", { gives: p.gives, asks: p.asks, thanks: p.thanks })}</dd>
        <dt className="text-stone-500">{t("map.strength")}</dt>
        <dd>{t("map.strengthValue", { value: p.strength, band })}</dd>
        <dt className="text-stone-500">{t("map.nextStep")}</dt>
        <dd className="font-medium text-brand-700">{t(`map.${nextStep(p, data.noContactDays)}`)}</dd>
      </dl>
      <div className="mt-3 flex flex-wrap gap-2">
        <Link href={`/touchpoints/new?keyPersonId=${p.id}`} className={buttonVariants({ size: "compact" })}>
          {t("map.logTouchpoint")}
        </Link>
        <Link href={`/key-persons/${p.id}`} className={buttonVariants({ variant: "secondary", size: "compact" })}>
          {t("map.openPerson")}
        </Link>
      </div>
      <h3 className="mt-3 text-sm font-semibold">{t("map.links")}</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {mine.map((l) => (
          <li key={l.id} className="flex items-center gap-2">
            <button
              type="button"
              className="truncate text-left underline decoration-stone-300"
              onClick={() => onFocus(l.fromId === p.id ? l.toId : l.fromId)}
            >
              {l.fromId === p.id ? `→ ${names.get(l.toId)}` : `← ${names.get(l.fromId)}`}
            </button>
            <span className="shrink-0 text-xs text-stone-600">{t(`linkTypes.${l.type}`)}</span>
            {editable && (
              <button
                type="button"
                className="ml-auto shrink-0 text-xs text-red-700 underline"
                onClick={() =>
                  window.confirm(t("map.linkDeleteConfirm")) &&
                  form.run(() => deleteLinkAction({ id: l.id }), { text: t("map.linkDeleted"), then: () => router.refresh() })
                }
              >
                {t("map.linkDelete")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <LinkEditor s={s} />
    </section>
  );
}

function LinkEditor({ s }: { s: DetailPanelState }) {
  const { p, data, editable, t, router, form, toId, setToId, type, setType, note, setNote } = s;
  return (
    <>
      {editable && (
        <form
          className="mt-2 space-y-2 border-t border-stone-100 pt-2"
          onSubmit={(e) => {
            e.preventDefault();
            form.run(() => addLinkAction({ fromId: p.id, toId, type, note }), {
              text: t("map.linkAdded"),
              then: () => {
                setNote("");
                router.refresh();
              },
            });
          }}
        >
          <h3 className="text-sm font-semibold">{t("map.addLink")}</h3>
          <label className="block text-xs font-medium text-stone-600">
            {t("map.linkTo")}
            <Select
              value={toId}
              onChange={(e) => setToId(e.target.value)}
              size="sm"
              className="mt-0.5 w-full"
              aria-invalid={Boolean(form.errors.toId)}
            >
              <option value="">—</option>
              {data.people
                .filter((x) => x.id !== p.id)
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                    {x.title ? `（${x.title}）` : ""}
                  </option>
                ))}
            </Select>
          </label>
          {form.errors.toId && <p className="text-xs text-red-700">{t(`validation.${form.errors.toId[0]}`)}</p>}
          <label className="block text-xs font-medium text-stone-600">
            {t("map.linkType")}
            <Select value={type} onChange={(e) => setType(e.target.value as typeof type)} size="sm" className="mt-0.5 w-full">
              {LINK_TYPES.map((lt) => (
                <option key={lt} value={lt}>
                  {t(`linkTypes.${lt}`)}
                </option>
              ))}
            </Select>
          </label>
          <label className="block text-xs font-medium text-stone-600">
            {t("map.linkNote")}
            <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} size="sm" className="mt-0.5 w-full" />
          </label>
          {form.errors.note && <p className="text-xs text-red-700">{t(`validation.${form.errors.note[0]}`)}</p>}
          <Button type="submit" disabled={form.pending || !toId} variant="secondary" className="w-full">
            {t("map.linkSave")}
          </Button>
          {form.message && (
            <p role="status" className={`text-xs ${form.message.tone === "red" ? "text-red-700" : "text-green-700"}`}>
              {form.message.text}
            </p>
          )}
        </form>
      )}
    </>
  );
}
