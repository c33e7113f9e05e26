// The answer page as plain HTML: no framework JavaScript, so it loads fast on a phone on a factory
// floor and works with JavaScript off (a form POST). A few lines of script only disable the button
// while sending and count characters.
import { renderToStaticMarkup } from "react-dom/server";
import type { Translate } from "@/lib/i18n/translator";
import type { FormValues, PublicQuestion, PublicSurvey } from "@/lib/surveys/answer";
import { MAX_ANSWER_TEXT } from "@/lib/surveys/constants";

const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif;color:#1c1917;background:#fafaf9}
main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.35rem;line-height:1.4;margin:.5rem 0}
.note{color:#44403c;font-size:.9rem;margin:0 0 1rem}.badge{display:inline-block;background:#e7f5ef;color:#115e45;border-radius:999px;padding:.1rem .6rem;font-size:.85rem;font-weight:600}
fieldset{border:1px solid #d6d3d1;border-radius:.6rem;background:#fff;margin:0 0 1rem;padding:.75rem 1rem 1rem}
legend{font-weight:600;padding:0 .25rem}.req{color:#b91c1c;margin-left:.25rem}
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

type Props = {
  t: Translate;
  lang: "ja" | "en";
  nonce: string;
  survey: PublicSurvey;
  values?: FormValues;
  errors?: Record<string, string>;
};

function Question({ t, q, values, error }: { t: Translate; q: PublicQuestion; values: string[]; error?: string }) {
  const name = `q${q.position}`;
  const errId = `${name}-error`;
  const described = error ? errId : undefined;
  return (
    <fieldset id={name} aria-describedby={described}>
      <legend>
        {q.text}
        {q.required && (
          <>
            <span className="req" aria-hidden>
              *
            </span>
            <span className="sr">{t("surveyPublic.required")}</span>
          </>
        )}
      </legend>
      {q.kind === "TEXT" ? (
        <>
          <textarea id={`${name}-text`} name={name} maxLength={MAX_ANSWER_TEXT} aria-label={q.text} defaultValue={values[0] ?? ""} />
          <p className="count" id={`${name}-text-count`} aria-live="polite" />
        </>
      ) : q.kind === "SCALE" ? (
        <>
          <div className="scale">
            {[1, 2, 3, 4, 5].map((p) => (
              <label key={p} className="opt">
                <input type="radio" name={name} value={p} defaultChecked={values.includes(String(p))} required={q.required} />
                {p}
              </label>
            ))}
          </div>
          <div className="ends" aria-hidden>
            <span>{t("surveyPublic.scaleLow")}</span>
            <span>{t("surveyPublic.scaleHigh")}</span>
          </div>
        </>
      ) : (
        q.options.map((o, i) => (
          <label key={i} className="opt">
            <input
              type={q.kind === "MULTIPLE" ? "checkbox" : "radio"}
              name={name}
              value={i}
              defaultChecked={values.includes(String(i))}
              required={q.kind === "SINGLE" && q.required}
            />
            {o}
          </label>
        ))
      )}
      {q.kind === "MULTIPLE" && <p className="note">{t("surveyPublic.pickAny")}</p>}
      {error && (
        <p className="err" id={errId}>
          {t(`surveyPublic.errors.${error}`, { max: MAX_ANSWER_TEXT })}
        </p>
      )}
    </fieldset>
  );
}

function AnswerForm({ t, survey, values = {}, errors = {} }: Props) {
  const errorNames = Object.keys(errors);
  return (
    <form method="post" action={`/s/${survey.code}`} noValidate>
      {errorNames.length > 0 && (
        <div className="alert" role="alert">
          <p>{t("surveyPublic.fixBelow")}</p>
          <ul>
            {errorNames.map((n) => (
              <li key={n}>
                <a href={`#${n}`}>
                  {n === "code" ? t("surveyPublic.code") : (survey.questions.find((q) => `q${q.position}` === n)?.text ?? n)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {survey.byCode && (
        <fieldset id="code">
          <legend>
            <label htmlFor="code-input">{t("surveyPublic.code")}</label>
            <span className="req" aria-hidden>
              *
            </span>
          </legend>
          <p className="note">{t("surveyPublic.codeHint")}</p>
          <input
            id="code-input"
            type="text"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={values.code?.[0] ?? ""}
            aria-describedby={errors.code ? "code-error" : undefined}
            aria-invalid={errors.code ? true : undefined}
          />
          {errors.code && (
            <p className="err" id="code-error">
              {t(`surveyPublic.errors.${errors.code}`)}
            </p>
          )}
        </fieldset>
      )}
      {survey.questions.map((q) => (
        <Question key={q.position} t={t} q={q} values={values[`q${q.position}`] ?? []} error={errors[`q${q.position}`]} />
      ))}
      <button type="submit">{t("surveyPublic.send")}</button>
    </form>
  );
}

/** The whole document: the form, or one message (thanks, closed, already answered). */
export function answerPageHtml(props: Props & { message?: { kind: "done" | "alert"; text: string } }): string {
  const { t, lang, nonce, survey, message } = props;
  const body = (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{survey.title}</title>
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <main>
          <span className="badge">{t("surveyPublic.badge")}</span>
          <h1>{survey.title}</h1>
          <p className="note">{t("surveyPublic.anonymous")}</p>
          {message && (
            <p className={message.kind} role={message.kind === "alert" ? "alert" : "status"}>
              {message.text}
            </p>
          )}
          {/* A refused answer keeps what was typed (a closed survey, too many answers from here). */}
          {(!message || (message.kind === "alert" && props.values)) && <AnswerForm {...props} />}
        </main>
        {(!message || props.values) && <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SCRIPT }} />}
      </body>
    </html>
  );
  return `<!DOCTYPE html>${renderToStaticMarkup(body)}`;
}

/** A code that names no survey: a plain page in the same look. */
export function unknownPageHtml(t: Translate, lang: "ja" | "en", nonce: string): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t("surveyPublic.unknownTitle")}</title>
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <main>
          <h1>{t("surveyPublic.unknownTitle")}</h1>
          <p className="alert" role="alert">
            {t("surveyPublic.unknown")}
          </p>
        </main>
      </body>
    </html>,
  )}`;
}
