// The issued 保健師だより as plain text, to paste into the company newsletter or an intranet post:
// the same sentences and figures as the PDF, in reading order, no markup.
import { formatLongDay } from "@/lib/dates";
import type { Translate } from "@/lib/i18n/translator";
import type { NewsletterFigures } from "./figures";
import type { FrozenNewsletter } from "./newsletters";

/** The headline figures as short phrases ("回答 18人（回答率 75%）", "満足度 4.3 / 5"). */
export function figureLines(f: NewsletterFigures, t: Translate): string[] {
  const lines: string[] = [];
  if (f.participants !== null) lines.push(t("newsletters.figures.participants", { n: f.participants }));
  if (f.responses !== null)
    lines.push(
      f.rate !== null
        ? t("newsletters.figures.responsesRate", { n: f.responses, rate: Math.round(f.rate * 100) })
        : t("newsletters.figures.responses", { n: f.responses }),
    );
  if (f.satisfaction) lines.push(t("newsletters.figures.satisfaction", { mean: f.satisfaction.mean.toFixed(1) }));
  return lines;
}

export function newsletterText(n: FrozenNewsletter, t: Translate, locale: "ja" | "en"): string {
  const f = n.figures;
  const out: string[] = [
    `【${t("newsletters.masthead")}】${n.title}`,
    t("newsletters.byline", { team: f.teamName, date: formatLongDay(locale, n.issuedAt.toISOString().slice(0, 10)) }),
    "",
    n.lead,
  ];
  const figures = figureLines(f, t);
  if (figures.length || f.charts.length) {
    out.push("", `■ ${t("newsletters.sections.figures")}`);
    for (const line of figures) out.push(`・${line}`);
    for (const c of f.charts) {
      out.push(`・${c.question}（${t("newsletters.figures.n", { n: c.n })}）`);
      for (const b of c.bars) out.push(`　${b.label}: ${b.percent}%`);
    }
  }
  const comments = [n.comment1, n.comment2].filter(Boolean);
  if (comments.length) {
    out.push("", `■ ${t("newsletters.sections.voices")}`);
    for (const c of comments) out.push(`「${c}」`);
  }
  if (n.goodExample) out.push("", `■ ${t("newsletters.sections.goodExample")}`, n.goodExample);
  if (n.thanks) out.push("", `■ ${t("newsletters.sections.thanks")}`, n.thanks);
  if (n.closing) out.push("", n.closing);
  return out.join("\n");
}
