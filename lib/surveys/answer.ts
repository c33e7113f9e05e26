// The public side of a survey: what the answer page shows, and taking one answer. Nothing about the
// person is kept: no account, address, device or time of day. One answer per browser is a signed
// cookie on the browser's side; per card code, the code is marked used without a link to the answer.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getAuthSecret } from "@/lib/auth/secret";
import { failureCounts, recordFailure } from "@/lib/auth/rate-limit";
import { tokyoToday } from "@/lib/dates";
import { cardCodeHash } from "./codes";
import { ANSWERS_PER_ADDRESS, MAX_ANSWER_TEXT, normalizeCode } from "./constants";
import { surveyState, type SurveyState } from "./state";
import { syncRun } from "./sync";

export type PublicQuestion = {
  position: number;
  kind: "SINGLE" | "MULTIPLE" | "SCALE" | "TEXT";
  text: string;
  options: string[];
  required: boolean;
};
export type PublicSurvey = {
  id: string;
  code: string;
  title: string;
  byCode: boolean;
  state: SurveyState;
  opensAt: Date;
  closesAt: Date;
  questions: PublicQuestion[];
};

/** The survey behind a public code, or null. Never its results. */
export async function publicSurvey(db: Db, code: string, now = new Date()): Promise<PublicSurvey | null> {
  const s = await db.survey.findUnique({
    where: { code: normalizeCode(code).slice(0, 16) },
    select: {
      id: true,
      code: true,
      title: true,
      access: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      questions: { orderBy: { position: "asc" }, select: { position: true, kind: true, text: true, options: true, required: true } },
    },
  });
  if (!s) return null;
  return {
    id: s.id,
    code: s.code,
    title: s.title,
    byCode: s.access === "CODES",
    state: surveyState(s, now),
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    questions: s.questions,
  };
}

/** The cookie that says "this browser answered this survey": a MAC of the survey, nothing else. */
export const answeredCookieName = (code: string) => `ally_sv_${code}`;
export const answeredCookieValue = (surveyId: string) =>
  createHmac("sha256", getAuthSecret()).update(`survey-answered:${surveyId}`).digest("base64url");
export function hasAnswered(surveyId: string, cookie: string | undefined): boolean {
  if (!cookie) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(answeredCookieValue(surveyId));
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A form's values by field name (a checkbox group repeats its name). */
export type FormValues = Record<string, string[]>;

export type AnswerOutcome =
  | { ok: true; beyondParticipants: boolean }
  | { ok: false; reason: "unknown" | "notOpen" | "closed" | "answered" | "throttled" | "invalid"; fieldErrors?: Record<string, string> };

type Parsed = { questionPosition: number; choices: number[]; scale: number | null; text: string | null };

/** Reads the answers off the form; a field error per question ("required", "invalid", "tooLong"). */
export function parseAnswers(questions: PublicQuestion[], form: FormValues): { answers: Parsed[]; fieldErrors: Record<string, string> } {
  const answers: Parsed[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const q of questions) {
    const name = `q${q.position}`;
    const raw = (form[name] ?? []).map((v) => v.trim()).filter((v) => v !== "");
    if (raw.length === 0) {
      if (q.required) fieldErrors[name] = "required";
      continue;
    }
    if (q.kind === "TEXT") {
      const text = raw.join("\n").normalize("NFC");
      if ([...text].length > MAX_ANSWER_TEXT) fieldErrors[name] = "tooLong";
      else answers.push({ questionPosition: q.position, choices: [], scale: null, text });
      continue;
    }
    const numbers = raw.map(Number);
    const max = q.kind === "SCALE" ? 5 : q.options.length - 1;
    const min = q.kind === "SCALE" ? 1 : 0;
    if (numbers.some((n) => !Number.isInteger(n) || n < min || n > max) || (q.kind !== "MULTIPLE" && numbers.length > 1)) {
      fieldErrors[name] = "invalid";
      continue;
    }
    if (q.kind === "SCALE") answers.push({ questionPosition: q.position, choices: [], scale: numbers[0], text: null });
    else answers.push({ questionPosition: q.position, choices: [...new Set(numbers)].sort((a, b) => a - b), scale: null, text: null });
  }
  return { answers, fieldErrors };
}

/**
 * Takes one answer. `answered` is whether the browser's cookie says it already answered; `address`
 * (the client behind the trusted proxies) only feeds a flood guard, keyed by a MAC so the address
 * itself is not stored. `survey` is the survey behind `code` when the caller has read it already.
 */
export async function submitAnswer(
  db: Db,
  code: string,
  form: FormValues,
  opts: { answered: boolean; address: string | null; now?: Date; survey?: PublicSurvey | null },
): Promise<AnswerOutcome> {
  const now = opts.now ?? new Date();
  // The route has read the survey already (for its cookie); it is not read again.
  const survey = opts.survey ?? (await publicSurvey(db, code, now));
  if (!survey) return { ok: false, reason: "unknown" };
  if (survey.state === "scheduled") return { ok: false, reason: "notOpen" };
  if (survey.state === "closed") return { ok: false, reason: "closed" };
  if (!survey.byCode && opts.answered) return { ok: false, reason: "answered" };
  const { answers, fieldErrors } = parseAnswers(survey.questions, form);
  const cardCode = survey.byCode ? normalizeCode(form.code?.[0] ?? "") : "";
  if (survey.byCode && !cardCode) fieldErrors.code = "required";
  if (Object.keys(fieldErrors).length) return { ok: false, reason: "invalid", fieldErrors };
  if (opts.address) {
    const key = `survey:${createHmac("sha256", getAuthSecret()).update(`${survey.id}|${opts.address}`).digest("base64url")}`;
    const counts = await failureCounts(db, [key], now);
    if ((counts.get(key) ?? 0) >= ANSWERS_PER_ADDRESS) return { ok: false, reason: "throttled" };
    await recordFailure(db, [key], now);
  }
  const outcome = await db.$transaction(async (tx): Promise<AnswerOutcome> => {
    const meta = await tx.survey.findUniqueOrThrow({
      where: { id: survey.id },
      select: {
        teamId: true,
        result: { select: { participants: true } },
        questions: { select: { id: true, position: true } },
        _count: { select: { responses: true } },
      },
    });
    if (survey.byCode) {
      const codeHash = cardCodeHash(survey.id, cardCode);
      const used = await tx.surveyCode.updateMany({
        where: { surveyId: survey.id, codeHash, usedOn: null },
        data: { usedOn: tokyoToday(now) },
      });
      if (used.count !== 1) {
        const known = await tx.surveyCode.count({ where: { surveyId: survey.id, codeHash } });
        return { ok: false, reason: "invalid", fieldErrors: { code: known ? "codeUsed" : "codeNotValid" } };
      }
    }
    const beyondParticipants = meta._count.responses >= meta.result.participants;
    const response = await tx.surveyResponse.create({
      data: { teamId: meta.teamId, surveyId: survey.id, answeredOn: tokyoToday(now), beyondParticipants },
      select: { id: true },
    });
    const idOf = new Map(meta.questions.map((q) => [q.position, q.id]));
    await tx.surveyAnswer.createMany({
      data: answers.map((a) => ({
        responseId: response.id,
        questionId: idOf.get(a.questionPosition)!,
        teamId: meta.teamId,
        choices: a.choices,
        scale: a.scale,
        text: a.text,
      })),
    });
    return { ok: true, beyondParticipants };
  });
  if (outcome.ok) await syncRun(db, null, survey.id);
  return outcome;
}
