// GET /api/surveys/{id}/slide - a slide-size image (PNG, 1920×1080) with the QR code, for the talk's last slide.
import { withTeam } from "@/lib/auth/wrappers";
import { translatorFor } from "@/lib/i18n/translator";
import { appOrigin } from "@/lib/net/app-origin";
import { slidePng } from "@/lib/surveys/poster";
import { getSurvey } from "@/lib/surveys/surveys";

export const dynamic = "force-dynamic";

export const GET = withTeam(
  async (req, ctx, params) => {
    const survey = await getSurvey(ctx, String(params.id));
    const locale = ctx.user.locale === "en" ? "en" : "ja";
    const png = slidePng(
      { title: survey.title, url: `${appOrigin(req.headers)}/s/${survey.code}`, closesAt: survey.closesAt, locale },
      translatorFor(locale),
    );
    return new Response(new Uint8Array(png), {
      headers: {
        "Content-Type": "image/png",
        "Content-Disposition": `attachment; filename="survey-slide-${survey.code}.png"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "keyPersons.read" },
);
