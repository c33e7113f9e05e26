// 保健師だより: the limits that keep it to one A4 page. Client-safe (no database).
export const NEWSLETTER_LIMITS = {
  title: 50,
  lead: 200,
  goodExample: 150,
  comment: 100,
  thanks: 100,
  closing: 100,
} as const;
/** At most this many survey questions become charts, side by side (the rest stay on the survey's page). */
export const MAX_CHARTS = 3;
/** The editable sentences, in the order the page prints them. */
export const NEWSLETTER_FIELDS = ["title", "lead", "goodExample", "comment1", "comment2", "thanks", "closing"] as const;
export type NewsletterField = (typeof NEWSLETTER_FIELDS)[number];

/** The sentences of a draft or an issue, by field, in print order. */
export const sentencesOf = (n: Record<NewsletterField, string>) =>
  Object.fromEntries(NEWSLETTER_FIELDS.map((f) => [f, n[f]])) as Record<NewsletterField, string>;

/** Cut to `max` characters (not UTF-16 units), an ellipsis marking the cut. */
export const clip = (text: string, max: number) => ([...text].length > max ? [...text].slice(0, max - 1).join("") + "…" : text);
/** In the PDF's charts, a question and an option are cut to these lengths so the page stays one page. */
export const CHART_QUESTION_CHARS = 30;
export const CHART_OPTION_CHARS = 12;
