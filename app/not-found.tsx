import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-lg space-y-3 px-4 py-16 text-center">
      <h1 className="text-xl font-bold">{t("errors.notFoundTitle")}</h1>
      <p className="text-stone-600">{t("errors.notFoundDescription")}</p>
      <Link href="/" className="inline-block rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        {t("common.backHome")}
      </Link>
    </div>
  );
}
