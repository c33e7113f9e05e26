// The team's file of a survey's answers: a row per answer in no particular order (sorted by its random
// id, so the order says nothing about who answered when), the day only. Never in a manager's edition.
import ExcelJS from "exceljs";
import type { TeamCtx } from "@/lib/auth/context";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { toCsv } from "@/lib/export/csv";
import { neutralizeCell } from "@/lib/export/formula";
import { PRODUCER } from "@/lib/export/producer";
import type { Translate } from "@/lib/i18n/translator";
import { MIN_ANSWERS } from "./constants";
import { getSurvey } from "./surveys";

async function answerRows(ctx: TeamCtx, id: string, t: Translate) {
  const survey = await getSurvey(ctx, id);
  if (survey._count.responses < MIN_ANSWERS) throw new AppError("conflict", "surveys.belowK");
  const responses = await ctx.db.surveyResponse.findMany({
    where: { surveyId: id, teamId: ctx.teamId },
    orderBy: { id: "asc" },
    select: {
      answeredOn: true,
      beyondParticipants: true,
      answers: { select: { questionId: true, choices: true, scale: true, text: true } },
    },
  });
  const header = [t("surveys.file.day"), ...survey.questions.map((q, i) => `${i + 1}. ${q.text}`), t("surveys.file.beyond")];
  const rows = responses.map((r) => [
    r.answeredOn.toISOString().slice(0, 10),
    ...survey.questions.map((q) => {
      const a = r.answers.find((x) => x.questionId === q.id);
      if (!a) return "";
      if (q.kind === "SCALE") return a.scale ?? "";
      if (q.kind === "TEXT") return a.text ?? "";
      return a.choices.map((c) => q.options[c] ?? "").join("・");
    }),
    r.beyondParticipants ? t("surveys.file.yes") : "",
  ]);
  await audit(ctx.db, { teamId: ctx.teamId, actorId: ctx.userId, action: "survey.export", entityType: "Survey", entityId: id });
  return { survey, header, rows };
}

export async function surveyAnswersCsv(ctx: TeamCtx, id: string, t: Translate) {
  const { header, rows } = await answerRows(ctx, id, t);
  return toCsv(header, rows);
}

export async function surveyAnswersXlsx(ctx: TeamCtx, id: string, t: Translate, now = new Date()) {
  const { survey, header, rows } = await answerRows(ctx, id, t);
  const wb = new ExcelJS.Workbook();
  wb.creator = PRODUCER;
  wb.created = now;
  const ws = wb.addWorksheet(t("surveys.file.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v, i) => (i === 0 ? new Date(`${v}T00:00:00Z`) : typeof v === "number" ? v : neutralizeCell(v))));
  ws.getColumn(1).numFmt = "yyyy/m/d";
  header.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 12 : survey.questions[i - 1]?.kind === "TEXT" ? 40 : 18));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
