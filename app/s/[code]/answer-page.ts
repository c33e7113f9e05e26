// The answer page as plain HTML: no framework JavaScript, so it loads fast on a phone on a factory
// floor and works with JavaScript off (a form POST). A few lines of script only disable the button
// while sending and count characters. Written as escaped template strings: Next.js keeps
// react-dom/server out of route handlers.
import type { Translate } from "@/lib/i18n/translator";
import type { FormValues, PublicQuestion, PublicSurvey } from "@/lib/surveys/answer";
import { MAX_ANSWER_TEXT } from "@/lib/surveys/constants";

const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif;color:#1c1917;background:#fafaf9}
main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.35rem;line-height:1.4;margin:.5rem 0}
.note{color:#44403c;font-size:.9rem;margin:0 0 1rem}.badge{display:inline-block;background:#e7f5ef;color:#115e45;border-radius:999px;padding:.1rem .6rem;font-size:.85rem;font-weight:600}
fieldset{border:1px solid #d6d3d1;border-radius:.6rem;background:#fff;margin:0 0 1rem;padding:.75rem 1rem 1rem}
legend{float:left;width:100%;font-weight:600;padding:0;margin:0 0 .5rem}fieldset>legend+*{clear:both}.req{color:#b91c1c;margin-left:.25rem}
label.opt{display:flex;align-items:center;gap:.6rem;min-height:44px;padding:.25rem .5rem;border-radius:.4rem;cursor:pointer}
label.opt:hover{background:#f5f5f4}input[type=radio],input[type=checkbox]{width:1.35rem;height:1.35rem;flex:none;accent-color:#0f766e}
.scale{display:grid;grid-template-columns:repeat(5,1fr);gap:.35rem}.scale label{flex-direction:column;justify-content:center;gap:.15rem;border:1px solid #d6d3d1;text-align:center;font-size:.95rem}
.ends{display:flex;justify-content:space-between;font-size:.8rem;color:#57534e;margin-top:.25rem}
textarea,input[type=text]{width:100%;font:inherit;padding:.6rem;border:1px solid #a8a29e;border-radius:.4rem;background:#fff}
textarea{min-height:6rem}.count{font-size:.8rem;color:#57534e;text-align:right}
.err{color:#b91c1c;font-size:.9rem;margin:.25rem 0 0}.alert{border:1px solid #fca5a5;background:#fef2f2;color:#7f1d1d;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem}
.alert a{color:inherit}.done{border:1px solid #86efac;background:#f0fdf4;color:#14532d;border-radius:.5rem;padding:1rem}
button{width:100%;min-height:48px;font:inherit;font-weight:600;color:#fff;background:#0f766e;border:0;border-radius:.5rem;padding:.75rem 1rem;cursor:pointer}
button:disabled{background:#78716c}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}:focus-visible{outline:3px solid #1c1917;outline-offset:2px}
`;

const SCRIPT = `document.querySelectorAll("textarea[maxlength]").forEach(function(t){var c=document.getElementById(t.id+"-count");if(!c)return;var u=function(){c.textContent=t.value.length+" / "+t.maxLength};t.addEventListener("input",u);u()});
var f=document.querySelector("form");if(f)f.addEventListener("submit",function(){var b=f.querySelector("button");setTimeout(function(){b.disabled=true},0)});`;

/** Escapes text for HTML content and attribute values. */
const e = (v: string | number) =>
  String(v).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

type Props = {
  t: Translate;
  lang: "ja" | "en";
  nonce: string;
  survey: PublicSurvey;
  values?: FormValues;
  errors?: Record<string, string>;
};

function question(t: Translate, q: PublicQuestion, values: string[], error?: string): string {
  const name = `q${q.position}`;
  const errId = `${name}-error`;
  const checked = (v: string | number) => (values.includes(String(v)) ? " checked" : "");
  const required = q.required
    ? `<span class="req" aria-hidden="true">*</span><span class="sr">${e(t("surveyPublic.required"))}</span>`
    : "";
  let field: string;
  if (q.kind === "TEXT")
    field =
      `<textarea id="${name}-text" name="${name}" maxlength="${MAX_ANSWER_TEXT}" aria-label="${e(q.text)}">${e(values[0] ?? "")}</textarea>` +
      `<p class="count" id="${name}-text-count" aria-live="polite"></p>`;
  else if (q.kind === "SCALE")
    field =
      `<div class="scale">${[1, 2, 3, 4, 5]
        .map(
          (p) =>
            `<label class="opt"><input type="radio" name="${name}" value="${p}"${checked(p)}${q.required ? " required" : ""}>${p}</label>`,
        )
        .join("")}</div>` +
      `<div class="ends" aria-hidden="true"><span>${e(t("surveyPublic.scaleLow"))}</span><span>${e(t("surveyPublic.scaleHigh"))}</span></div>`;
  else
    field = q.options
      .map(
        (o, i) =>
          `<label class="opt"><input type="${q.kind === "MULTIPLE" ? "checkbox" : "radio"}" name="${name}" value="${i}"${checked(i)}${q.kind === "SINGLE" && q.required ? " required" : ""}>${e(o)}</label>`,
      )
      .join("");
  const hint = q.kind === "MULTIPLE" ? `<p class="note">${e(t("surveyPublic.pickAny"))}</p>` : "";
  const err = error ? `<p class="err" id="${errId}">${e(t(`surveyPublic.errors.${error}`, { max: MAX_ANSWER_TEXT }))}</p>` : "";
  return `<fieldset id="${name}"${error ? ` aria-describedby="${errId}"` : ""}><legend>${e(q.text)}${required}</legend>${field}${hint}${err}</fieldset>`;
}

function answerForm({ t, survey, values = {}, errors = {} }: Props): string {
  const names = Object.keys(errors);
  const summary = names.length
    ? `<div class="alert" role="alert"><p>${e(t("surveyPublic.fixBelow"))}</p><ul>${names
        .map((n) => {
          const label = n === "code" ? t("surveyPublic.code") : (survey.questions.find((q) => `q${q.position}` === n)?.text ?? n);
          return `<li><a href="#${e(n)}">${e(label)}</a></li>`;
        })
        .join("")}</ul></div>`
    : "";
  const code = survey.byCode
    ? `<fieldset id="code"><legend><label for="code-input">${e(t("surveyPublic.code"))}</label><span class="req" aria-hidden="true">*</span></legend>` +
      `<p class="note">${e(t("surveyPublic.codeHint"))}</p>` +
      `<input id="code-input" type="text" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" value="${e(values.code?.[0] ?? "")}"${
        errors.code ? ` aria-describedby="code-error" aria-invalid="true"` : ""
      }>` +
      (errors.code ? `<p class="err" id="code-error">${e(t(`surveyPublic.errors.${errors.code}`))}</p>` : "") +
      `</fieldset>`
    : "";
  const questions = survey.questions.map((q) => question(t, q, values[`q${q.position}`] ?? [], errors[`q${q.position}`])).join("");
  return `<form method="post" action="/s/${e(survey.code)}" novalidate>${summary}${code}${questions}<button type="submit">${e(t("surveyPublic.send"))}</button></form>`;
}

function page(lang: string, nonce: string, title: string, main: string, script: boolean): string {
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${e(title)}</title><style nonce="${e(nonce)}">${CSS}</style></head>` +
    `<body><main>${main}</main>${script ? `<script nonce="${e(nonce)}">${SCRIPT}</script>` : ""}</body></html>`
  );
}

/** The whole document: the form, or one message (thanks, closed, already answered); a refused answer keeps what was typed. */
export function answerPageHtml(props: Props & { message?: { kind: "done" | "alert"; text: string } }): string {
  const { t, lang, nonce, survey, message } = props;
  const withForm = !message || (message.kind === "alert" && !!props.values);
  const main =
    `<span class="badge">${e(t("surveyPublic.badge"))}</span><h1>${e(survey.title)}</h1><p class="note">${e(t("surveyPublic.anonymous"))}</p>` +
    (message ? `<p class="${message.kind}" role="${message.kind === "alert" ? "alert" : "status"}">${e(message.text)}</p>` : "") +
    (withForm ? answerForm(props) : "");
  return page(lang, nonce, survey.title, main, withForm);
}

/** A code that names no survey: a plain page in the same look. */
export function unknownPageHtml(t: Translate, lang: "ja" | "en", nonce: string): string {
  return page(
    lang,
    nonce,
    t("surveyPublic.unknownTitle"),
    `<h1>${e(t("surveyPublic.unknownTitle"))}</h1><p class="alert" role="alert">${e(t("surveyPublic.unknown"))}</p>`,
    false,
  );
}
