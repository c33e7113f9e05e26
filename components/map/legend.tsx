"use client";
import { useTranslations } from "next-intl";
import { BAND_STROKE, LINK_STYLE, REPORTS_STROKE, STANCE_STYLE } from "./styles";

function Line({ stroke, dash, arrow }: { stroke: string; dash?: string; arrow?: boolean }) {
  return (
    <svg width="36" height="10" aria-hidden className="shrink-0">
      <line x1="1" y1="5" x2={arrow ? 29 : 35} y2="5" stroke={stroke} strokeWidth="2" strokeDasharray={dash} />
      {arrow && <path d="M29 1 L35 5 L29 9 z" fill={stroke} />}
    </svg>
  );
}

export function Legend() {
  const t = useTranslations();
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-3 text-xs text-stone-700">
      <h2 className="mb-2 text-sm font-semibold text-stone-900">{t("map.legend")}</h2>
      <ul className="grid grid-cols-2 gap-1">
        {Object.entries(STANCE_STYLE).map(([stance, s]) => (
          <li key={stance} className="flex items-center gap-1">
            <span className="inline-block h-3 w-4 rounded-sm border-2" style={{ background: s.bg, borderColor: s.border }} aria-hidden />
            {t(`stances.${stance}`)}
          </li>
        ))}
      </ul>
      <ul className="mt-2 space-y-1">
        <li className="flex items-center gap-2">
          <Line stroke={REPORTS_STROKE} />
          {t("map.legendReports")}
        </li>
        {Object.entries(LINK_STYLE).map(([type, s]) => (
          <li key={type} className="flex items-center gap-2">
            <Line stroke={s.stroke} dash={s.dash} arrow={s.arrow} />
            {t(`linkTypes.${type}`)}
          </li>
        ))}
      </ul>
      <p className="mt-2 font-medium">{t("map.legendStrength")}</p>
      <ul className="mt-1 grid grid-cols-2 gap-1">
        {(["good", "fair", "poor", "none"] as const).map((b) => (
          <li key={b} className="flex items-center gap-1">
            <Line stroke={BAND_STROKE[b]} />
            {t(`map.strength${b[0].toUpperCase()}${b.slice(1)}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
