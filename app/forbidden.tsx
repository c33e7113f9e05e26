import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-lg space-y-3 px-4 py-16 text-center">
      <h1 className="text-xl font-bold">{t("errors.forbiddenTitle")}</h1>
      <p className="text-stone-600">{t("errors.forbiddenDescription")}</p>
      <Link href="/" className={buttonVariants()}>
        {t("common.backHome")}
      </Link>
    </div>
  );
}
