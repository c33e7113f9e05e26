// An unknown share token: 404, in the share page's own words (no hint of the team behind it).
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Shell } from "./shell";

export default async function ShareNotFound() {
  const t = await getTranslations();
  return (
    <Shell title={t("share.title")}>
      <Card>
        <h1 className="mb-2 text-lg font-bold">{t("share.unavailableTitle")}</h1>
        <p className="text-sm text-stone-700" data-testid="share-state">
          {t("share.states.unknown")}
        </p>
      </Card>
    </Shell>
  );
}
