import { getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { tokyoDay } from "@/lib/dates";
import { linkOptions } from "@/lib/touchpoints/links";
import { getTouchpointForEdit } from "@/lib/touchpoints/queries";
import { TouchpointForm } from "../../_components/touchpoint-form";

export default async function EditTouchpointPage({ params }: PageProps<"/touchpoints/[id]/edit">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "touchpoints.write");
  const { id } = await params;
  const tp = await orPageError(getTouchpointForEdit(ctx, id));
  const t = await getTranslations("touchpoints");
  const people = tp.participants.map((p) => p.keyPerson);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("edit")}</h1>
      <TouchpointForm
        initial={{
          id: tp.id,
          version: tp.version,
          type: tp.type,
          occurredOn: tokyoDay(tp.occurredAt),
          people,
          summary: tp.summary,
          principles: tp.principles,
          followUpDueOn: tp.followUpDueOn ? tp.followUpDueOn.toISOString().slice(0, 10) : "",
          caseId: tp.caseId ?? "",
          initiativeId: tp.initiativeId ?? "",
        }}
        returnTo={people[0] ? `/key-persons/${people[0].id}` : "/touchpoints"}
        today={tokyoDay()}
        {...await linkOptions(ctx)}
      />
    </div>
  );
}
