// Previous / "n / m" / next for a server-rendered list whose page lives in the URL. One look and one
// set of words for every paged list (touchpoints, requests, the audit log).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TEXT_LINK } from "./link-style";

export async function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations();
  return (
    <nav className="mt-3 flex items-center justify-between text-sm" aria-label={t("common.pagination")}>
      {page > 1 ? (
        <Link href={href(page - 1)} className={TEXT_LINK} rel="prev">
          {t("keyPersons.prevPage")}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t("keyPersons.page", { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className={TEXT_LINK} rel="next">
          {t("keyPersons.nextPage")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
