import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { orPageError } from "@/lib/auth/page-errors";
import { tokyoDay } from "@/lib/dates";
import { getInitiative } from "@/lib/initiatives/initiatives";
import type { Stage } from "@/lib/initiatives/schemas";
import { departmentPathOptions, memberOptions } from "@/lib/team/options";
import { InitiativeForm } from "../_components/initiative-form";
import { ResultForm } from "../_components/result-form";
import { StageMover } from "../_components/stage-mover";
import { StartNewsletterButton } from "../../newsletters/_components/start-button";
import { TEXT_LINK } from "@/components/ui/link-style";

export default async function InitiativePage({ params }: PageProps<"/initiatives/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const { id } = await params;
  const i = await orPageError(getInitiative(ctx, id));
  const t = await getTranslations();
  const f = await getFormatter();
  const date = (d: Date) => f.dateTime(d, "short");
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  const [departments, nurses] = await Promise.all([departmentPathOptions(ctx), memberOptions(ctx)]);
  const writable = can(ctx.role, "initiatives.write");
  const canIssue = can(ctx.role, "reports.write");
  return (
    <div className="space-y-6">
      <Link href="/initiatives" className={`text-sm ${TEXT_LINK}`}>
        ← {t("initiatives.title")}
      </Link>
      <div className="space-y-2">
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
          {i.title} <Badge tone="green">{t(`initiativeStages.${i.stage}`)}</Badge>
        </h1>
        <p className="text-sm text-stone-600">
          {t(`initiativeKinds.${i.kind}`)} · {i.owners.map((o) => o.user.name).join("、")}
          {i.departments.length > 0 && ` · ${i.departments.map((d) => d.department.name).join("、")}`}
        </p>
        {i.actualStartOn && (
          <p className="text-xs text-stone-500">
            {t("initiatives.actual")}: {date(i.actualStartOn)} – {i.actualEndOn ? date(i.actualEndOn) : ""}
          </p>
        )}
        {i.stage === "STOPPED" && <p className="text-sm text-red-800">{t("initiatives.stopped", { reason: i.stoppedReason })}</p>}
        <StageMover id={i.id} version={i.version} stage={i.stage as Stage} hasResults={i.results.length > 0} />
      </div>
      <Card title={t("initiatives.results")}>
        {i.results.length === 0 ? (
          <EmptyState>{t("initiatives.resultsEmpty")}</EmptyState>
        ) : (
          <div className="relative mb-4 overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="initiative-results">
              <thead className="text-left text-xs text-stone-500">
                <tr>
                  <th className="p-2">{t("initiatives.runOn")}</th>
                  <th className="p-2">{t("initiatives.participants")}</th>
                  <th className="p-2">{t("initiatives.satisfactionMean")}</th>
                  <th className="p-2">{i.indicatorName || t("initiatives.indicatorName")}</th>
                  <th className="p-2">{t("initiatives.comments")}</th>
                  <th className="p-2">{t("surveys.questions")}</th>
                  <th className="p-2">{t("newsletters.title")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {i.results.map((r) => (
                  <tr key={r.id}>
                    <td className="p-2 whitespace-nowrap">{date(r.runOn)}</td>
                    <td className="p-2">
                      {r.participants}/{r.targetHeadcount}（
                      {t("initiatives.participation", { rate: Math.round((r.participants / r.targetHeadcount) * 100) })}）
                    </td>
                    <td className="p-2">
                      {r.satisfactionMean !== null
                        ? t("initiatives.satisfaction", { mean: r.satisfactionMean.toFixed(1), n: r.satisfactionResponses })
                        : "—"}
                      {r.survey && r.satisfactionMean !== null && (
                        <span className="block text-xs text-stone-500">{t("surveys.fromSurvey")}</span>
                      )}
                    </td>
                    <td className="p-2">
                      {r.indicatorBefore !== null && r.indicatorAfter !== null
                        ? `${r.indicatorBefore} → ${r.indicatorAfter} ${i.indicatorUnit}`
                        : "—"}
                    </td>
                    <td className="p-2 text-stone-600">{r.comments}</td>
                    <td className="p-2 whitespace-nowrap">
                      {r.survey ? (
                        <Link href={`/surveys/${r.survey.id}`} className={TEXT_LINK}>
                          {t("surveys.openSurvey", { n: r.survey._count.responses })}
                        </Link>
                      ) : (
                        writable && (
                          <Link href={`/surveys/new?run=${r.id}`} className={TEXT_LINK}>
                            {t("surveys.make")}
                          </Link>
                        )
                      )}
                    </td>
                    <td className="p-2 whitespace-nowrap">
                      {r.newsletter ? (
                        <Link href={`/newsletters/${r.newsletter.id}`} className={TEXT_LINK}>
                          {t("newsletters.open")}
                        </Link>
                      ) : (
                        canIssue && <StartNewsletterButton resultId={r.id} label={t("newsletters.make")} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ResultForm initiativeId={i.id} today={tokyoDay()} indicatorName={i.indicatorName} indicatorUnit={i.indicatorUnit} />
      </Card>
      {i.goodExample && (
        <Card title={t("initiatives.goodExample")}>
          <p className="text-sm whitespace-pre-wrap">{i.goodExample}</p>
        </Card>
      )}
      <Card title={t("initiatives.history")}>
        <ol className="space-y-1 text-sm" data-testid="stage-history">
          {i.stageChanges.map((c) => (
            <li key={c.id}>
              <span className="text-xs text-stone-500">{date(c.changedAt)}</span>{" "}
              {c.fromStage ? `${t(`initiativeStages.${c.fromStage}`)} → ` : ""}
              {t(`initiativeStages.${c.toStage}`)} <span className="text-xs text-stone-500">{c.changedBy.name}</span> {c.reason}
            </li>
          ))}
        </ol>
      </Card>
      <Card>
        <InitiativeForm
          departments={departments}
          nurses={nurses}
          initial={{
            id: i.id,
            version: i.version,
            title: i.title,
            kind: i.kind,
            description: i.description,
            departmentIds: i.departments.map((d) => d.department.id),
            champions: i.champions.map((c) => c.keyPerson),
            ownerIds: i.owners.map((o) => o.user.id),
            plannedStartOn: day(i.plannedStartOn),
            plannedEndOn: day(i.plannedEndOn),
            effortMinutes: i.effortMinutes?.toString() ?? "",
            indicatorName: i.indicatorName,
            indicatorUnit: i.indicatorUnit,
            indicatorLowerIsBetter: i.indicatorLowerIsBetter,
            goodExample: i.goodExample,
          }}
        />
      </Card>
    </div>
  );
}
