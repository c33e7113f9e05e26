"use client";
import { useTranslations } from "next-intl";

const TONES: Record<string, string> = {
  UNCOOPERATIVE: "bg-red-100 text-red-800",
  INDIFFERENT: "bg-stone-200 text-stone-700",
  NEUTRAL: "bg-sky-100 text-sky-800",
  COOPERATIVE: "bg-brand-100 text-brand-700",
  CHAMPION: "bg-amber-100 text-amber-900",
};

export function StanceBadge({ stance }: { stance: string }) {
  const t = useTranslations("stances");
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[stance] ?? TONES.NEUTRAL}`}
    >
      {t(stance)}
    </span>
  );
}
