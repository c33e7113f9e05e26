"use client";
// Gaps, each with the action that closes it, and each department's red / amber / green status.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { STATUS_STYLE } from "@/components/map/styles";
import type { Gap, MapData } from "@/lib/map/types";

const SHOWN = 50;

export function gapAction(g: Gap): string {
  switch (g.kind) {
    case "noAlly":
      return `/key-persons?departmentId=${g.departmentId}`;
    case "unknownBoss":
      return `/key-persons/${g.personId}/edit`;
    case "quietAlly":
      return `/touchpoints/new?keyPersonId=${g.personId}`;
    case "askNoGive":
      return `/touchpoints/new?keyPersonId=${g.personId}&type=GIVE`;
  }
}

export function GapsPanel({ data, labels, onFocus }: { data: MapData; labels: Map<string, string>; onFocus: (id: string) => void }) {
  const t = useTranslations("map");
  const names = new Map(data.people.map((p) => [p.id, p.name]));
  const text = (g: Gap) => {
    switch (g.kind) {
      case "noAlly":
        return t("gapNoAlly", { department: labels.get(g.departmentId) ?? "" });
      case "unknownBoss":
        return t("gapUnknownBoss", { name: names.get(g.personId) ?? "" });
      case "quietAlly":
        return g.days === null
          ? t("gapQuietAllyNever", { name: names.get(g.personId) ?? "" })
          : t("gapQuietAlly", { name: names.get(g.personId) ?? "", days: g.days });
      case "askNoGive":
        return t("gapAskNoGive", { name: names.get(g.personId) ?? "", asks: g.asks });
    }
  };
  const act = { noAlly: "actNoAlly", unknownBoss: "actUnknownBoss", quietAlly: "actQuietAlly", askNoGive: "actAskNoGive" } as const;
  return (
    <>
      <section className="rounded-lg border border-stone-200 bg-white p-3" aria-labelledby="gaps-title">
        <h2 id="gaps-title" className="mb-2 text-sm font-semibold">
          {t("gaps")} <span className="text-stone-500">({data.gaps.length})</span>
        </h2>
        {data.gaps.length === 0 ? (
          <p className="text-sm text-stone-500">{t("gapsEmpty")}</p>
        ) : (
          <ul className="max-h-80 space-y-2 overflow-y-auto text-sm" data-testid="gaps">
            {data.gaps.slice(0, SHOWN).map((g) => (
              <li
                key={`${g.kind}:${"personId" in g ? g.personId : g.departmentId}`}
                className="flex flex-wrap items-center gap-x-2 border-b border-stone-100 pb-1"
              >
                {"personId" in g ? (
                  <button
                    type="button"
                    onClick={() => onFocus(g.personId)}
                    className="text-left underline decoration-stone-300 hover:decoration-stone-700"
                  >
                    {text(g)}
                  </button>
                ) : (
                  <span className="text-red-800">{text(g)}</span>
                )}
                <Link href={gapAction(g)} className="ml-auto text-xs font-medium text-brand-700 underline">
                  {t(act[g.kind])}
                </Link>
              </li>
            ))}
            {data.gaps.length > SHOWN && <li className="text-xs text-stone-500">{t("more", { count: data.gaps.length - SHOWN })}</li>}
          </ul>
        )}
      </section>
      <section className="rounded-lg border border-stone-200 bg-white p-3" aria-labelledby="status-title">
        <h2 id="status-title" className="mb-2 text-sm font-semibold">
          {t("statuses")}
        </h2>
        <ul className="max-h-64 space-y-1 overflow-y-auto text-sm">
          {data.statuses.map((s) => (
            <li key={s.departmentId} className="flex items-center gap-2">
              <span className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${STATUS_STYLE[s.status]}`} aria-hidden />
              <span className="truncate">{labels.get(s.departmentId)}</span>
              <span className="sr-only">
                {t(s.status === "green" ? "statusGreen" : s.status === "amber" ? "statusAmber" : "statusRed")}
              </span>
              <span className="ml-auto shrink-0 text-xs text-stone-500">{t("allies", { allies: s.allies, people: s.people })}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
