// An issued (or previewed) 保健師だより as a page: the same sentences, figures and bars as its PDF.
// Rendered on the server only; the words around the nurse's sentences follow the language.
import type { Translate } from "@/lib/i18n/translator";
import { formatLongDay } from "@/lib/dates";
import type { FrozenNewsletter } from "@/lib/newsletters/newsletters";
import { figureLines } from "@/lib/newsletters/text";

export function NewsletterBody({ n, t, preview = false }: { n: Omit<FrozenNewsletter, "id">; t: Translate; preview?: boolean }) {
  const f = n.figures;
  const stats = figureLines(f, t);
  const voices = [n.comment1, n.comment2].filter(Boolean);
  const day = formatLongDay(f.locale, n.issuedAt.toISOString().slice(0, 10));
  return (
    <article
      className="space-y-4 rounded-md bg-white p-4 text-stone-900 shadow-sm sm:p-6"
      data-testid={preview ? "newsletter-preview" : "newsletter"}
    >
      <header className="flex flex-wrap items-end justify-between gap-2 border-b-4 border-brand-700 pb-2">
        <p className="text-xl font-bold text-brand-700">{t("newsletters.masthead")}</p>
        <p className="text-right text-xs text-stone-600">
          {f.teamName}
          <br />
          {preview ? day : t("newsletters.issueLine", { date: day, number: n.number })}
        </p>
      </header>
      <h2 className="text-xl leading-snug font-bold">{n.title}</h2>
      <p className="leading-relaxed whitespace-pre-wrap">{n.lead}</p>
      {(stats.length > 0 || f.charts.length > 0) && (
        <section className="space-y-3">
          <h3 className="font-bold text-brand-700">{t("newsletters.sections.figures")}</h3>
          {stats.length > 0 && (
            <ul className="grid gap-2 sm:grid-cols-3">
              {stats.map((line) => (
                <li key={line} className="rounded bg-brand-50 p-2 text-center font-bold">
                  {line}
                </li>
              ))}
            </ul>
          )}
          {f.charts.map((c, i) => (
            <figure key={i} className="space-y-1">
              <figcaption className="text-sm font-semibold">
                {c.question}（{t("newsletters.figures.n", { n: c.n })}）
              </figcaption>
              <ul className="space-y-1">
                {c.bars.map((b, j) => (
                  <li key={j} className="grid grid-cols-[minmax(6rem,12rem)_1fr_3rem] items-center gap-2 text-sm">
                    <span>{b.label}</span>
                    <span className="h-3 bg-stone-100" aria-hidden="true">
                      <span className="block h-3 bg-brand-600" style={{ width: `${Math.max(0, Math.min(100, b.percent))}%` }} />
                    </span>
                    <span className="text-right tabular-nums">{b.percent}%</span>
                  </li>
                ))}
              </ul>
            </figure>
          ))}
        </section>
      )}
      {voices.length > 0 && (
        <section className="space-y-2">
          <h3 className="font-bold text-brand-700">{t("newsletters.sections.voices")}</h3>
          {voices.map((v, i) => (
            <blockquote key={i} className="border-l-4 border-brand-500 bg-stone-50 p-2 whitespace-pre-wrap">
              「{v}」
            </blockquote>
          ))}
        </section>
      )}
      {n.goodExample && (
        <section className="space-y-1">
          <h3 className="font-bold text-brand-700">{t("newsletters.sections.goodExample")}</h3>
          <p className="whitespace-pre-wrap">{n.goodExample}</p>
        </section>
      )}
      {n.thanks && (
        <section className="space-y-1">
          <h3 className="font-bold text-brand-700">{t("newsletters.sections.thanks")}</h3>
          <p className="rounded border border-brand-100 p-2 whitespace-pre-wrap">{n.thanks}</p>
        </section>
      )}
      {n.closing && <p className="whitespace-pre-wrap text-stone-700">{n.closing}</p>}
      <p className="text-xs text-stone-600">{t("newsletters.footer", { k: f.k })}</p>
    </article>
  );
}
