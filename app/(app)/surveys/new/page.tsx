import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { TEMPLATES } from "@/lib/surveys/constants";
import { runOf } from "@/lib/surveys/surveys";
import { SurveyEditor } from "../_components/survey-editor";
import { defaultWindow, localInput } from "../_components/local-time";

export default async function NewSurveyPage({ searchParams }: PageProps<"/surveys/new">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "initiatives.write");
  const runId = String((await searchParams).run ?? "");
  const run = await orPageError(runOf(ctx, runId));
  if (run.survey) redirect(`/surveys/${run.survey.id}`);
  const t = await getTranslations();
  // The templates in the nurse's language; she edits every word before anyone sees it.
  const questions = TEMPLATES.map((q) => ({
    kind: q.kind,
    role: q.role,
    text: t(`surveys.templates.${q.role}.text`),
    options: Array.from({ length: q.options }, (_, i) => t(`surveys.templates.${q.role}.options.${i}`)),
    required: q.role === "SATISFACTION",
  }));
  const { opens, closes } = defaultWindow(run.runOn);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={`/initiatives/${run.initiative.id}`} className={`text-sm ${TEXT_LINK}`}>
        ← {run.initiative.title}
      </Link>
      <h1 className="text-2xl font-bold">{t("surveys.newTitle")}</h1>
      <p className="text-sm text-stone-600">{t("surveys.newIntro")}</p>
      <SurveyEditor
        resultId={run.id}
        initial={{
          title: t("surveys.defaultTitle", { initiative: run.initiative.title }),
          access: "BROWSER",
          opensAt: localInput(opens),
          closesAt: localInput(closes),
          questions,
        }}
      />
    </div>
  );
}
