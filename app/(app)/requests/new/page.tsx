import { getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { listTemplates } from "@/lib/requests/queries";
import { RequestComposer } from "../_components/request-composer";

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ keyPersonId?: string }> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "requests.write");
  const { keyPersonId } = await searchParams;
  const t = await getTranslations("requests");
  const person = keyPersonId
    ? await ctx.db.keyPerson.findFirst({ where: { id: keyPersonId, teamId: ctx.teamId }, select: { id: true, name: true } })
    : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <RequestComposer person={person} templates={await listTemplates(ctx)} nurseName={ctx.user.name} />
    </div>
  );
}
