// Correcting a saved request: a draft, or one already sent (the change is kept as a new version; what
// was sent stays as sent).
// Answered requests are history: their status can be taken back, their text not rewritten.
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { isoDayOf } from "@/lib/dates";
import { getRequest, listTemplates } from "@/lib/requests/queries";
import { RequestComposer } from "../../_components/request-composer";
import { canChange } from "@/lib/auth/permissions";

export default async function EditRequestPage({ params }: PageProps<"/requests/[id]/edit">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "requests.write");
  const { id } = await params;
  const r = await orPageError(getRequest(ctx, id));
  // Someone else's request, or one already answered: nothing to edit here.
  if (!canChange(ctx, r, "requests.editAny") || (r.status !== "DRAFT" && r.status !== "SENT")) notFound();
  const t = await getTranslations("requests");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
      <RequestComposer
        person={{ id: r.keyPerson.id, name: r.keyPerson.name }}
        templates={await listTemplates(ctx)}
        nurseName={r.nurse.name}
        existing={{
          id: r.id,
          version: r.version,
          status: r.status,
          caseId: r.caseId,
          initiativeId: r.initiativeId,
          values: {
            what: r.what,
            doer: r.doer,
            dueOn: isoDayOf(r.dueOn),
            effortMinutes: r.effortMinutes?.toString() ?? "",
            frequency: r.frequency,
            benefit: r.benefit,
            reason: r.reason,
            nurseSupport: r.nurseSupport,
            fallbackWhat: r.fallbackWhat,
            fallbackMinutes: r.fallbackMinutes?.toString() ?? "",
            principles: r.principles,
            templateId: r.templateId ?? "",
          },
        }}
      />
    </div>
  );
}
