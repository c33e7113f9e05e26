import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { getSurvey } from "@/lib/surveys/surveys";
import { SurveyEditor } from "../../_components/survey-editor";
import { localInput } from "../../_components/local-time";

export default async function EditSurveyPage({ params }: PageProps<"/surveys/[id]/edit">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "initiatives.write");
  const { id } = await params;
  const s = await orPageError(getSurvey(ctx, id));
  // Once someone answered, the questions are what they answered: the survey page says so.
  if (s._count.responses > 0) redirect(`/surveys/${id}`);
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={`/surveys/${id}`} className={`text-sm ${TEXT_LINK}`}>
        ← {s.title}
      </Link>
      <h1 className="text-2xl font-bold">{t("surveys.editTitle")}</h1>
      <SurveyEditor
        existing={{ id: s.id, version: s.version }}
        initial={{
          title: s.title,
          access: s.access,
          opensAt: localInput(s.opensAt),
          closesAt: localInput(s.closesAt),
          questions: s.questions.map((q) => ({ kind: q.kind, role: q.role, text: q.text, options: q.options, required: q.required })),
        }}
      />
    </div>
  );
}
