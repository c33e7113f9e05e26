import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { getKeyPerson } from "@/lib/key-persons/queries";
import { bossOptions, departmentOptions, memberOptions } from "@/lib/team/options";
import { KeyPersonForm } from "../../_components/key-person-form";

export default async function EditKeyPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.write");
  const { id } = await params;
  const person = await getKeyPerson(ctx, id).catch((e) => {
    if (e instanceof AppError && e.code === "notFound") notFound();
    throw e;
  });
  const t = await getTranslations("keyPersons");
  const [departments, members, bosses] = await Promise.all([departmentOptions(ctx), memberOptions(ctx), bossOptions(ctx, person.reportsToId)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("edit")}: {person.name}</h1>
      <KeyPersonForm departments={departments} members={members} bosses={bosses} initial={{ ...person, ownerId: person.ownerId ?? ctx.userId }} />
    </div>
  );
}
