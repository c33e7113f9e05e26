// GET /api/surveys/{id}/poster - the A4 poster (PDF) with the QR code, to print and put up.
import { withTeam } from "@/lib/auth/wrappers";
import { translatorFor } from "@/lib/i18n/translator";
import { appOrigin } from "@/lib/net/app-origin";
import { posterPdf } from "@/lib/surveys/poster";
import { getSurvey } from "@/lib/surveys/surveys";

export const dynamic = "force-dynamic";

export const GET = withTeam(
  async (req, ctx, params) => {
    const survey = await getSurvey(ctx, String(params.id));
    const locale = ctx.user.locale === "en" ? "en" : "ja";
    const pdf = await posterPdf(
      { title: survey.title, url: `${appOrigin(req.headers)}/s/${survey.code}`, closesAt: survey.closesAt, locale },
      translatorFor(locale),
    );
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="survey-poster-${survey.code}.pdf"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "keyPersons.read" },
);
