// A survey's results for the team: the count and response rate, each question's distribution (chart
// and table), a scale's mean with its 95 % interval, and the free text. Nothing before k answered.
import { getTranslations } from "next-intl/server";
import { LazySuccessChart } from "@/components/charts/lazy-success-chart";
import { buttonVariants } from "@/components/ui/button";
import { Alert, Card, EmptyState } from "@/components/ui/card";
import { PALETTE } from "@/lib/reports/chart-data";
import type { QuestionResult, surveyResults } from "@/lib/surveys/results";

type Results = Awaited<ReturnType<typeof surveyResults>>;

const one = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

export async function SurveyResultsView({ res }: { res: Results }) {
  const t = await getTranslations();
  return (
    <Card title={t("surveys.results")}>
      <div className="space-y-4">
        <p className="text-sm" data-testid="survey-count">
          {t("surveys.count", { n: res.responses })}
          {res.rate !== null && ` · ${t("surveys.rate", { rate: Math.round(res.rate * 100), participants: res.participants })}`}
        </p>
        {!res.shown ? (
          <EmptyState>{t("surveys.belowK", { k: res.k })}</EmptyState>
        ) : (
          <>
            {res.beyond > 0 && <Alert tone="amber">{t("surveys.beyond", { n: res.beyond, participants: res.participants })}</Alert>}
            <div className="flex flex-wrap gap-2">
              <a href={`/api/surveys/${res.survey.id}/answers`} className={buttonVariants({ variant: "secondary", size: "compact" })}>
                {t("surveys.exportCsv")}
              </a>
              <a
                href={`/api/surveys/${res.survey.id}/answers?format=xlsx`}
                className={buttonVariants({ variant: "secondary", size: "compact" })}
              >
                {t("surveys.exportXlsx")}
              </a>
            </div>
            <ol className="space-y-6">
              {res.questions.map((q, i) => (
                <QuestionView key={q.id} q={q} n={i + 1} />
              ))}
            </ol>
          </>
        )}
      </div>
    </Card>
  );
}

async function QuestionView({ q, n }: { q: QuestionResult; n: number }) {
  const t = await getTranslations();
  const label = `${n}. ${q.text}`;
  return (
    <li className="space-y-2" data-testid="survey-result">
      <h3 className="font-semibold">{label}</h3>
      <p className="text-xs text-stone-600">{t("surveys.answeredBy", { n: q.answered })}</p>
      {q.kind === "SCALE" && q.mean !== null && (
        <p className="text-sm" data-testid="survey-mean">
          {q.interval
            ? t("surveys.meanWithInterval", { mean: one(q.mean), low: one(q.interval[0]), high: one(q.interval[1]) })
            : t("surveys.mean", { mean: one(q.mean) })}
        </p>
      )}
      {q.kind === "TEXT" ? (
        <>
          <p className="text-xs text-stone-600">{t("surveys.textTeamOnly")}</p>
          {q.texts.length === 0 ? (
            <EmptyState>{t("surveys.noText")}</EmptyState>
          ) : (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {q.texts.map((text, i) => (
                <li key={i} className="whitespace-pre-wrap">
                  {text}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <div className="grid gap-3 md:grid-cols-[1fr_16rem]">
          <LazySuccessChart
            label={label}
            data={{
              kind: "bar",
              percent: false,
              labels: q.counts.map((c) => c.label),
              series: [{ name: t("surveys.answers"), color: PALETTE[0], values: q.counts.map((c) => c.count) }],
            }}
          />
          <table className="self-start text-sm">
            <caption className="sr-only">{label}</caption>
            <tbody className="divide-y divide-stone-100">
              {q.counts.map((c) => (
                <tr key={c.label}>
                  <th scope="row" className="p-1 text-left font-normal">
                    {c.label}
                  </th>
                  <td className="p-1 text-right tabular-nums">{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}
