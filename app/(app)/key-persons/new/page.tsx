import { getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { departmentOptions, memberOptions } from "@/lib/team/options";
import { KeyPersonForm } from "../_components/key-person-form";

export default async function NewKeyPersonPage({ searchParams }: { searchParams: Promise<{ departmentId?: string }> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.write");
  const t = await getTranslations("keyPersons");
  const { departmentId } = await searchParams;
  const [departments, members] = await Promise.all([departmentOptions(ctx), memberOptions(ctx)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("new")}</h1>
      <KeyPersonForm
        departments={departments}
        members={members}
        boss={null}
        initial={{
          name: "",
          nameKana: "",
          title: "",
          departmentId: departments.some((d) => d.id === departmentId) ? departmentId! : null,
          kind: "LINE_MANAGER",
          reportsToId: null,
          ownerId: ctx.userId,
          stance: "NEUTRAL",
          influence: 3,
          interest: 3,
          resistanceReason: null,
          painPoints: "",
          values: [],
          bestTiming: "",
          preferredChannel: null,
          tags: [],
          notes: "",
          externalId: null,
        }}
      />
    </div>
  );
}
