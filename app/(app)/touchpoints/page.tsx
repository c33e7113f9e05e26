import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { balanceByNurse, listTouchpoints, touchpointListSchema } from "@/lib/touchpoints/queries";
import { TOUCHPOINT_TYPES } from "@/lib/touchpoints/schemas";
import { memberOptions } from "@/lib/team/options";
import { TouchpointItem } from "./_components/touchpoint-item";
import { canChange } from "@/lib/auth/permissions";
import { buttonVariants } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { Select } from "@/components/ui/control";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("touchpoints"))("title") };
}

export default async function TouchpointsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const f = touchpointListSchema.parse(await searchParams);
  const t = await getTranslations();
  const [list, balance, members] = await Promise.all([listTouchpoints(ctx, f), balanceByNurse(ctx, f.days), memberOptions(ctx)]);
  const href = (patch: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ nurseId: f.nurseId, type: f.type, days: f.days, page: f.page, ...patch }))
      if (v !== undefined && v !== "") p.set(k, String(v));
    return `/touchpoints?${p}`;
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("touchpoints.title")}</h1>
        <Link href="/touchpoints/new" className={buttonVariants({ size: "sm" })}>
          {t("touchpoints.new")}
        </Link>
      </div>

      <form className="flex flex-wrap items-end gap-2" action="/touchpoints">
        <label className="text-xs text-stone-600">
          {t("touchpoints.period")}
          <Select name="days" defaultValue={f.days} size="sm" className="mt-1 block">
            {[30, 90, 180, 365].map((d) => (
              <option key={d} value={d}>
                {t("touchpoints.lastDays", { days: d })}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-xs text-stone-600">
          {t("touchpoints.nurse")}
          <Select name="nurseId" defaultValue={f.nurseId ?? ""} size="sm" className="mt-1 block">
            <option value="">{t("touchpoints.allNurses")}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-xs text-stone-600">
          {t("touchpoints.type")}
          <Select name="type" defaultValue={f.type ?? ""} size="sm" className="mt-1 block">
            <option value="">{t("touchpoints.allTypes")}</option>
            {TOUCHPOINT_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`touchpointTypes.${x}`)}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className={buttonVariants({ variant: "secondary", size: "compact" })}>
          {t("keyPersons.apply")}
        </button>
      </form>

      <Card title={t("touchpoints.balanceByNurse")}>
        <ul className="divide-y divide-stone-100 text-sm" data-testid="nurse-balance">
          {balance.map((b) => {
            const total = b.gives + b.asks || 1;
            return (
              <li key={b.nurseId} className="grid grid-cols-[8rem_1fr_auto] items-center gap-3 py-2">
                <span className="truncate">{b.name}</span>
                <span className="flex h-2.5 overflow-hidden rounded-full bg-stone-100" aria-hidden>
                  <span className="bg-brand-500" style={{ width: `${(b.gives / total) * 100}%` }} />
                  <span className="bg-amber-400" style={{ width: `${(b.asks / total) * 100}%` }} />
                </span>
                <span className={`text-xs ${b.asks > b.gives ? "font-medium text-amber-800" : "text-stone-600"}`}>
                  {t("touchpoints.gives")} {b.gives} / {t("touchpoints.asks")} {b.asks}
                  {b.asks > b.gives ? ` · ${t("touchpoints.asksMore")}` : ""}
                </span>
              </li>
            );
          })}
        </ul>
      </Card>

      <Card title={t("touchpoints.list")}>
        {list.rows.length === 0 ? (
          <EmptyState>{t("touchpoints.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100">
            {list.rows.map((tp) => (
              <TouchpointItem
                key={tp.id}
                tp={{
                  ...tp,
                  occurredAt: tp.occurredAt.toISOString(),
                  followUpDueOn: tp.followUpDueOn?.toISOString() ?? null,
                  followUpDoneAt: tp.followUpDoneAt?.toISOString() ?? null,
                  nurseName: tp.nurse.name,
                  people: tp.participants.map((p) => p.keyPerson),
                  editable: canChange(ctx, tp, "touchpoints.editAny"),
                }}
              />
            ))}
          </ul>
        )}
        <Pager page={f.page} pages={list.pages} href={(page) => href({ page })} />
      </Card>
    </div>
  );
}
