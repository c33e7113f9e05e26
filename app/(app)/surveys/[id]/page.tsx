import Link from "next/link";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { orPageError } from "@/lib/auth/page-errors";
import { appOrigin } from "@/lib/net/app-origin";
import { surveyResults } from "@/lib/surveys/results";
import { surveyState } from "@/lib/surveys/state";
import { CloseSurveyButton, CodesPanel } from "../_components/survey-controls";
import { SurveyResultsView } from "../_components/survey-results";

async function loadSurveyPage({ params }: PageProps<"/surveys/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const { id } = await params;
  const res = await orPageError(surveyResults(ctx, id));
  const url = `${appOrigin(await headers())}/s/${res.survey.code}`;
  const qrSvg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { ctx, res, url, qrSvg, t: await getTranslations(), f: await getFormatter(), writable: can(ctx.role, "initiatives.write") };
}

export default async function SurveyPage(props: PageProps<"/surveys/[id]">) {
  const { res, url, qrSvg, t, f, writable } = await loadSurveyPage(props);
  const { survey } = res;
  const state = surveyState(survey);
  const when = (d: Date) => f.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" });
  return (
    <div className="space-y-6">
      <Link href={`/initiatives/${survey.result.initiative.id}`} className={`text-sm ${TEXT_LINK}`}>
        ← {survey.result.initiative.title}（{f.dateTime(survey.result.runOn, "short")}）
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
            {survey.title}
            <Badge tone={state === "open" ? "green" : state === "scheduled" ? "blue" : "stone"}>{t(`surveys.states.${state}`)}</Badge>
          </h1>
          <p className="text-sm text-stone-600">
            {when(survey.opensAt)} – {when(survey.closedAt ?? survey.closesAt)} · {t(`surveys.accessKinds.${survey.access}`)}
          </p>
        </div>
        {writable && (
          <div className="flex flex-wrap gap-2">
            {res.responses === 0 && (
              <Link href={`/surveys/${survey.id}/edit`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t("surveys.edit")}
              </Link>
            )}
            {state !== "closed" && <CloseSurveyButton id={survey.id} />}
          </div>
        )}
      </div>
      <Card title={t("surveys.collect")}>
        <div className="grid gap-4 md:grid-cols-[12rem_1fr]">
          <div
            className="w-48 rounded-md border border-stone-200 bg-white p-2"
            role="img"
            aria-label={t("surveys.qrLabel", { url })}
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <div className="space-y-3">
            <CopyField value={url} label={t("surveys.link")} testId="survey-link" />
            <p className="text-sm text-stone-600">{t("surveys.collectHint")}</p>
            <div className="flex flex-wrap gap-2">
              <a href={`/api/surveys/${survey.id}/poster`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t("surveys.poster")}
              </a>
              <a href={`/api/surveys/${survey.id}/slide`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t("surveys.slide")}
              </a>
            </div>
            {survey.access === "CODES" && (
              <CodesPanel id={survey.id} issued={survey._count.codes} used={survey.usedCodes} writable={writable && state !== "closed"} />
            )}
          </div>
        </div>
      </Card>
      <SurveyResultsView res={res} />
    </div>
  );
}
