"use client";
// The chosen items of a multi-choice field as removable chips, between its label and its search box.
import { useTranslations } from "next-intl";

export type ChipItem = { id: string; name: string; title?: string };

export function Chips({ items, onRemove }: { items: ChipItem[]; onRemove: (id: string) => void }) {
  const t = useTranslations();
  if (items.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t("common.selected")} aria-live="polite">
      {items.map((item) => (
        <li
          key={item.id}
          className="text-brand-800 flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-3 text-sm"
          title={item.title}
        >
          {item.name}
          <button
            type="button"
            className="rounded-full px-1.5 hover:bg-brand-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
            aria-label={`${t("touchpoints.remove")}: ${item.name}`}
            onClick={() => onRemove(item.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
