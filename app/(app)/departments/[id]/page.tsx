import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { can } from "@/lib/auth/permissions";
import { tokyoDay } from "@/lib/dates";
import { getDepartment } from "@/lib/departments/queries";
import { departmentOptions } from "@/lib/team/options";
import { ArchiveDepartment } from "../_components/archive-department";
import { DepartmentForm } from "../_components/department-form";
import { PressureForm } from "../_components/pressure-form";
import { buttonVariants } from "@/components/ui/button";

export default async function DepartmentPage({ params }: PageProps<"/departments/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "departments.read");
  const { id } = await params;
  const d = await orPageError(getDepartment(ctx, id));
  const t = await getTranslations();
  const f = await getFormatter();
  const [notes, parents] = await Promise.all([
    ctx.db.departmentNote.findMany({
      where: { teamId: ctx.teamId, departmentId: id },
      orderBy: { notedOn: "desc" },
      take: 20,
      select: { id: true, kind: true, body: true, notedOn: true, author: { select: { name: true } } },
    }),
    departmentOptions(ctx),
  ]);
  const writable = can(ctx.role, "departments.write");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-sm text-stone-500">{d.label}</p>
          <h1 className="flex items-center gap-2 text-2xl font-bold">
            {d.name}
            {d.archivedAt && <Badge>{t("departments.archivedBadge")}</Badge>}
          </h1>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/departments/${d.id}/briefing`} className={buttonVariants({ size: "sm" })}>
            {t("departments.briefing")}
          </Link>
          <Link href={`/key-persons?departmentId=${d.id}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("departments.people")}
          </Link>
          {writable && <ArchiveDepartment id={d.id} name={d.name} archived={!!d.archivedAt} />}
        </div>
      </div>
      <Card title={t("departments.pressures")}>
        {writable && (
          <div className="mb-4">
            <PressureForm departmentId={d.id} today={tokyoDay()} />
          </div>
        )}
        {notes.length === 0 ? (
          <EmptyState>{t("departments.pressuresEmpty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm">
            {notes.map((n) => (
              <li key={n.id} className="py-2">
                <Badge tone="amber">{t(`pressureKinds.${n.kind}`)}</Badge>{" "}
                <span className="text-xs text-stone-500">
                  {f.dateTime(n.notedOn, "short")} · {n.author.name}
                </span>
                <p className="mt-1">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {writable && (
        <Card title={t("departments.edit")}>
          <DepartmentForm parents={parents} initial={d} />
        </Card>
      )}
    </div>
  );
}
