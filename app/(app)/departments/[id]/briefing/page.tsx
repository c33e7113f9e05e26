import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/ui/print-button";
import { StanceBadge } from "@/components/ui/stance-badge";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { visitBriefing } from "@/lib/departments/queries";
import { groupSizeOf } from "@/lib/statistics/suppression";
import { buttonVariants } from "@/components/ui/button";

function Section({ title, empty, children, count }: { title: string; empty: string; count: number; children: React.ReactNode }) {
  return (
    <section className="break-inside-avoid space-y-2">
      <h2 className="border-b border-stone-300 pb-1 font-semibold">{title}</h2>
      {count === 0 ? <p className="text-sm text-stone-500">{empty}</p> : children}
    </section>
  );
}

export default async function BriefingPage({ params }: PageProps<"/departments/[id]/briefing">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "departments.read");
  const { id } = await params;
  const b = await orPageError(visitBriefing(ctx, id));
  const t = await getTranslations();
  const f = await getFormatter();
  const minGroupSize = groupSizeOf(ctx.team.minGroupSize);
  const date = (d: Date) => f.dateTime(d, "short");
  return (
    <article className="mx-auto max-w-4xl space-y-5 bg-white p-4 sm:p-6 print:p-0">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-xs text-stone-500">{b.department.label}</p>
          <h1 className="text-xl font-bold">{t("briefing.title", { name: b.department.name })}</h1>
          <p className="text-xs text-stone-500">
            {t("briefing.generatedAt", { date: f.dateTime(new Date(), "long") })}
            {b.department.headcount !== null && ` · ${t("briefing.headcount", { count: b.department.headcount })}`}
          </p>
        </div>
        <div className="no-print flex gap-2">
          <Link href={`/departments/${id}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("common.close")}
          </Link>
          <PrintButton label={t("briefing.print")} />
        </div>
      </header>

      <Section title={t("briefing.suggestions")} empty="" count={1}>
        <ul className="grid gap-3 text-sm sm:grid-cols-3">
          <li>
            <h3 className="text-xs font-medium text-stone-500">{t("briefing.thank")}</h3>
            {b.suggestions.thank.map((x) => (
              <p key={x.id}>
                {x.keyPerson.name}：{x.what}
              </p>
            ))}
            {b.suggestions.thank.length === 0 && <p className="text-stone-500">{t("briefing.nothingNow")}</p>}
          </li>
          <li>
            <h3 className="text-xs font-medium text-stone-500">{t("briefing.reconnect")}</h3>
            {b.suggestions.reconnect.map((p) => (
              <p key={p.id}>
                {p.name}（{p.lastContactAt ? date(p.lastContactAt) : t("keyPersons.never")}）
              </p>
            ))}
            {b.suggestions.reconnect.length === 0 && <p className="text-stone-500">{t("briefing.nothingNow")}</p>}
          </li>
          <li>
            <h3 className="text-xs font-medium text-stone-500">{t("briefing.ask")}</h3>
            {b.suggestions.ask.map((p) => (
              <p key={p.id}>{p.name}</p>
            ))}
            {b.suggestions.ask.length === 0 && <p className="text-stone-500">{t("briefing.nothingNow")}</p>}
          </li>
        </ul>
      </Section>

      <Section title={t("briefing.people")} empty={t("briefing.peopleEmpty")} count={b.people.length}>
        <table className="w-full text-sm">
          <tbody className="divide-y divide-stone-100">
            {b.people.map((p) => (
              <tr key={p.id} className="align-top">
                <td className="py-1 pr-2">
                  <StanceBadge stance={p.stance} />
                </td>
                <td className="py-1 pr-2">
                  <span className="font-medium">{p.name}</span>
                  <span className="block text-xs text-stone-500">{p.title}</span>
                </td>
                <td className="py-1 pr-2 text-xs">
                  {p.painPoints}
                  {p.bestTiming && <span className="block text-stone-500">{t("briefing.timing", { timing: p.bestTiming })}</span>}
                </td>
                <td className="py-1 text-xs whitespace-nowrap text-stone-500">
                  {p.lastContactAt ? date(p.lastContactAt) : t("keyPersons.never")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <div className="grid gap-5 sm:grid-cols-2">
        <Section title={t("briefing.openRequests")} empty={t("briefing.openRequestsEmpty")} count={b.openRequests.length}>
          <ul className="space-y-1 text-sm">
            {b.openRequests.map((r) => (
              <li key={r.id}>
                {r.keyPerson.name}：{r.what}{" "}
                <span className="text-xs text-stone-500">
                  {t(`requestStatuses.${r.status}`)}
                  {r.dueOn && ` · ${t("keyPersons.due", { date: date(r.dueOn) })}`}
                </span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title={t("briefing.thanksOwed")} empty={t("briefing.thanksOwedEmpty")} count={b.thanksOwed.length}>
          <ul className="space-y-1 text-sm">
            {b.thanksOwed.map((r) => (
              <li key={r.id}>
                {r.keyPerson.name}：{r.what}
              </li>
            ))}
          </ul>
        </Section>
        <Section title={t("briefing.followUps")} empty={t("briefing.followUpsEmpty")} count={b.followUps.length}>
          <ul className="space-y-1 text-sm">
            {b.followUps.map((fu) => (
              <li key={fu.id}>
                {fu.followUpDueOn && date(fu.followUpDueOn)} {fu.participants.map((p) => p.keyPerson.name).join("、")}：{fu.summary}
              </li>
            ))}
          </ul>
        </Section>
        <Section title={t("departments.pressures")} empty={t("departments.pressuresEmpty")} count={b.notes.length}>
          <ul className="space-y-1 text-sm">
            {b.notes.map((n) => (
              <li key={n.id}>
                <span className="text-xs text-stone-500">
                  {date(n.notedOn)} {t(`pressureKinds.${n.kind}`)}
                </span>{" "}
                {n.body}
              </li>
            ))}
          </ul>
        </Section>
        <Section title={t("briefing.initiatives")} empty={t("briefing.initiativesEmpty")} count={b.initiatives.length}>
          <ul className="space-y-1 text-sm">
            {b.initiatives.map((i) => (
              <li key={i.id}>
                {i.title} <span className="text-xs text-stone-500">{t(`initiativeStages.${i.stage}`)}</span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title={t("briefing.cases")} empty="" count={1}>
          <p className="text-sm" data-testid="briefing-cases">
            {b.openCases.atLeast === null
              ? t("briefing.casesHidden", { k: minGroupSize })
              : t("briefing.casesAtLeast", { count: b.openCases.atLeast })}
          </p>
        </Section>
      </div>
    </article>
  );
}
