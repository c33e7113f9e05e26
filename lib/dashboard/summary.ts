// The few sentences a committee reads first, filled from the numbers by catalog templates. A
// suppressed figure is never put into words; the sentence says it is withheld instead.
import { percent } from "@/lib/reports/format";
import type { Fig, Section } from "@/lib/reports/types";
import type { Translate } from "@/lib/i18n/translator";
import type { StanceAtRow } from "./queries";

export interface SummaryFacts {
  sections: Section[];
  stance: { first?: string; last?: string; rows: StanceAtRow[] };
  covered: number;
  departments: number;
  piloted: number;
  adopted: number;
  participants: number;
  give: number;
  ask: number;
  touchpoints: number;
  minGroupSize: number;
  /** False for managers and HR: stance, coverage, give/ask and coaching sentences stay in the team. */
  teamOnly: boolean;
  /** The team's own view shows hidden figures too, so its sentences may use them. */
  showHidden?: boolean;
}

const table = (sections: Section[], id: string) => sections.flatMap((s) => s.tables).find((t) => t.id === id);

export function summarize(t: Translate, locale: string, facts: SummaryFacts): string[] {
  return [...summarizeCases(t, locale, facts), ...summarizeRest(t, locale, facts)];
}

/** The sentences about case figures (improvement, return to work). */
export function summarizeCases(t: Translate, locale: string, facts: SummaryFacts): string[] {
  const hidden = (f: Fig) => !facts.showHidden && "s" in f && !!f.s;
  const rateOf = (f: Fig | undefined) =>
    f && f.t === "rate" && !hidden(f) && f.n && f.hits !== null ? { rate: f.hits / f.n, n: f.n, hits: f.hits } : null;
  const out: string[] = [];
  const s = (key: string, values?: Record<string, string | number>) => t(`dashboard.summary.${key}`, values);

  const imp = table(facts.sections, "improvement.byQuarter");
  if (imp) {
    const total = imp.rows[0]?.cells[0];
    const r = rateOf(total);
    // A zero the table hides is not put into words either.
    if (total && total.t === "rate" && total.n === 0 && !hidden(total)) out.push(s("improvementNone"));
    else if (!r) out.push(s("improvementWithheld", { k: facts.minGroupSize }));
    else {
      out.push(s("improvement", { rate: percent(locale, r.rate), hits: r.hits, n: r.n }));
      const quarters = imp.rows
        .slice(1)
        .map((row) => ({ label: row.label, r: rateOf(row.cells[0]) }))
        .filter((x) => x.r);
      if (quarters.length >= 2) {
        const [prev, last] = quarters.slice(-2) as { label: string; r: NonNullable<ReturnType<typeof rateOf>> }[];
        const diff = Math.round((last!.r.rate - prev!.r.rate) * 1000) / 10;
        out.push(
          s(diff > 0 ? "improvementUp" : diff < 0 ? "improvementDown" : "improvementFlat", {
            quarter: last!.label,
            rate: percent(locale, last!.r.rate),
            diff: Math.abs(diff),
          }),
        );
      }
    }
  }

  const rtw = table(facts.sections, "returnToWork.byQuarter");
  if (rtw) {
    const [returns, c3, c6] = rtw.rows[0]?.cells ?? [];
    if (returns && returns.t === "count" && returns.n === 0 && !hidden(returns)) out.push(s("returnNone"));
    else if (!returns || returns.t !== "count" || hidden(returns)) out.push(s("returnWithheld", { k: facts.minGroupSize }));
    else {
      const r3 = rateOf(c3);
      const r6 = rateOf(c6);
      // One sentence per combination: a hidden rate is left out, never "非表示" mid-sentence.
      const key = r3 && r6 ? "returns" : r3 ? "returnsC3" : r6 ? "returnsC6" : "returnsOnly";
      out.push(
        s(key, { n: returns.n ?? 0, ...(r3 ? { c3: percent(locale, r3.rate) } : {}), ...(r6 ? { c6: percent(locale, r6.rate) } : {}) }),
      );
    }
  }

  return out;
}

function summarizeRest(t: Translate, locale: string, facts: SummaryFacts): string[] {
  const hidden = (f: Fig) => !facts.showHidden && "s" in f && !!f.s;
  const rateOf = (f: Fig | undefined) =>
    f && f.t === "rate" && !hidden(f) && f.n && f.hits !== null ? { rate: f.hits / f.n, n: f.n, hits: f.hits } : null;
  const out: string[] = [];
  const s = (key: string, values?: Record<string, string | number>) => t(`dashboard.summary.${key}`, values);

  if (table(facts.sections, "pilots.byStage") || facts.piloted > 0) {
    out.push(
      facts.piloted ? s("pilots", { piloted: facts.piloted, adopted: facts.adopted, participants: facts.participants }) : s("pilotsNone"),
    );
  }

  if (!facts.teamOnly) return out;

  if (facts.stance.first && facts.stance.last) {
    const count = (at: string) => facts.stance.rows.filter((r) => r.at === at && r.stance === "CHAMPION").reduce((a, r) => a + r.n, 0);
    const first = count(facts.stance.first);
    const last = count(facts.stance.last);
    const diff = last - first;
    out.push(s(diff > 0 ? "championsUp" : diff < 0 ? "championsDown" : "championsFlat", { first, last, diff: Math.abs(diff) }));
    if (facts.departments)
      out.push(
        s("coverage", { covered: facts.covered, total: facts.departments, rate: percent(locale, facts.covered / facts.departments) }),
      );
  }

  if (facts.touchpoints) {
    const acc = rateOf(table(facts.sections, "activity.acceptance")?.rows[0]?.cells[0]);
    out.push(s("activity", { n: facts.touchpoints, give: facts.give, ask: facts.ask }));
    if (acc) out.push(s("acceptance", { rate: percent(locale, acc.rate), hits: acc.hits, n: acc.n }));
    if (facts.ask > facts.give) out.push(s("askHeavy"));
  }
  return out;
}
