// GET /api/surveys/{id}/answers?format=csv|xlsx - a survey's answers for the team (formulas
// neutralised, the day only); refused before k answered; audit-logged.
import { z } from "zod";
import { withTeam } from "@/lib/auth/wrappers";
import { tokyoDay } from "@/lib/dates";
import { translatorFor } from "@/lib/i18n/translator";
import { surveyAnswersCsv, surveyAnswersXlsx } from "@/lib/surveys/export";

export const dynamic = "force-dynamic";

const formatOf = z.enum(["csv", "xlsx"]).catch("csv");

export const GET = withTeam(
  async (req, ctx, params) => {
    const id = String(params.id);
    const t = translatorFor(ctx.user.locale === "en" ? "en" : "ja");
    const name = `survey-answers-${tokyoDay()}`;
    if (formatOf.parse(new URL(req.url).searchParams.get("format")) === "xlsx")
      return new Response(new Uint8Array(await surveyAnswersXlsx(ctx, id, t)), {
        headers: {
          "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "Content-Disposition": `attachment; filename="${name}.xlsx"`,
          "Cache-Control": "no-store",
        },
      });
    return new Response(await surveyAnswersCsv(ctx, id, t), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "initiatives.write" },
);
