import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { menteesOf } from "@/lib/map/access";
import { layoutMap } from "@/lib/map/layout";
import { loadMap } from "@/lib/map/queries";
import type { MapScope } from "@/lib/map/types";
import { departmentOptions } from "@/lib/team/options";
import { PERSON_FIELDS, positionColumns, toColumns } from "@/lib/map/wire";
import { MapView } from "./_components/map-view";
import { ScopeBar } from "./_components/scope-bar";
import { can } from "@/lib/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("map"))("title") };
}

const querySchema = z.object({
  scope: z.enum(["mine", "department", "team", "mentee"]).catch("mine"),
  department: z.string().max(64).optional().catch(undefined),
  mentee: z.string().max(64).optional().catch(undefined),
});

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function MapPage({ searchParams }: { searchParams: Search }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const t = await getTranslations("map");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const q = querySchema.parse(raw);
  const scope: MapScope =
    q.scope === "department" && q.department
      ? { kind: "department", departmentId: q.department }
      : q.scope === "mentee" && q.mentee
        ? { kind: "mentee", userId: q.mentee }
        : q.scope === "team"
          ? { kind: "team" }
          : { kind: "mine" };
  const [data, departments, mentees] = await Promise.all([
    orPageError(loadMap(ctx, scope)),
    departmentOptions(ctx),
    can(ctx.role, "reviews.write") ? menteesOf(ctx) : [],
  ]);
  const { positions, boxes, nurse } = layoutMap(data.people, data.departments);
  const { people, ...withoutPeople } = data;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("subtitle")}</p>
      </div>
      <ScopeBar scope={q.scope} department={q.department} mentee={q.mentee} departments={departments} mentees={mentees} />
      {data.people.length < data.total && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("truncated", { total: data.total, shown: data.people.length })}
        </p>
      )}
      <MapView
        data={withoutPeople}
        people={toColumns(people, PERSON_FIELDS)}
        positions={positionColumns(positions)}
        boxes={boxes}
        nursePosition={nurse}
        editable={scope.kind !== "mentee"}
        viewerIsNurse={scope.kind !== "mentee"}
      />
    </div>
  );
}
