import { getTranslations } from "next-intl/server";

/** The loading state of a page segment: a title bar and a few card-shaped blocks. */
export async function PageSkeleton() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-48 animate-pulse rounded bg-stone-200" />
      <div className="h-32 animate-pulse rounded-lg bg-stone-200" />
      <div className="grid gap-4 md:grid-cols-2">
        <div className="h-40 animate-pulse rounded-lg bg-stone-200" />
        <div className="h-40 animate-pulse rounded-lg bg-stone-200" />
      </div>
    </div>
  );
}
