import { getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { tokyoDay } from "@/lib/dates";
import { keepable } from "@/lib/requests/commitments";
import { linkOptions } from "@/lib/touchpoints/links";
import { TOUCHPOINT_TYPES } from "@/lib/touchpoints/schemas";
import { TouchpointForm } from "../_components/touchpoint-form";

export default async function NewTouchpointPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "touchpoints.write");
  const sp = await searchParams;
  const t = await getTranslations("touchpoints");
  const person = sp.keyPersonId
    ? await ctx.db.keyPerson.findFirst({ where: { id: sp.keyPersonId, teamId: ctx.teamId }, select: { id: true, name: true } })
    : null;
  const type = TOUCHPOINT_TYPES.find((x) => x === sp.type) ?? "GIVE";
  // Logged from a promise's reminder: this give keeps it (only her own open one).
  const keeps = sp.keeps ? await keepable(ctx, sp.keeps) : null;
  const today = tokyoDay();
  const links = await linkOptions(ctx);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <TouchpointForm
        initial={{
          type,
          occurredOn: today,
          people: person ? [person] : [],
          summary: keeps?.what ?? "",
          principles: [],
          followUpDueOn: "",
          caseId: "",
          initiativeId: "",
        }}
        clearsFollowUpId={sp.clears}
        keeps={keeps ?? undefined}
        returnTo={person ? `/key-persons/${person.id}` : "/"}
        today={today}
        {...links}
      />
    </div>
  );
}
