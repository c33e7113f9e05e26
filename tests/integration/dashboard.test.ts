import { describe, expect, it } from "vitest";
import { buildSuccessData } from "@/lib/dashboard/build";
import { stanceDayRows } from "@/lib/dashboard/queries";
import { dashboardFilterSchema } from "@/lib/dashboard/filters";
import { forViewer, loadDashboard, publishedCaseSections } from "@/lib/dashboard/load";
import { createReport, getIssue, issueReport } from "@/lib/reports/reports";
import { reportSchema } from "@/lib/reports/schemas";
import type { ResolvedFilter } from "@/lib/dashboard/filters";
import { formatFig, publish } from "@/lib/reports/format";
import type { Fig, ReportData } from "@/lib/reports/types";
import { addResult, createInitiative } from "@/lib/initiatives/initiatives";
import { createInitiativeSchema, resultSchema } from "@/lib/initiatives/schemas";
import { setupTestDatabase } from "../support/db";
import { createDepartment, createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const NOW = new Date("2026-11-24T03:00:00Z");
const FY2026: ResolvedFilter = { from: new Date("2026-04-01T00:00:00Z"), to: new Date("2027-04-01T00:00:00Z") };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The fixture, by hand:
 *   D1: 6 evaluated cases (Q2: 3 with 2 improved; Q3: 3 with 2 improved), one of them LONG_HOURS (improved, Q3)
 *   D2: 3 evaluated cases in Q3, 1 improved
 *   not counted: a D1 case with one assessment, a deleted case, a case last assessed before the period
 * → total 5/9; by quarter Q2 2/3, Q3 3/6; by department D1 4/6, D2 1/3; by kind HIGH_RISK 4/8, LONG_HOURS 1/1.
 */
async function fixture() {
  const { team, admin, nurse } = await createTeamWithRoles(db());
  await db().team.update({ where: { id: team.id }, data: { minGroupSize: 5 } });
  const company = await createDepartment(db(), team.id, "本社");
  const site = await createDepartment(db(), team.id, "工場", company);
  const d1 = await createDepartment(db(), team.id, "製造一課", site);
  const d2 = await createDepartment(db(), team.id, "品質課", site);
  const levels = await Promise.all(
    [1, 2, 3, 4].map((rank) => db().riskLevel.create({ data: { teamId: team.id, label: `L${rank}`, rank } })),
  );
  let seq = 0;
  async function addCase(
    dep: string,
    kind: "HIGH_RISK" | "LONG_HOURS" | "RETURN_TO_WORK",
    ranks: number[],
    lastOn: string,
    extra: Record<string, unknown> = {},
  ) {
    seq += 1;
    const last = d(lastOn).getTime();
    return db().case.create({
      data: {
        teamId: team.id,
        employeeCode: `EMP-${1000 + seq}`,
        kind,
        departmentId: dep,
        openedOn: d("2026-01-10"),
        consentAt: d("2026-01-10"),
        nurses: { create: [{ userId: nurse.user.id, teamId: team.id }] },
        assessments: {
          create: ranks.map((rank, i) => ({
            teamId: team.id,
            riskLevelId: levels[rank - 1]!.id,
            assessedOn: new Date(last - (ranks.length - 1 - i) * 30 * 86_400_000),
          })),
        },
        ...extra,
      },
    });
  }
  // D1, Q2 (Apr–Jun): 2 of 3 improved.
  await addCase(d1.id, "HIGH_RISK", [1, 3], "2026-05-10");
  await addCase(d1.id, "HIGH_RISK", [2, 3], "2026-06-20");
  await addCase(d1.id, "HIGH_RISK", [2, 2], "2026-06-25");
  // D1, Q3: 2 of 3 improved, one LONG_HOURS.
  await addCase(d1.id, "HIGH_RISK", [1, 2, 4], "2026-08-01");
  await addCase(d1.id, "LONG_HOURS", [2, 3], "2026-09-01");
  await addCase(d1.id, "HIGH_RISK", [3, 1], "2026-09-15");
  // D2, Q3: 1 of 3.
  await addCase(d2.id, "HIGH_RISK", [1, 2], "2026-07-10");
  await addCase(d2.id, "HIGH_RISK", [2, 1], "2026-07-20");
  await addCase(d2.id, "HIGH_RISK", [2, 2], "2026-08-20");
  // Not counted.
  await addCase(d1.id, "HIGH_RISK", [1], "2026-07-01");
  await addCase(d1.id, "HIGH_RISK", [1, 4], "2026-07-02", { deletedAt: NOW });
  await addCase(d2.id, "HIGH_RISK", [1, 4], "2026-03-01");
  // Return to work: 2 in D1 (one still working at 3 months, one not).
  await addCase(d1.id, "RETURN_TO_WORK", [3], "2026-10-01", { returnOn: d("2026-05-01"), continued3m: true });
  await addCase(d1.id, "RETURN_TO_WORK", [2], "2026-10-02", { returnOn: d("2026-06-01"), continued3m: false });

  // Allies: P1 neutral → champion on 2026-08-01; P2 cooperative since May; P3 indifferent in D2.
  const p1 = await createPerson(db(), team.id, { name: "甲", departmentId: d1.id, stance: "CHAMPION", ownerId: nurse.user.id });
  const p2 = await createPerson(db(), team.id, { name: "乙", departmentId: d1.id, stance: "COOPERATIVE" });
  const p3 = await createPerson(db(), team.id, { name: "丙", departmentId: d2.id, stance: "INDIFFERENT" });
  await db().stanceChange.createMany({
    data: [
      {
        teamId: team.id,
        keyPersonId: p1.id,
        fromStance: null,
        toStance: "NEUTRAL",
        changedById: admin.user.id,
        changedAt: new Date("2026-01-05T01:00:00Z"),
      },
      {
        teamId: team.id,
        keyPersonId: p1.id,
        fromStance: "NEUTRAL",
        toStance: "CHAMPION",
        changedById: admin.user.id,
        changedAt: new Date("2026-08-01T01:00:00Z"),
      },
      {
        teamId: team.id,
        keyPersonId: p2.id,
        fromStance: null,
        toStance: "COOPERATIVE",
        changedById: admin.user.id,
        changedAt: new Date("2026-05-01T01:00:00Z"),
      },
      {
        teamId: team.id,
        keyPersonId: p3.id,
        fromStance: null,
        toStance: "INDIFFERENT",
        changedById: admin.user.id,
        changedAt: new Date("2026-05-01T01:00:00Z"),
      },
    ],
  });
  // Activity in September (JST): 3 gives, 1 ask; one deleted give that must not count.
  for (const [type, deleted] of [
    ["GIVE", false],
    ["GIVE", false],
    ["GIVE", false],
    ["ASK", false],
    ["GIVE", true],
  ] as const) {
    await db().touchpoint.create({
      data: {
        teamId: team.id,
        type,
        occurredAt: new Date("2026-08-31T16:00:00Z"),
        nurseId: nurse.user.id,
        deletedAt: deleted ? NOW : null,
        participants: { create: [{ keyPersonId: p1.id, teamId: team.id, type, occurredAt: new Date("2026-08-31T16:00:00Z") }] },
      },
    });
  }
  return { team, d1, d2, site, company, nurse, admin, p1, p2, p3 };
}

const find = (data: ReportData, tableId: string, label: string): Fig[] => {
  const table = data.sections.flatMap((s) => s.tables).find((t) => t.id === tableId);
  const row = table?.rows.find((r) => r.label === label);
  if (!row) throw new Error(`no row ${label} in ${tableId}: ${table?.rows.map((r) => r.label).join(", ")}`);
  return row.cells;
};

async function build(teamId: string, filter = FY2026) {
  return buildSuccessData(
    { db: db(), teamId },
    { teamName: "T", minGroupSize: 5, locale: "ja", filter, scopeRoots: [], periodLabel: "2026年度", now: NOW },
  );
}

describe("success data", () => {
  it("computes improvement rates by quarter, department and kind from the assessments", async () => {
    const { team } = await fixture();
    const data = await build(team.id);
    expect(find(data, "improvement.byQuarter", "全体")[0]).toMatchObject({ t: "rate", n: 9, hits: 5 });
    expect(find(data, "improvement.byQuarter", "2026年4–6月")[0]).toMatchObject({ n: 3, hits: 2, s: "primary" });
    // 3 of 6: fewer than k on either side, so hidden in its own right.
    expect(find(data, "improvement.byQuarter", "2026年7–9月")[0]).toMatchObject({ n: 6, hits: 3, s: "primary" });
    // A shown zero would make every "*" mean "at least one": zeros are hidden like ones.
    expect(find(data, "improvement.byQuarter", "2026年10–12月")[0]).toMatchObject({ n: 0, hits: 0, s: "primary" });
    // The fiscal year still under way ends today: no empty quarters from the future.
    expect(data.sections.flatMap((s) => s.tables.flatMap((t) => t.rows.map((r) => r.label))).filter((l) => l.startsWith("2027"))).toEqual(
      [],
    );
    expect(find(data, "improvement.byDepartment", "本社")[0]).toMatchObject({ n: 9, hits: 5 });
    expect(find(data, "improvement.byDepartment", "工場")[0]).toMatchObject({ n: 9, hits: 5 });
    // Each department and kind has fewer than k improved or not improved: hidden in its own right.
    expect(find(data, "improvement.byDepartment", "品質課")[0]).toMatchObject({ n: 3, hits: 1, s: "primary" });
    expect(find(data, "improvement.byDepartment", "製造一課")[0]).toMatchObject({ n: 6, hits: 4, s: "primary" });
    expect(find(data, "improvement.byKind", "健診高リスク")[0]).toMatchObject({ n: 8, hits: 4, s: "primary" });
    expect(find(data, "improvement.byKind", "長時間労働")[0]).toMatchObject({ n: 1, hits: 1, s: "primary" });
    // The total (5 of 9) is hidden too, and its sentence says so without a number.
    expect(data.summary[0]).toBe("改善率は、個人が推測されないよう伏せています。");
    // The team's own view shows every number, so its sentence does not say it is withheld.
    expect(data.teamSummary?.[0]).toBe("この期間、高リスク者の改善率は 55.6%（評価 9 件中 5 件が改善）でした。");
    expect(publish(data)).not.toHaveProperty("teamSummary");
  });

  it("scopes to a department subtree and to a nurse", async () => {
    const { team, d1, nurse } = await fixture();
    const scoped = await build(team.id, { ...FY2026, departmentIds: [d1.id] });
    expect(find(scoped, "improvement.byQuarter", "全体")[0]).toMatchObject({ n: 6, hits: 4 });
    const other = await build(team.id, { ...FY2026, nurseId: "nobody" });
    expect(find(other, "improvement.byQuarter", "全体")[0]).toMatchObject({ n: 0 });
    const mine = await build(team.id, { ...FY2026, nurseId: nurse.user.id });
    expect(find(mine, "improvement.byQuarter", "全体")[0]).toMatchObject({ n: 9 });
  });

  it("counts returns, allies at quarter ends, coverage and activity", async () => {
    const { team } = await fixture();
    const data = await build(team.id);
    const rtw = find(data, "returnToWork.byQuarter", "全体");
    expect(rtw[0]).toMatchObject({ t: "count", n: 2, s: "primary" });
    expect(rtw[1]).toMatchObject({ t: "rate", n: 2, hits: 1, s: "primary" });
    const asOf = (date: string) => find(data, "allies.byQuarter", `${date}時点`);
    // Columns: 非協力, 無関心, 中立, 協力的, 応援者.
    expect(asOf("2026/06/30").map((c) => (c.t === "num" ? c.v : null))).toEqual([0, 1, 1, 1, 0]);
    expect(asOf("2026/09/30").map((c) => (c.t === "num" ? c.v : null))).toEqual([0, 1, 0, 1, 1]);
    expect(find(data, "allies.moves", "2026年7–9月").map((c) => (c.t === "num" ? c.v : null))).toEqual([1, 0]);
    expect(find(data, "allies.coverage", "協力的以上の人がいる部署")[0]).toMatchObject({ n: 2, hits: 1 });
    expect(find(data, "activity.byMonth", "2026年9月").map((c) => (c.t === "num" ? c.v : null))).toEqual([3, 1]);
    expect(find(data, "activity.balance", "全体")[0]).toMatchObject({ v: 3 });
    expect(data.summary).toContain("応援者は 0 名から 1 名に 1 名増えました。");
  });

  it("says a fiscal year still under way ends today", async () => {
    const t = await createTeamWithRoles(db());
    const data = await loadDashboard(await ctxFor(db(), t.admin.user.id), dashboardFilterSchema.parse({ period: "year" }), "ja", {
      now: NOW,
    });
    expect(data.periodLabel).toBe("今年度（2026/04/01 〜 2026/11/24）");
  });

  it("calls a fall of a higher-is-better rate a worsening, in points", async () => {
    const t = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), t.nurse.user.id);
    const { id } = await createInitiative(
      ctx,
      createInitiativeSchema.parse({
        title: "管理台帳の導入",
        kind: "LEDGER_TOOL",
        ownerIds: [t.nurse.user.id],
        indicatorName: "台帳提出率",
        indicatorUnit: "%",
        indicatorLowerIsBetter: false,
      }),
    );
    await addResult(
      ctx,
      resultSchema.parse({
        initiativeId: id,
        runOn: "2026-07-10",
        participants: "20",
        targetHeadcount: "30",
        indicatorBefore: "13",
        indicatorAfter: "7",
      }),
    );
    const row = find(await build(t.team.id), "pilots.results", "管理台帳の導入");
    expect(row[3]).toEqual({ t: "text", v: "台帳提出率: 13 → 7%" });
    expect(row[4]).toEqual({ t: "text", v: "6ポイント 悪化" });
  });

  it("hides a before/after count below k on either side, whatever its unit (休職者数 2 → 1人 is two people; 3 → 2, 2 → 1件 too)", async () => {
    const t = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), t.nurse.user.id);
    const add = async (title: string, unit: string, before: string, after: string) => {
      const { id } = await createInitiative(
        ctx,
        createInitiativeSchema.parse({
          title,
          kind: "FOLLOW_UP_SCHEME",
          ownerIds: [t.nurse.user.id],
          indicatorName: "休職者数",
          indicatorUnit: unit,
          indicatorLowerIsBetter: true,
        }),
      );
      await addResult(
        ctx,
        resultSchema.parse({
          initiativeId: id,
          runOn: "2026-07-10",
          participants: "3",
          targetHeadcount: "3",
          indicatorBefore: before,
          indicatorAfter: after,
        }),
      );
    };
    await add("小さな課の復職支援", "人", "2", "1");
    await add("大きな部の復職支援", "名", "24", "12");
    await add("件数の指標", "件", "2", "1");
    await add("単位のない指標", "", "3", "2");
    await add("割合の指標", "%", "13.3", "10.7");
    await add("丸めの指標", "%", "13.333", "10.667");
    const data = await build(t.team.id);
    const small = find(data, "pilots.results", "小さな課の復職支援");
    expect(small[3]).toEqual({ t: "text", v: "休職者数: 少人数のため表示しません" });
    expect(small[4]).toEqual({ t: "text", v: "" });
    expect(JSON.stringify(small)).not.toMatch(/2 → 1/);
    expect(find(data, "pilots.results", "大きな部の復職支援")[3]).toEqual({ t: "text", v: "休職者数: 24 → 12名" });
    // Counts in any unit, or none: withheld the same way.
    expect(find(data, "pilots.results", "件数の指標")[3]).toEqual({ t: "text", v: "休職者数: 少人数のため表示しません" });
    expect(find(data, "pilots.results", "単位のない指標")[3]).toEqual({ t: "text", v: "休職者数: 少人数のため表示しません" });
    // A percentage is not a count of anyone.
    expect(find(data, "pilots.results", "割合の指標")[3]).toEqual({ t: "text", v: "休職者数: 13.3 → 10.7%" });
    // The change is read from the values as printed: 13.3 → 10.7 is 2.6 points (2.666… unrounded).
    expect(find(data, "pilots.results", "丸めの指標").slice(3)).toEqual([
      { t: "text", v: "休職者数: 13.3 → 10.7%" },
      { t: "text", v: "2.6ポイント 改善" },
    ]);
  });

  it("shows a nurse who cannot read every case no case figure finer than an issued report (two views a day apart gave one case)", async () => {
    const { team, nurse } = await fixture();
    const ctx = await ctxFor(db(), nurse.user.id);
    // Live views a day apart differ by the case assessed that day (3/6 vs 2/5): an admin sees both.
    const day1 = await build(team.id, { ...FY2026, to: d("2026-09-15") });
    const day2 = await build(team.id, { ...FY2026, to: d("2026-09-16") });
    expect(find(day1, "improvement.byQuarter", "全体")[0]).not.toEqual(find(day2, "improvement.byQuarter", "全体")[0]);
    expect(forViewer("ADMIN", day1, new Map(), "ja")).toBe(day1);

    // No report issued yet: the nurse's case sections say where to find them, and no case sentence stays.
    const none = forViewer("NURSE", day2, await publishedCaseSections(ctx, "ja"), "ja");
    const improvement = none.sections.find((s) => s.id === "improvement")!;
    expect(improvement.tables).toEqual([]);
    expect(improvement.notes).toEqual([
      "担当外のケースを含むため、ケースの数字は発行済みレポートで見られます。まだ発行されたレポートがありません。",
    ]);
    expect(none.summary.join("")).not.toMatch(/改善率|復職/);
    expect(none.teamSummary).toBeUndefined();

    // Once a report is issued, both views show its case sections, whatever the period: nothing to subtract.
    const report = await createReport(
      ctx,
      reportSchema.parse({ title: "上期", periodFrom: "2026-04-01", periodTo: "2026-09-30", sections: ["improvement", "returnToWork"] }),
    );
    await issueReport(ctx, report.id, new Date("2026-10-15T03:00:00Z"));
    const published = await publishedCaseSections(ctx, "ja");
    const views = [day1, day2].map((v) => forViewer("NURSE", v, published, "ja"));
    const cases = (v: ReportData) => JSON.stringify(v.sections.filter((s) => s.id === "improvement" || s.id === "returnToWork"));
    expect(cases(views[0]!)).toBe(cases(views[1]!));
    const issued = (await getIssue(ctx, report.id)).data.sections.find((s) => s.id === "improvement")!;
    const shown = views[0]!.sections.find((s) => s.id === "improvement")!;
    expect(shown.tables).toEqual(issued.tables);
    expect(shown.notes![0]).toMatch(/^担当外のケースを含むため、ケースの数字は発行済みレポート「上期」/);
    // Other sections are the live ones.
    expect(views[1]!.sections.find((s) => s.id === "activity")).toEqual(day2.sections.find((s) => s.id === "activity"));
  });

  it("publishes without the hidden numbers, and without any case code", async () => {
    const { team } = await fixture();
    const published = publish(await build(team.id));
    const d1 = find(published, "improvement.byDepartment", "製造一課")[0]!;
    expect(d1).toEqual({ t: "rate", n: null, hits: null, s: "primary" });
    expect(formatFig(d1, "ja")).toBe("*");
    // 5 of 9 improved: the 4 who did not are fewer than k, so the rate is hidden too.
    expect(formatFig(find(published, "improvement.byQuarter", "全体")[0]!, "ja")).toBe("*");
    const text = JSON.stringify(published);
    expect(text).not.toMatch(/EMP-\d+/);
    const caseIds = (await db().case.findMany({ where: { teamId: team.id }, select: { id: true } })).map((c) => c.id);
    for (const id of caseIds) expect(text).not.toContain(id);
  });

  it("keeps the trigger-maintained rollups right through edits, soft deletes and undo", async () => {
    const { team, nurse } = await fixture();
    const daily = async () =>
      (await db().touchpointDaily.findMany({ where: { teamId: team.id }, select: { type: true, n: true } })).filter((r) => r.n !== 0);
    expect(await daily()).toEqual(
      expect.arrayContaining([
        { type: "GIVE", n: 3 },
        { type: "ASK", n: 1 },
      ]),
    );
    const give = await db().touchpoint.findFirstOrThrow({ where: { teamId: team.id, type: "GIVE", deletedAt: null } });
    await db().touchpoint.update({ where: { id: give.id }, data: { deletedAt: NOW } });
    expect((await daily()).find((r) => r.type === "GIVE")?.n).toBe(2);
    await db().touchpoint.update({ where: { id: give.id }, data: { deletedAt: null, type: "THANKS" } });
    expect(await daily()).toEqual(
      expect.arrayContaining([
        { type: "GIVE", n: 2 },
        { type: "THANKS", n: 1 },
        { type: "ASK", n: 1 },
      ]),
    );
    await db().touchpoint.delete({ where: { id: give.id } });
    expect((await daily()).find((r) => r.type === "THANKS")).toBeUndefined();
    // Rebuilt from scratch, the rollup says the same as the log.
    const fromLog = await db().touchpoint.groupBy({ by: ["type"], where: { teamId: team.id, deletedAt: null }, _count: { _all: true } });
    expect(Object.fromEntries((await daily()).map((r) => [r.type, r.n]))).toEqual(
      Object.fromEntries(fromLog.map((r) => [r.type, r._count._all])),
    );

    // A case that was not improved becomes improved by a new assessment, and back when it is removed.
    const c = await db().case.findFirstOrThrow({ where: { teamId: team.id, employeeCode: "EMP-1003" } });
    expect(c).toMatchObject({ assessmentCount: 2, lastAssessedOn: d("2026-06-25") });
    const top = await db().riskLevel.findFirstOrThrow({ where: { teamId: team.id, rank: 4 } });
    const a = await db().caseAssessment.create({
      data: { teamId: team.id, caseId: c.id, riskLevelId: top.id, assessedOn: d("2026-06-28") },
    });
    expect(find(await build(team.id), "improvement.byQuarter", "全体")[0]).toMatchObject({ n: 9, hits: 6 });
    await db().caseAssessment.delete({ where: { id: a.id } });
    expect(find(await build(team.id), "improvement.byQuarter", "全体")[0]).toMatchObject({ n: 9, hits: 5 });
    void nurse;
  });
});

describe("the stance history's daily counts", () => {
  // What the whole team's history said before the rollup: every change, summed per JST day and move.
  const fromHistory = async (teamId: string) =>
    db().$queryRaw<{ day: string; from: string | null; to: string | null; n: number }[]>`
      SELECT to_char((sc."changedAt" + interval '9 hours')::date, 'YYYY-MM-DD') AS day, sc."fromStance"::text AS "from",
        sc."toStance"::text AS "to", count(*)::int AS n
      FROM "StanceChange" sc WHERE sc."teamId" = ${teamId} GROUP BY 1, 2, 3`;
  const sorted = <T extends { day: string; from: string | null; to: string | null }>(rows: T[]) =>
    [...rows].filter((r) => r.to !== null).sort((a, b) => `${a.day}${a.from}${a.to}`.localeCompare(`${b.day}${b.from}${b.to}`));

  it("follows the history through a moved date, a merge and an erasure", async () => {
    const { team, admin, p1, p2, p3 } = await fixture();
    const same = async () => {
      const rolled = sorted(await stanceDayRows(db(), team.id, FY2026));
      expect(rolled).toEqual(sorted(await fromHistory(team.id)));
      return rolled;
    };
    expect(await same()).toHaveLength(4);
    // A change recorded at 00:30 JST counts on that JST day, not the UTC one before it.
    await db().stanceChange.create({
      data: {
        teamId: team.id,
        keyPersonId: p3.id,
        fromStance: "INDIFFERENT",
        toStance: "NEUTRAL",
        changedById: admin.user.id,
        changedAt: new Date("2026-09-30T15:30:00Z"),
      },
    });
    expect((await same()).find((r) => r.from === "INDIFFERENT")).toMatchObject({ day: "2026-10-01", to: "NEUTRAL", n: 1 });
    // Its date corrected, and two people's histories on one record (a merge moves them).
    await db().stanceChange.updateMany({
      where: { keyPersonId: p3.id, fromStance: "INDIFFERENT" },
      data: { changedAt: new Date("2026-10-05T01:00:00Z") },
    });
    await db().stanceChange.updateMany({ where: { keyPersonId: p2.id }, data: { keyPersonId: p1.id } });
    expect((await same()).find((r) => r.from === "INDIFFERENT")).toMatchObject({ day: "2026-10-05" });
    // An erased person takes her changes with her.
    await db().keyPerson.delete({ where: { id: p3.id } });
    expect(await same()).toHaveLength(3);
  });

  it("writes nothing back for a team being deleted, and its counts go with it", async () => {
    const { team, admin } = await createTeamWithRoles(db());
    const p = await createPerson(db(), team.id, { name: "丁", stance: "NEUTRAL" });
    await db().stanceChange.create({
      data: { teamId: team.id, keyPersonId: p.id, fromStance: null, toStance: "NEUTRAL", changedById: admin.user.id },
    });
    expect(await db().stanceDaily.count({ where: { teamId: team.id } })).toBe(1);
    await db().team.delete({ where: { id: team.id } });
    expect(await db().stanceDaily.count({ where: { teamId: team.id } })).toBe(0);
  });
});

describe("empty periods and empty views", () => {
  /** A small deterministic generator (mulberry32), so a failure names a view that can be run again. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  it("answers every random period and filter without a crash, for the dashboard and each section's CSV", async () => {
    const { reportCsv } = await import("@/lib/reports/csv");
    const { SECTION_IDS, isCaseSection } = await import("@/lib/reports/types");
    const { team, d1, nurse } = await fixture();
    const admin = await ctxFor(db(), (await db().membership.findFirstOrThrow({ where: { teamId: team.id, role: "ADMIN" } })).userId);
    const nurseCtx = await ctxFor(db(), nurse.user.id);
    const next = random(20261206);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 24; i++) {
      const start = Math.floor(next() * 400);
      // One-day views, a week, a quarter, more than a year.
      const length = pick([1, 1, 7, 90, 400]);
      const raw = {
        period: "custom",
        from: day(start),
        to: day(start + length - 1),
        ...(next() < 0.4 ? { caseKind: pick(["HIGH_RISK", "LONG_HOURS", "RETURN_TO_WORK"]) } : {}),
        ...(next() < 0.3 ? { initiativeKind: "MINI_TALK" } : {}),
        ...(next() < 0.3 ? { dept: d1.id } : {}),
      };
      const view = JSON.stringify(raw);
      for (const ctx of [admin, nurseCtx]) {
        const data = await loadDashboard(ctx, dashboardFilterSchema.parse(raw), "ja", { now: NOW }).catch((e: Error) => {
          throw new Error(`${view}: ${e.stack}`);
        });
        const published = publish(data);
        for (const section of SECTION_IDS.filter((id) => !isCaseSection(id)))
          expect(() => reportCsv(published, section), view).not.toThrow();
        // Every figure of every table is a figure: no row shorter than its columns.
        for (const table of data.sections.flatMap((x) => x.tables))
          for (const row of table.rows) expect(row.cells.every(Boolean), `${view} ${table.id} ${row.label}`).toBe(true);
      }
    }
  });
});
