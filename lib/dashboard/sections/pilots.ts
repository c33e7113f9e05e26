// The pilots section: the pipeline by stage, pilot → adoption, each initiative's results (a
// satisfaction mean over fewer than k answers hidden), and the good examples nurses wrote down.
import { STAGES } from "@/lib/initiatives/schemas";
import type { Translate } from "@/lib/i18n/translator";
import { groupSizeOf } from "@/lib/statistics/suppression";
import type { Fig, Section, Table } from "@/lib/reports/types";
import type * as q from "../queries";
import { MeasureSpace } from "../space";
import { recordRelease, type Release } from "./cases";

const round = (v: number) => Math.round(v * 10) / 10;

function improvementWord(t: Translate, before: number, after: number, lowerIsBetter: boolean, unit: string) {
  // From the values as printed: 13.3 → 10.7 is 2.6 points, whatever the unrounded values gave.
  const diff = round(round(after) - round(before));
  if (diff === 0) return t("dashboard.pilots.unchanged");
  const better = lowerIsBetter ? diff < 0 : diff > 0;
  // A change of a percentage is in points, not per cent.
  const amount = unit === "%" ? t("dashboard.pilots.points", { n: Math.abs(diff) }) : `${Math.abs(diff)}${unit}`;
  return t(better ? "dashboard.pilots.better" : "dashboard.pilots.worse", { diff: amount });
}

/**
 * Whether an indicator's values are counts (whole numbers of anything but a percentage): 休職者数
 * 2 → 1人, 再休職者数 3 → 2 with no unit, 休業件数 2 → 1件 each name a handful of people or their
 * leaves, whatever the unit says. A percentage or a score with decimals is not a count.
 */
const isCount = (unit: string, before: number, after: number) =>
  !["%", "％", "ポイント", "pt"].includes(unit.trim().toLowerCase()) && Number.isInteger(before) && Number.isInteger(after);

/** An initiative's before → after and its change; a count below k on either side is withheld. */
function indicatorCells(
  t: Translate,
  r: { indicatorName: string; indicatorUnit: string; lowerIsBetter: boolean; before: number | null; after: number | null },
  k: number,
): Fig[] {
  if (r.before === null || r.after === null)
    return [
      { t: "text", v: "" },
      { t: "text", v: "" },
    ];
  if (isCount(r.indicatorUnit, r.before, r.after) && Math.min(r.before, r.after) < groupSizeOf(k)) {
    return [
      { t: "text", v: `${r.indicatorName}: ${t("dashboard.pilots.fewPeople")}` },
      { t: "text", v: "" },
    ];
  }
  return [
    { t: "text", v: `${r.indicatorName}: ${round(r.before)} → ${round(r.after)}${r.indicatorUnit}` },
    { t: "text", v: improvementWord(t, r.before, r.after, r.lowerIsBetter, r.indicatorUnit) },
  ];
}

export type PilotData = { stages: q.StageRow[]; results: q.ResultRow[]; examples: Awaited<ReturnType<typeof q.goodExamples>> };

/**
 * Satisfaction's inner cells. On the dashboard, one per initiative. In a release, initiative × closed
 * quarter as first published (frozen), every initiative shown × quarter in the grid: means over them
 * are audited against every mean the team published (decision 009), so two periods a day apart
 * cannot give one day's answers.
 */
function satisfactionCells(results: q.ResultRow[], release?: Release) {
  if (!release) return results.map((r) => ({ key: r.id, n: r.responses, sum: r.satSum ?? 0 }));
  const frozen = new Map(release.rows.satisfaction.map((r) => [`${r.ini}|${r.q}`, r]));
  return results.flatMap((r) =>
    release.caseQuarters.map((qk) => {
      const key = `${r.id}|${qk}`;
      const row = frozen.get(key);
      return { key, n: row?.responses ?? 0, sum: row?.satSum ?? 0 };
    }),
  );
}

/**
 * A release's indicators: each initiative's before → after over its closed quarters as frozen. A count
 * indicator's sums are audited against every release (two periods a quarter apart would otherwise
 * give one quarter's people); the text of one whose sum is hidden says so. Rates and scores are a
 * group's property, shown as they are.
 */
function releaseIndicators(t: Translate, results: q.ResultRow[], release: Release, minGroupSize: number) {
  const frozen = release.rows.indicator;
  const ofInitiative = (id: string) => (key: string) => key.startsWith(`${id}|`);
  const cellsOf = (pick: (r: q.IndicatorRow) => number) =>
    results.flatMap((r) =>
      release.caseQuarters.map((qk) => {
        const row = frozen.find((x) => x.ini === r.id && x.q === qk);
        return { key: `${r.id}|${qk}`, n: row ? Math.round(pick(row)) : 0 };
      }),
    );
  const before = new MeasureSpace(cellsOf((r) => r.sb));
  const after = new MeasureSpace(cellsOf((r) => r.sa));
  const audited: { name: string; text: Fig[]; figs: Fig[] }[] = [];
  const cells = (r: q.ResultRow): Fig[] => {
    const rows = frozen.filter((x) => x.ini === r.id);
    const m = rows.reduce((a, x) => a + x.m, 0);
    const sb = rows.reduce((a, x) => a + x.sb, 0);
    const sa = rows.reduce((a, x) => a + x.sa, 0);
    const text = indicatorCells(t, { ...r, before: m ? sb / m : null, after: m ? sa / m : null }, minGroupSize);
    if (m && isCount(r.indicatorUnit, sb, sa))
      audited.push({ name: r.indicatorName, text, figs: [before.count(ofInitiative(r.id)), after.count(ofInitiative(r.id))] });
    return text;
  };
  const finish = async () => {
    const rule = { minGroupSize };
    await before.suppress(rule, release.disclosure.indicatorBefore);
    await after.suppress(rule, release.disclosure.indicatorAfter);
    recordRelease(release, "indicatorBefore", before);
    recordRelease(release, "indicatorAfter", after);
    // Either sum hidden hides the pair (the ledger then holds the other as published: more cautious).
    for (const a of audited)
      if (a.figs.some((f) => "s" in f && f.s)) {
        // The row holds these very objects: rewritten in place.
        const [label, change] = a.text as Extract<Fig, { t: "text" }>[];
        label!.v = `${a.name}: ${t("dashboard.pilots.fewPeople")}`;
        change!.v = "";
      }
  };
  return { cells, finish };
}

export async function pilotsSection(t: Translate, { stages, results, examples }: PilotData, minGroupSize: number, release?: Release) {
  const rule = { minGroupSize };
  const stageCount = (s: string) => stages.find((r) => r.stage === s)?.n ?? 0;
  const piloted = stages.reduce((a, r) => a + r.piloted, 0);
  const adopted = stageCount("ADOPTED") + stageCount("EXPANDED");
  const satisfaction = new MeasureSpace(satisfactionCells(results, release), { mean: { min: 1, max: 5 } });
  const ofInitiative = (id: string) => (key: string) => key === id || key.startsWith(`${id}|`);
  const indicators = release ? releaseIndicators(t, results, release, minGroupSize) : undefined;
  const stageTable: Table = {
    id: "pilots.byStage",
    title: t("dashboard.pilots.byStage"),
    columns: [t("dashboard.pilots.count")],
    rows: STAGES.map((s) => ({ label: t(`initiativeStages.${s}`), cells: [{ t: "num", v: stageCount(s) }] })),
    chart: { kind: "bar", series: [0] },
  };
  const conversion: Table = {
    id: "pilots.conversion",
    title: t("dashboard.pilots.conversion"),
    columns: [t("dashboard.pilots.conversionRate")],
    rows: [{ label: t("dashboard.pilots.pilotToAdopted"), cells: [{ t: "rate", n: piloted, hits: adopted }] }],
  };
  const resultTable: Table = {
    id: "pilots.results",
    title: t("dashboard.pilots.results"),
    columns: [
      t("dashboard.pilots.runs"),
      t("dashboard.pilots.participation"),
      t("dashboard.pilots.satisfaction"),
      t("dashboard.pilots.indicator"),
      t("dashboard.pilots.change"),
    ],
    rows: [
      {
        label: t("dashboard.total"),
        total: true,
        cells: [
          { t: "num", v: results.reduce((a, r) => a + r.runs, 0) },
          { t: "rate", n: results.reduce((a, r) => a + r.target, 0), hits: results.reduce((a, r) => a + r.participants, 0) },
          satisfaction.mean(() => true),
          { t: "text", v: "" },
          { t: "text", v: "" },
        ],
      },
      ...results.map((r) => ({
        label: r.title,
        cells: [
          { t: "num", v: r.runs },
          { t: "rate", n: r.target, hits: r.participants },
          satisfaction.mean(ofInitiative(r.id)),
          ...(indicators ? indicators.cells(r) : indicatorCells(t, r, rule.minGroupSize)),
        ] satisfies Fig[],
      })),
    ],
    empty: t("dashboard.pilots.noResults"),
  };
  await satisfaction.suppress(rule, release?.disclosure.satisfaction);
  await indicators?.finish();
  recordRelease(release, "satisfaction", satisfaction);
  const exampleTable: Table = {
    id: "pilots.goodExamples",
    title: t("dashboard.pilots.goodExamples"),
    columns: [t("dashboard.pilots.goodExample")],
    rows: examples.map((e) => ({ label: e.title, cells: [{ t: "text", v: e.goodExample }] })),
    empty: t("dashboard.pilots.noGoodExamples"),
  };
  const section: Section = {
    id: "pilots",
    title: t("dashboard.sections.pilots"),
    tables: [stageTable, conversion, resultTable, exampleTable],
  };
  return { section, piloted, adopted, participants: results.reduce((a, r) => a + r.participants, 0) };
}
