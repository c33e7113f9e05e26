"use client";
// The power / interest grid: influence (rows, high at the top) × interest (columns), stance colours.
import { useTranslations } from "next-intl";
import { STANCE_STYLE } from "@/components/map/styles";
import type { MapPerson } from "@/lib/map/types";

const SHOWN = 12;

export function GridView({
  people,
  onSelect,
  selectedId,
}: {
  people: MapPerson[];
  onSelect: (id: string) => void;
  selectedId: string | null;
}) {
  const t = useTranslations("map");
  const cell = (influence: number, interest: number) => people.filter((p) => p.influence === influence && p.interest === interest);
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-2 sm:p-3" aria-labelledby="grid-title">
      <h2 id="grid-title" className="mb-2 text-sm font-semibold">
        {t("gridTitle")}
      </h2>
      {/* All five columns fit the box at any width (names shorten, with the full name on hover and to screen readers). */}
      <div className="grid grid-cols-[1.25rem_repeat(5,minmax(0,1fr))] gap-0.5 sm:grid-cols-[2rem_repeat(5,minmax(0,1fr))] sm:gap-1">
        {[5, 4, 3, 2, 1].map((inf) => (
          <div key={inf} className="contents">
            <div className="flex items-center justify-center text-xs font-medium text-stone-600">{inf}</div>
            {[1, 2, 3, 4, 5].map((int) => {
              const xs = cell(inf, int);
              return (
                <div
                  key={int}
                  className={`min-h-20 min-w-0 rounded border p-0.5 sm:p-1 ${inf >= 4 && int >= 4 ? "border-brand-300 bg-brand-50" : "border-stone-200 bg-stone-50"}`}
                  aria-label={t("gridCell", { influence: inf, interest: int, count: xs.length })}
                  role="group"
                >
                  <div className="flex flex-wrap gap-1">
                    {xs.slice(0, SHOWN).map((p) => (
                      <button
                        key={p.id}
                        type="button"
                        onClick={() => onSelect(p.id)}
                        aria-pressed={selectedId === p.id}
                        title={p.name}
                        className="max-w-full truncate rounded border-2 px-0.5 text-[11px] text-stone-900 sm:px-1 sm:text-xs"
                        style={{
                          background: STANCE_STYLE[p.stance].bg,
                          borderColor: selectedId === p.id ? "#1c1917" : STANCE_STYLE[p.stance].border,
                        }}
                      >
                        {p.name}
                      </button>
                    ))}
                    {xs.length > SHOWN && <span className="text-xs text-stone-600">+{xs.length - SHOWN}</span>}
                  </div>
                </div>
              );
            })}
          </div>
        ))}
        <div />
        {[1, 2, 3, 4, 5].map((int) => (
          <div key={int} className="text-center text-xs font-medium text-stone-600">
            {int}
          </div>
        ))}
      </div>
      <div className="mt-1 flex justify-between text-xs text-stone-600">
        <span>↑ {t("gridInfluence")}</span>
        <span>{t("gridInterest")} →</span>
      </div>
    </section>
  );
}
