"use client";
// Beside every free-text field about people: what is written there is handed to the person if they
// ask for disclosure (開示), so it is written to be read by them.
import { useTranslations } from "next-intl";

export function DisclosedHint({ id }: { id: string }) {
  const t = useTranslations("outward");
  return (
    <p id={id} className="text-xs font-normal text-stone-500" data-testid="disclosed-hint">
      {t("freeTextHint")}
    </p>
  );
}
