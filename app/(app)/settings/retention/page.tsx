import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LegalHoldControl } from "@/app/(app)/settings/retention/legal-hold";
import { Card, EmptyState } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { recentEntries } from "@/lib/audit-log/queries";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { listHolds } from "@/lib/retention/holds";
import { purgeList } from "@/lib/retention/purge";
import { RetentionForm } from "./retention-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retention"))("title") };
}

/** Retention periods, next month's purge list, legal holds and the last purges (admins). */
export default async function RetentionPage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "retention.manage");
  const [list, holds, recent] = await Promise.all([purgeList(ctx), listHolds(ctx), recentEntries(ctx, "retention.purge")]);
  const t = await getTranslations("retention");
  const tAll = await getTranslations();
  const f = await getFormatter();
  const day = (d: Date) => f.dateTime(d, "short");
  const nothing = list.caseCount + list.personCount + list.auditEntries === 0;
  return (
    <div className="space-y-6">
      <Link href="/settings" className={`text-sm ${TEXT_LINK}`}>
        ← {tAll("settings.title")}
      </Link>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-stone-700">{t("intro")}</p>
      <Card title={t("settings")}>
        <RetentionForm initial={list.retention} />
      </Card>
      <Card title={t("upcoming", { date: day(list.until) })}>
        <p className="mb-3 text-xs text-stone-500">{t("upcomingHint")}</p>
        {nothing ? (
          <EmptyState>{t("nothing")}</EmptyState>
        ) : (
          <div className="space-y-4 text-sm" data-testid="purge-list">
            <p className="flex flex-wrap gap-4 font-medium">
              <span>{t("cases", { count: list.caseCount })}</span>
              <span>{t("people", { count: list.personCount })}</span>
              <span>{t("auditEntries", { count: list.auditEntries })}</span>
            </p>
            {list.cases.length > 0 && (
              <ul className="divide-y divide-stone-100" aria-label={tAll("cases.title")}>
                {list.cases.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center gap-2 py-1.5">
                    <span>{t("caseItem", { kind: tAll(`caseKinds.${c.kind}`), ended: day(c.endedOn) })}</span>
                    <span className="text-xs text-stone-500">{t("dueOn", { date: day(c.dueOn) })}</span>
                    <Link href={`/cases/${c.id}`} className={`ml-auto text-xs ${TEXT_LINK}`}>
                      {t("openCase")}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {list.people.length > 0 && (
              <ul className="divide-y divide-stone-100" aria-label={tAll("keyPersons.title")}>
                {list.people.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center gap-2 py-1.5">
                    <Link href={`/key-persons/${p.id}`} className={TEXT_LINK}>
                      {p.name}
                    </Link>
                    <span className="text-xs text-stone-500">{p.title}</span>
                    <span className="text-xs text-stone-500">{t("dueOn", { date: day(p.dueOn) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {(list.heldCases > 0 || list.heldPeople > 0) && (
          <p className="mt-3 text-xs text-stone-600">{t("heldCount", { cases: list.heldCases, people: list.heldPeople })}</p>
        )}
      </Card>
      <Card title={t("holds")}>
        {holds.cases.length + holds.people.length === 0 ? (
          <EmptyState>{t("holdsEmpty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm" data-testid="holds">
            {holds.cases.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3 py-2">
                <Link href={`/cases/${c.id}`} className={TEXT_LINK}>
                  {tAll(`caseKinds.${c.kind}`)}
                </Link>
                <span className="text-xs text-stone-500">{t("holdSince", { date: day(c.legalHoldAt!) })}</span>
                <LegalHoldControl kind="Case" id={c.id} hold={c.legalHold} />
              </li>
            ))}
            {holds.people.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-3 py-2">
                <Link href={`/key-persons/${p.id}`} className={TEXT_LINK}>
                  {p.name}
                </Link>
                <span className="text-xs text-stone-500">{t("holdSince", { date: day(p.legalHoldAt!) })}</span>
                <LegalHoldControl kind="KeyPerson" id={p.id} hold={p.legalHold} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("recent")}>
        {recent.length === 0 ? (
          <EmptyState>{t("recentEmpty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm">
            {recent.map((r) => {
              const d = (r.detail ?? {}) as { cases?: number; people?: number; auditEntries?: number };
              return (
                <li key={r.id} className="flex flex-wrap gap-3 py-1.5">
                  <span className="text-stone-500">{f.dateTime(r.createdAt, "dateTime")}</span>
                  <span>{t("recentItem", { cases: d.cases ?? 0, people: d.people ?? 0, auditEntries: d.auditEntries ?? 0 })}</span>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
