// GET/POST /s/{code}: the public answer page of a pilot survey. No sign-in; nothing about the person
// is stored (lib/surveys/answer.ts). Results are never shown here.
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translator";
import { clientAddress } from "@/lib/net/client-address";
import { answeredCookieName, answeredCookieValue, hasAnswered, publicSurvey, submitAnswer, type FormValues } from "@/lib/surveys/answer";
import { DAY_MS, formatDateTime } from "@/lib/dates";
import { answerPageHtml, unknownPageHtml } from "./answer-page";

export const dynamic = "force-dynamic";

const MAX_BODY = 64 * 1024;

function languageOf(req: Request): "ja" | "en" {
  const accept = req.headers.get("accept-language") ?? "";
  return /^\s*en\b/i.test(accept) ? "en" : "ja";
}

function html(body: string, status = 200, extra: Record<string, string> = {}) {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
      ...extra,
    },
  });
}

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

type Params = { params: Promise<{ code: string }> };

export async function GET(req: Request, { params }: Params) {
  const { code } = await params;
  const lang = languageOf(req);
  const t = translatorFor(lang);
  const nonce = req.headers.get("x-nonce") ?? "";
  const survey = await publicSurvey(getDb(), code);
  if (!survey) return html(unknownPageHtml(t, lang, nonce), 404);
  const answered = !survey.byCode && hasAnswered(survey.id, cookieOf(req, answeredCookieName(survey.code)));
  const thanks = new URL(req.url).searchParams.has("thanks");
  const message =
    thanks && (answered || survey.byCode)
      ? { kind: "done" as const, text: t("surveyPublic.thanks") }
      : survey.state === "closed"
        ? { kind: "alert" as const, text: t("surveyPublic.closed") }
        : survey.state === "scheduled"
          ? { kind: "alert" as const, text: t("surveyPublic.notOpen", { date: formatDateTime(lang, survey.opensAt) }) }
          : answered
            ? { kind: "done" as const, text: t("surveyPublic.answered") }
            : undefined;
  return html(answerPageHtml({ t, lang, nonce, survey, message }));
}

export async function POST(req: Request, { params }: Params) {
  const { code } = await params;
  const lang = languageOf(req);
  const t = translatorFor(lang);
  const nonce = req.headers.get("x-nonce") ?? "";
  const db = getDb();
  const length = Number(req.headers.get("content-length") ?? 0);
  const type = req.headers.get("content-type") ?? "";
  if (length > MAX_BODY || !/^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(type))
    return new Response("Bad Request", { status: 400 });
  const form = await req.formData().catch(() => null);
  if (!form) return new Response("Bad Request", { status: 400 });
  const values: FormValues = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") (values[k] ??= []).push(v);
  const survey = await publicSurvey(db, code);
  if (!survey) return html(unknownPageHtml(t, lang, nonce), 404);
  const cookieName = answeredCookieName(survey.code);
  const outcome = await submitAnswer(db, code, values, {
    answered: hasAnswered(survey.id, cookieOf(req, cookieName)),
    address: clientAddress(req.headers, getEnv().TRUSTED_PROXY_HOPS),
    survey,
  });
  if (outcome.ok) {
    const secure = new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
    const maxAge = Math.max(60, Math.round((survey.closesAt.getTime() + 30 * DAY_MS - Date.now()) / 1000));
    const cookie = `${cookieName}=${answeredCookieValue(survey.id)}; Path=/s/${survey.code}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
    // Post, redirect, get: reloading the thank-you page does not send the answer again.
    return new Response(null, {
      status: 303,
      headers: { Location: `/s/${survey.code}?thanks`, "Set-Cookie": cookie, "Cache-Control": "no-store" },
    });
  }
  if (outcome.reason === "invalid") return html(answerPageHtml({ t, lang, nonce, survey, values, errors: outcome.fieldErrors }), 422);
  const text = {
    unknown: t("surveyPublic.unknown"),
    notOpen: t("surveyPublic.notOpen", { date: formatDateTime(lang, survey.opensAt) }),
    closed: t("surveyPublic.closed"),
    answered: t("surveyPublic.answered"),
    throttled: t("surveyPublic.throttled"),
  }[outcome.reason];
  const status = outcome.reason === "throttled" ? 429 : outcome.reason === "answered" ? 409 : 410;
  const kind = outcome.reason === "answered" ? ("done" as const) : ("alert" as const);
  return html(answerPageHtml({ t, lang, nonce, survey, values: kind === "alert" ? values : undefined, message: { kind, text } }), status);
}
