import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-lg space-y-3 px-4 py-16 text-center">
      <h1 className="text-xl font-bold">{t("errors.notFoundTitle")}</h1>
      <p className="text-stone-600">{t("errors.notFoundDescription")}</p>
      {/* A plain link, not next/link: this page is in every page's RSC data (the boundary behind
          notFound() and forbidden()), and a next/link there made pages load next/link in a chunk of its
          own beside the copy their own scripts carry (docs/performance.md). Home is a fresh load anyway. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/" className={buttonVariants()}>
        {t("common.backHome")}
      </a>
    </div>
  );
}
