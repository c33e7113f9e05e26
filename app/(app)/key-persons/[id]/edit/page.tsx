import { getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { getKeyPerson } from "@/lib/key-persons/queries";
import { departmentOptions, memberOptions } from "@/lib/team/options";
import { KeyPersonForm } from "../../_components/key-person-form";

export default async function EditKeyPersonPage({ params }: PageProps<"/key-persons/[id]/edit">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.write");
  const { id } = await params;
  const person = await orPageError(getKeyPerson(ctx, id));
  const t = await getTranslations("keyPersons");
  const [departments, members, boss] = await Promise.all([
    departmentOptions(ctx),
    memberOptions(ctx),
    person.reportsToId
      ? ctx.db.keyPerson.findFirst({ where: { id: person.reportsToId, teamId: ctx.teamId }, select: { id: true, name: true } })
      : null,
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">
        {t("edit")}: {person.name}
      </h1>
      <KeyPersonForm
        departments={departments}
        members={members}
        boss={boss}
        initial={{ ...person, ownerId: person.ownerId ?? ctx.userId }}
      />
    </div>
  );
}
