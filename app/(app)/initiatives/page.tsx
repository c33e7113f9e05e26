import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { listInitiatives } from "@/lib/initiatives/initiatives";
import { INITIATIVE_KINDS, STAGES, type Stage } from "@/lib/initiatives/schemas";
import { departmentOptions } from "@/lib/team/options";
import { Board } from "./_components/board";
import { TEXT_LINK } from "@/components/ui/link-style";
import { buttonVariants } from "@/components/ui/button";
import { Select } from "@/components/ui/control";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("initiatives"))("title") };
}

const filterSchema = z.object({
  view: z.enum(["board", "list"]).catch("board").default("board"),
  stage: z.enum(STAGES).optional().catch(undefined),
  kind: z.enum(INITIATIVE_KINDS).optional().catch(undefined),
  departmentId: z.string().min(1).optional().catch(undefined),
});

export default async function InitiativesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const f = filterSchema.parse(await searchParams);
  const t = await getTranslations();
  const fmt = await getFormatter();
  const [items, departments] = await Promise.all([listInitiatives(ctx, f.view === "list" ? f : {}), departmentOptions(ctx)]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("initiatives.title")}</h1>
        <div className="flex gap-2 text-sm">
          <Link
            href="/initiatives?view=board"
            aria-current={f.view === "board" ? "page" : undefined}
            className={`rounded-md px-3 py-2 ${f.view === "board" ? "bg-stone-800 text-white" : "border border-stone-300 bg-white"}`}
          >
            {t("initiatives.board")}
          </Link>
          <Link
            href="/initiatives?view=list"
            aria-current={f.view === "list" ? "page" : undefined}
            className={`rounded-md px-3 py-2 ${f.view === "list" ? "bg-stone-800 text-white" : "border border-stone-300 bg-white"}`}
          >
            {t("initiatives.list")}
          </Link>
          <Link href="/initiatives/new" className={buttonVariants({ size: "sm" })}>
            {t("initiatives.new")}
          </Link>
        </div>
      </div>
      {items.length === 0 && f.view === "board" ? (
        <EmptyState>{t("initiatives.empty")}</EmptyState>
      ) : f.view === "board" ? (
        <Board
          cards={items.map((i) => ({
            id: i.id,
            title: i.title,
            kind: i.kind,
            stage: i.stage as Stage,
            version: i.version,
            owners: i.owners.map((o) => o.user.name).join("、"),
            results: i._count.results,
          }))}
        />
      ) : (
        <>
          <form className="flex flex-wrap items-end gap-2" action="/initiatives">
            <input type="hidden" name="view" value="list" />
            <label className="text-xs text-stone-600">
              {t("requests.status")}
              <Select name="stage" defaultValue={f.stage ?? ""} size="sm" className="mt-1 block">
                <option value="">{t("initiatives.filterAll")}</option>
                {STAGES.map((s) => (
                  <option key={s} value={s}>
                    {t(`initiativeStages.${s}`)}
                  </option>
                ))}
              </Select>
            </label>
            <label className="text-xs text-stone-600">
              {t("initiatives.kind")}
              <Select name="kind" defaultValue={f.kind ?? ""} size="sm" className="mt-1 block">
                <option value="">{t("initiatives.filterAll")}</option>
                {INITIATIVE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`initiativeKinds.${k}`)}
                  </option>
                ))}
              </Select>
            </label>
            <label className="text-xs text-stone-600">
              {t("initiatives.departments")}
              <Select name="departmentId" defaultValue={f.departmentId ?? ""} size="sm" className="mt-1 block">
                <option value="">{t("initiatives.filterAll")}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.label}
                  </option>
                ))}
              </Select>
            </label>
            <button type="submit" className={buttonVariants({ variant: "secondary", size: "compact" })}>
              {t("keyPersons.apply")}
            </button>
          </form>
          <Card>
            {items.length === 0 ? (
              <EmptyState>{t("initiatives.empty")}</EmptyState>
            ) : (
              <ul className="divide-y divide-stone-100">
                {items.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                    <Badge>{t(`initiativeStages.${i.stage}`)}</Badge>
                    <Link href={`/initiatives/${i.id}`} className={`font-medium ${TEXT_LINK}`}>
                      {i.title}
                    </Link>
                    <span className="text-xs text-stone-500">
                      {t(`initiativeKinds.${i.kind}`)} · {i.departments.map((d) => d.department.name).join("、")}
                    </span>
                    <span className="ml-auto text-xs text-stone-500">{fmt.dateTime(i.updatedAt, "short")}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
