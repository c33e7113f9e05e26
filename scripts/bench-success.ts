// The success-data part of `npm run bench`: 20,000 cases with assessments, 300 initiatives with
// results, stance history for every key person; then the dashboard query set and PDF generation.
import type { TeamCtx } from "@/lib/auth/context";
import { dashboardFilterSchema } from "@/lib/dashboard/filters";
import { loadDashboard } from "@/lib/dashboard/load";
import { renderReportPdf } from "@/lib/reports/pdf";
import { computeReport, createReport, getIssue, issueReport } from "@/lib/reports/reports";
import { reportSchema } from "@/lib/reports/schemas";

type Sql = (q: string, p?: unknown[]) => Promise<unknown[]>;

export const CASES = 20_000;
export const INITIATIVES = 300;

export async function seedSuccess(sql: Sql, teamId: string, people: number, nurses: number) {
  await sql(`INSERT INTO "RiskLevel" (id, "teamId", label, rank) SELECT 'rl' || g, $1, 'L' || g, g FROM generate_series(1, 4) g`, [teamId]);
  await sql(
    `INSERT INTO "Case" (id, "teamId", "employeeCode", kind, "departmentId", status, "consentAt", "openedOn", "returnOn", "continued3m", "continued6m", "updatedAt")
    SELECT 'c' || g, $1, 'EMP-' || g, (ARRAY['RETURN_TO_WORK','MENTAL_HEALTH','HIGH_RISK','LONG_HOURS','OTHER'])[1 + g % 5]::"CaseKind", 'd' || (1 + g % 300),
      (ARRAY['OPEN','FOLLOW_UP','CLOSED'])[1 + g % 3]::"CaseStatus", now(), (now() - (g % 700) * interval '1 day')::date,
      CASE WHEN g % 5 = 0 THEN (now() - (g % 600) * interval '1 day')::date END,
      CASE WHEN g % 5 = 0 AND g % 600 > 90 THEN g % 7 <> 0 END, CASE WHEN g % 5 = 0 AND g % 600 > 180 THEN g % 4 <> 0 END, now()
    FROM generate_series(1, ${CASES}) g`,
    [teamId],
  );
  await sql(
    `INSERT INTO "CaseNurse" ("caseId", "userId", "teamId") SELECT 'c' || g, 'u' || (1 + g % ${nurses}), $1 FROM generate_series(1, ${CASES}) g`,
    [teamId],
  );
  await sql(
    `INSERT INTO "CaseAssessment" (id, "teamId", "caseId", "riskLevelId", "assessedOn")
    SELECT 'a' || g || '-' || s, $1, 'c' || g, 'rl' || (1 + (g + s * (1 + g % 2)) % 4), (now() - ((g % 700) - s * 45) * interval '1 day')::date
    FROM generate_series(1, ${CASES}) g, generate_series(0, 3) s WHERE s <= g % 4 AND (g % 700) - s * 45 >= 0`,
    [teamId],
  );
  await sql(
    `INSERT INTO "Initiative" (id, "teamId", title, kind, stage, "goodExample", "indicatorName", "updatedAt")
    SELECT 'i' || g, $1, '施策' || g, (ARRAY['MINI_TALK','FOLLOW_UP_SCHEME','LEDGER_TOOL','SEMINAR','CAMPAIGN','OTHER'])[1 + g % 6]::"InitiativeKind",
      (ARRAY['IDEA','PROPOSED','PILOT','EVALUATED','ADOPTED','EXPANDED','STOPPED'])[1 + g % 7]::"InitiativeStage",
      CASE WHEN g % 9 = 0 THEN '5分の健康ミニ講話を朝礼で実施し、参加者の9割が「役立った」と回答。' ELSE '' END, '残業時間', now()
    FROM generate_series(1, ${INITIATIVES}) g`,
    [teamId],
  );
  await sql(
    `INSERT INTO "InitiativeDepartment" ("initiativeId", "departmentId", "teamId") SELECT 'i' || g, 'd' || (1 + g % 300), $1 FROM generate_series(1, ${INITIATIVES}) g`,
    [teamId],
  );
  await sql(
    `INSERT INTO "InitiativeStageChange" (id, "teamId", "initiativeId", "toStage", "changedById", "changedAt")
    SELECT 'sc' || g, $1, 'i' || g, 'PILOT', 'u1', now() - (g % 400) * interval '1 day' FROM generate_series(1, ${INITIATIVES}) g WHERE g % 7 >= 2`,
    [teamId],
  );
  await sql(
    `INSERT INTO "InitiativeResult" (id, "teamId", "initiativeId", "runOn", participants, "targetHeadcount", "satisfactionMean", "satisfactionResponses", "indicatorBefore", "indicatorAfter")
    SELECT 'ir' || g || '-' || s, $1, 'i' || g, (now() - ((g * 7 + s * 60) % 500) * interval '1 day')::date, 10 + g % 30, 50, 3 + (g % 20) / 10.0, 5 + g % 25, 40 + g % 10, 35 + g % 10
    FROM generate_series(1, ${INITIATIVES}) g, generate_series(1, 3) s`,
    [teamId],
  );
  await sql(
    `INSERT INTO "StanceChange" (id, "teamId", "keyPersonId", "fromStance", "toStance", "changedById", "changedAt")
    SELECT 'st' || g || '-' || s, $1, 'k' || g,
      CASE WHEN s = 0 THEN NULL ELSE (ARRAY['UNCOOPERATIVE','INDIFFERENT','NEUTRAL','COOPERATIVE','CHAMPION'])[1 + greatest(0, g % 5 - (g % 3) + s - 1)]::"Stance" END,
      (ARRAY['UNCOOPERATIVE','INDIFFERENT','NEUTRAL','COOPERATIVE','CHAMPION'])[1 + greatest(0, g % 5 - (g % 3) + s)]::"Stance",
      'u1', now() - (600 - s * 200 - g % 150) * interval '1 day'
    FROM generate_series(1, ${people}) g, generate_series(0, 2) s WHERE s <= g % 3`,
    [teamId],
  );
  await sql("ANALYZE");
}

export async function benchSuccess(
  ctx: TeamCtx,
  time: (fn: () => Promise<unknown>) => Promise<{ p50: number; p95: number }>,
  print: (name: string, t: { p50: number; p95: number }) => void,
) {
  const filter = (q: Record<string, string>) => dashboardFilterSchema.parse(q);
  print("dashboard, whole set (this fiscal year)", await time(() => loadDashboard(ctx, filter({ period: "year" }), "ja")));
  print("dashboard, whole set (last 12 months)", await time(() => loadDashboard(ctx, filter({ period: "12m" }), "ja")));
  print(
    "dashboard, one department + nurse",
    await time(() => loadDashboard(ctx, filter({ period: "12m", dept: "d42", nurse: "u7" }), "ja")),
  );
  const report = await createReport(
    ctx,
    reportSchema.parse({
      title: "ベンチマーク用の成果報告",
      periodFrom: "2025-11-25",
      periodTo: "2026-11-24",
      sections: ["summary", "improvement", "returnToWork", "pilots", "allies", "activity"],
      audience: "TEAM",
    }),
  );
  await benchIssue(ctx, report.id, print);
  const issue = await getIssue(ctx, report.id);
  print("PDF generation (all sections)", await time(() => renderReportPdf(issue.data, issue.issuedAt, issue.number)));
}

// Definitions a team issues over a year: fiscal years, the last 12 months, a half, single departments.
const HISTORY = [
  { periodFrom: "2025-04-01", periodTo: "2026-03-31" },
  { periodFrom: "2026-04-01", periodTo: "2027-03-31" },
  { periodFrom: "2025-11-25", periodTo: "2026-11-24" },
  { periodFrom: "2026-04-01", periodTo: "2026-09-30" },
  ...[1, 2, 3, 4, 5, 6].map((d) => ({ periodFrom: "2025-04-01", periodTo: "2026-09-30", departmentIds: [`d${d}`] })),
];
const EARLIER = 50;

/** Issuing with 50 earlier issued versions in the team's ledger: compute, audit against it, record. */
async function benchIssue(ctx: TeamCtx, reportId: string, print: (name: string, t: { p50: number; p95: number }) => void) {
  let issued = await ctx.db.reportIssue.count({ where: { teamId: ctx.teamId } });
  const started = performance.now();
  for (let i = 0; issued < EARLIER; i++, issued++) {
    const def = HISTORY[i % HISTORY.length]!;
    const r = await createReport(
      ctx,
      reportSchema.parse({ title: `履歴 ${i + 1}`, sections: ["improvement", "returnToWork"], departmentIds: [], ...def }),
    );
    await issueReport(ctx, r.id);
  }
  if (performance.now() - started > 1000)
    console.log(`(issued earlier versions up to ${EARLIER} in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  // Definitions the history has not seen (other quarters, another department): the full audit.
  const PERIODS = [
    ["2025-07-01", "2026-06-30"],
    ["2025-10-01", "2026-09-30"],
    ["2025-05-01", "2026-04-30"],
  ] as const;
  const fresh: number[] = [];
  let last: Awaited<ReturnType<typeof computeReport>> | undefined;
  for (let i = 0; i < 7; i++) {
    const [periodFrom, periodTo] = PERIODS[i % PERIODS.length]!;
    // A department no earlier run used: every run measures definitions new to the ledger.
    const departmentIds = i === 0 ? [] : [`d${20 + ((issued + i * 37) % 250)}`];
    const def = await createReport(
      ctx,
      reportSchema.parse({
        title: `新しい定義 ${Date.now()}`,
        periodFrom,
        periodTo,
        departmentIds,
        sections: ["improvement", "returnToWork"],
      }),
    );
    if (i === 6) {
      // One more company-wide period (five quarters), computed without recording, to show where the
      // time goes (new to the ledger on a freshly seeded bench).
      const probe = await createReport(
        ctx,
        reportSchema.parse({
          title: `新しい定義 ${Date.now()}`,
          periodFrom: "2025-04-01",
          periodTo: "2026-06-30",
          sections: ["improvement", "returnToWork"],
        }),
      );
      last = await computeReport(ctx, await ctx.db.report.findUniqueOrThrow({ where: { id: probe.id } }));
      break;
    }
    const t0 = performance.now();
    await issueReport(ctx, def.id);
    fresh.push(performance.now() - t0);
  }
  fresh.sort((a, b) => a - b);
  print(`issue: new definitions, ${EARLIER}+ earlier (6 runs)`, { p50: fresh[3]!, p95: fresh[5]! });
  printAudit(last!.loaded.release.stats);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t1 = performance.now();
    await issueReport(ctx, reportId);
    times.push(performance.now() - t1);
  }
  times.sort((a, b) => a - b);
  const sets = await ctx.db.disclosedSet.count({ where: { teamId: ctx.teamId } });
  print(`issue: the bench report, then re-issues (7 runs, ${sets} sets)`, { p50: times[3]!, p95: times[6]! });
  const { loaded } = await computeReport(ctx, await ctx.db.report.findUniqueOrThrow({ where: { id: reportId } }));
  printAudit(loaded.release.stats);
}

function printAudit(stats: Awaited<ReturnType<typeof computeReport>>["loaded"]["release"]["stats"]) {
  for (const [measure, st] of Object.entries(stats ?? {})) {
    if (st)
      console.log(
        `  audit ${measure.padEnd(12)} ${st.ms.toFixed(0).padStart(6)} ms  ${st.variables} variables (${st.classes} classes), ${st.equations} equations, ${st.targets} targets, ${st.solves} LPs, ${st.rounds} rounds`,
      );
  }
}
