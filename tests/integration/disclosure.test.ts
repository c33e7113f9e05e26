// Sequences of releases against the independent LP attacker (tests/support/attacker.ts): every hidden
// figure of every issued report, given all of them, stays uncertain by at least k (decision 009).
import { describe, expect, it } from "vitest";
import type { TeamCtx } from "@/lib/auth/context";
import { createReport, getIssue, issueReport } from "@/lib/reports/reports";
import { reportSchema } from "@/lib/reports/schemas";
import { attack, type Release, type TrueCase } from "../support/attacker";
import { setupTestDatabase } from "../support/db";
import { createDepartment, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const K = 10;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const quarterOf = (iso: string) => `${iso.slice(0, 5)}${String(Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;

/** A company of two sites and five departments of 3, 4, 6, 12 and 25 people with cases. */
async function company() {
  const t = await createTeamWithRoles(db());
  await db().team.update({ where: { id: t.team.id }, data: { minGroupSize: K } });
  const honsha = await createDepartment(db(), t.team.id, "本社");
  const kojo = await createDepartment(db(), t.team.id, "工場");
  const depts = {
    honsha,
    kojo,
    kanri: await createDepartment(db(), t.team.id, "管理部", honsha),
    jinji: await createDepartment(db(), t.team.id, "人事部", honsha),
    seizo1: await createDepartment(db(), t.team.id, "製造一課", kojo),
    seizo2: await createDepartment(db(), t.team.id, "製造二課", kojo),
    shukka: await createDepartment(db(), t.team.id, "出荷課", kojo),
  };
  const levels = await Promise.all(
    [1, 2, 3].map((rank) => db().riskLevel.create({ data: { teamId: t.team.id, label: `L${rank}`, rank } })),
  );
  const truth: TrueCase[] = [];
  let seq = 0;
  /** A high-risk case assessed twice, the second time on `on`; improved or not. */
  const improvement = async (dep: { id: string }, on: string, improved: boolean) => {
    seq++;
    await db().case.create({
      data: {
        teamId: t.team.id,
        employeeCode: `E${seq}`,
        kind: "HIGH_RISK",
        departmentId: dep.id,
        openedOn: d("2025-01-06"),
        consentAt: d("2025-01-06"),
        assessments: {
          create: [
            { teamId: t.team.id, riskLevelId: levels[0]!.id, assessedOn: d("2025-01-06") },
            { teamId: t.team.id, riskLevelId: levels[improved ? 2 : 0]!.id, assessedOn: d(on) },
          ],
        },
      },
    });
    truth.push({ dep: dep.id, kind: "HIGH_RISK", assessedQ: quarterOf(on), improved });
  };
  /** A return to work on `on`, continued at 3 and 6 months or not (null: not known yet). */
  const returned = async (dep: { id: string }, on: string, c3: boolean | null, c6: boolean | null) => {
    seq++;
    await db().case.create({
      data: {
        teamId: t.team.id,
        employeeCode: `R${seq}`,
        kind: "RETURN_TO_WORK",
        departmentId: dep.id,
        openedOn: d("2025-01-06"),
        consentAt: d("2025-01-06"),
        returnOn: d(on),
        continued3m: c3,
        continued6m: c6,
      },
    });
    truth.push({ dep: dep.id, kind: "RETURN_TO_WORK", returnQ: quarterOf(on), c3, c6 });
  };
  // Cases spread over the departments (3, 4, 6, 12, 25) and quarters; about two in three improve.
  const sizes: [keyof typeof depts, number][] = [
    ["kanri", 3],
    ["jinji", 4],
    ["seizo1", 6],
    ["seizo2", 12],
    ["shukka", 25],
  ];
  const days = ["2025-05-12", "2025-08-12", "2025-11-12", "2026-02-12", "2026-05-12", "2026-08-12"];
  let i = 0;
  for (const [key, size] of sizes) {
    for (let j = 0; j < size; j++, i++) {
      await improvement(depts[key], days[i % days.length]!, i % 3 !== 0);
      if (j % 2 === 0) await returned(depts[key], days[(i + 1) % days.length]!, i % 5 !== 0, i % 4 === 0 ? null : i % 7 !== 0);
    }
  }
  const admin = await ctxFor(db(), t.admin.user.id);
  const releases: Release[] = [];
  const issue = async (ctx: TeamCtx, def: { title: string; from: string; to: string; scope?: { id: string }[] }, now: string) => {
    const report = await createReport(
      ctx,
      reportSchema.parse({
        title: def.title,
        periodFrom: def.from,
        periodTo: def.to,
        departmentIds: (def.scope ?? []).map((s) => s.id),
        sections: ["improvement", "returnToWork"],
      }),
    );
    return reissue(
      ctx,
      report.id,
      (def.scope ?? []).map((s) => s.id),
      now,
    );
  };
  const reissue = async (ctx: TeamCtx, reportId: string, scope: string[], now: string) => {
    await issueReport(ctx, reportId, new Date(`${now}T03:00:00Z`));
    releases.push({ data: (await getIssue(ctx, reportId)).data, scope });
    return reportId;
  };
  const audit = async () =>
    attack(
      await db().department.findMany({ where: { teamId: t.team.id }, select: { id: true, name: true, parentId: true } }),
      releases,
      truth,
      K,
    );
  return { ...t, admin, depts, improvement, returned, issue, reissue, audit, releases, truth };
}

const shown = (rel: Release, section: string, table: string) =>
  rel.data.sections
    .find((s) => s.id === section)!
    .tables.find((t) => t.id === table)!
    .rows.filter((r) => r.cells.some((c) => "n" in c && c.n !== null)).length;

// Each sequence issues several reports and the attacker solves hundreds of LPs.
describe("disclosure across releases (k = 10)", { timeout: 180_000 }, () => {
  it("a company report and one site's report", async () => {
    const c = await company();
    await c.issue(c.admin, { title: "全社", from: "2025-04-01", to: "2026-03-31" }, "2026-05-10");
    await c.issue(c.admin, { title: "工場", from: "2025-04-01", to: "2026-03-31", scope: [c.depts.kojo] }, "2026-05-10");
    const { disclosures, targets } = await c.audit();
    expect(disclosures).toEqual([]);
    expect(targets).toBeGreaterThan(10);
    // Something is still published: the company's totals.
    expect(shown(c.releases[0]!, "improvement", "improvement.byQuarter")).toBeGreaterThan(0);
  });

  it("this fiscal year and the last 12 months", async () => {
    const c = await company();
    await c.issue(c.admin, { title: "今年度", from: "2026-04-01", to: "2027-03-31" }, "2026-10-15");
    await c.issue(c.admin, { title: "直近12か月", from: "2025-10-16", to: "2026-10-15" }, "2026-10-15");
    expect((await c.audit()).disclosures).toEqual([]);
  });

  it("periods a day apart, and a re-issue after a late entry", async () => {
    const c = await company();
    const id = await c.issue(c.admin, { title: "上期", from: "2026-01-01", to: "2026-09-30" }, "2026-10-15");
    await c.issue(c.admin, { title: "上期（翌日から）", from: "2026-01-02", to: "2026-09-30" }, "2026-10-15");
    await c.improvement(c.depts.seizo2, "2026-08-20", false);
    await c.returned(c.depts.shukka, "2026-05-20", true, null);
    await c.reissue(c.admin, id, [], "2026-10-16");
    // The late entries fell in published quarters: the re-issue reads as the first issue did.
    expect(JSON.stringify(c.releases[2]!.data.sections)).toBe(JSON.stringify(c.releases[0]!.data.sections));
    expect((await c.audit()).disclosures).toEqual([]);
  });

  it("one report: small hidden departments that all improved are not known to have", async () => {
    const c = await company();
    // Every case of the head office improved: its hidden departments must not be pinned at 100 %.
    for (let j = 0; j < 4; j++) await c.improvement(c.depts.kanri, "2025-08-12", true);
    await c.issue(c.admin, { title: "前年度", from: "2025-04-01", to: "2026-03-31" }, "2026-05-10");
    expect((await c.audit()).disclosures).toEqual([]);
  });

  it("fiscal year to date every quarter, with late entries in between", async () => {
    const c = await company();
    const id = await c.issue(c.admin, { title: "年度累計", from: "2025-04-01", to: "2026-03-31" }, "2025-07-05");
    await c.improvement(c.depts.jinji, "2025-06-20", true);
    await c.reissue(c.admin, id, [], "2025-10-05");
    await c.returned(c.depts.seizo1, "2025-09-01", false, false);
    await c.improvement(c.depts.seizo2, "2025-11-20", true);
    await c.reissue(c.admin, id, [], "2026-01-05");
    await c.reissue(c.admin, id, [], "2026-04-05");
    expect((await c.audit()).disclosures).toEqual([]);
  });

  it("a department printed on its own beside 「その他（2部署）」 does not narrow the two", async () => {
    const c = await company();
    // 東日本 13 returns: 営業課 10 printed alone says it holds ≥ 10, so 総務課 + 法務課 ≤ 3 (true 3).
    const east = await createDepartment(db(), c.team.id, "東日本");
    const sales = await createDepartment(db(), c.team.id, "営業課", east);
    const general = await createDepartment(db(), c.team.id, "総務課", east);
    const legal = await createDepartment(db(), c.team.id, "法務課", east);
    for (let j = 0; j < 10; j++) await c.returned(sales, j % 2 ? "2025-05-12" : "2025-08-12", true, true);
    for (let j = 0; j < 2; j++) await c.returned(general, "2025-05-12", true, true);
    await c.returned(legal, "2025-08-12", true, true);
    await c.issue(c.admin, { title: "東日本", from: "2025-04-01", to: "2026-03-31", scope: [east] }, "2026-05-10");
    await c.issue(c.admin, { title: "全社", from: "2025-04-01", to: "2026-03-31" }, "2026-05-10");
    const { disclosures } = await c.audit();
    expect(disclosures).toEqual([]);
  });

  it("a kind printed on its own beside 「その他の種別」 does not narrow the folded kinds", async () => {
    const c = await company();
    const t = c.team.id;
    const level = await db().riskLevel.findFirstOrThrow({ where: { teamId: t, rank: 1 } });
    const high = await db().riskLevel.findFirstOrThrow({ where: { teamId: t, rank: 3 } });
    // 西日本: 健診高リスク 20 (10 improved, 10 not) printed on its own says ≥ 10 improved and ≥ 10 not;
    // with 西日本's total, the folded kinds' 3 cases (2 improved) would lie in a range narrower than k.
    const west = await createDepartment(db(), t, "西日本");
    let seq = 0;
    const add = async (kind: "HIGH_RISK" | "MENTAL_HEALTH" | "LONG_HOURS", improved: boolean, on: string) => {
      seq++;
      await db().case.create({
        data: {
          teamId: t,
          employeeCode: `K${seq}`,
          kind,
          departmentId: west.id,
          openedOn: d("2025-01-06"),
          consentAt: d("2025-01-06"),
          assessments: {
            create: [
              { teamId: t, riskLevelId: level.id, assessedOn: d("2025-01-06") },
              { teamId: t, riskLevelId: (improved ? high : level).id, assessedOn: d(on) },
            ],
          },
        },
      });
      c.truth.push({ dep: west.id, kind, assessedQ: quarterOf(on), improved });
    };
    for (let j = 0; j < 20; j++) await add("HIGH_RISK", j % 2 === 0, j < 10 ? "2025-05-12" : "2025-08-12");
    await add("MENTAL_HEALTH", true, "2025-05-12");
    await add("MENTAL_HEALTH", false, "2025-08-12");
    await add("LONG_HOURS", true, "2025-08-12");
    await c.issue(c.admin, { title: "西日本", from: "2025-04-01", to: "2026-03-31", scope: [west] }, "2026-05-10");
    await c.issue(c.admin, { title: "前年度", from: "2025-04-01", to: "2026-03-31" }, "2026-05-10");
    expect((await c.audit()).disclosures).toEqual([]);
  });

  it("a year of releases: company and sites, FY / 12 months / calendar year, a day apart, year to date with late entries", async () => {
    const c = await company();
    // A third site whose departments fold (three small ones) beside one printed on its own.
    const east = await createDepartment(db(), c.team.id, "東日本");
    const sales = await createDepartment(db(), c.team.id, "営業課", east);
    const small = await Promise.all(["総務課", "法務課", "経理課"].map((n) => createDepartment(db(), c.team.id, n, east)));
    const days = ["2025-05-12", "2025-08-12", "2025-11-12", "2026-02-12", "2026-05-12", "2026-08-12"];
    for (let j = 0; j < 14; j++) {
      await c.returned(sales, days[j % days.length]!, j % 3 !== 0, j % 4 === 0 ? null : j % 5 !== 0);
      await c.improvement(sales, days[(j + 2) % days.length]!, j % 3 !== 1);
    }
    for (const [i, dep] of small.entries())
      for (let j = 0; j <= i; j++) {
        await c.returned(dep, days[(i + j) % days.length]!, true, null);
        await c.improvement(dep, days[(i + 2 * j) % days.length]!, j % 2 === 0);
      }
    const fy = await c.issue(c.admin, { title: "年度累計", from: "2025-04-01", to: "2026-03-31" }, "2025-10-05");
    await c.issue(c.admin, { title: "東日本", from: "2025-04-01", to: "2026-03-31", scope: [east] }, "2026-01-06");
    await c.improvement(small[0]!, "2025-06-20", true);
    await c.returned(small[1]!, "2025-08-01", false, false);
    await c.reissue(c.admin, fy, [], "2026-01-06");
    await c.issue(c.admin, { title: "暦年", from: "2025-01-01", to: "2025-12-31" }, "2026-01-06");
    await c.issue(c.admin, { title: "直近12か月", from: "2025-04-06", to: "2026-04-05" }, "2026-04-06");
    await c.issue(c.admin, { title: "直近12か月（翌日）", from: "2025-04-07", to: "2026-04-06" }, "2026-04-07");
    await c.reissue(c.admin, fy, [], "2026-04-06");
    await c.issue(c.admin, { title: "工場", from: "2025-04-01", to: "2026-09-30", scope: [c.depts.kojo] }, "2026-10-15");
    await c.issue(c.admin, { title: "全社（上期まで）", from: "2025-04-01", to: "2026-09-30" }, "2026-10-15");
    const { disclosures, targets } = await c.audit();
    expect(disclosures).toEqual([]);
    expect(targets).toBeGreaterThan(20);
  });

  it("a report per site and the company report", async () => {
    const c = await company();
    await c.issue(c.admin, { title: "本社", from: "2025-04-01", to: "2026-09-30", scope: [c.depts.honsha] }, "2026-10-15");
    await c.issue(c.admin, { title: "工場", from: "2025-04-01", to: "2026-09-30", scope: [c.depts.kojo] }, "2026-10-15");
    await c.issue(c.admin, { title: "全社", from: "2025-04-01", to: "2026-09-30" }, "2026-10-15");
    expect((await c.audit()).disclosures).toEqual([]);
  });
});

describe("satisfaction means across releases (k = 10)", { timeout: 120_000 }, () => {
  it("two periods a day apart do not give one day's answers: 3.56 (n = 27) and 3.3 (n = 30)", async () => {
    const t = await createTeamWithRoles(db());
    await db().team.update({ where: { id: t.team.id }, data: { minGroupSize: K } });
    const initiative = await db().initiative.create({
      data: { teamId: t.team.id, title: "ストレッチ講座", kind: "SEMINAR", stage: "PILOT" },
    });
    const run = (runOn: string, responses: number, mean: number) =>
      db().initiativeResult.create({
        data: {
          teamId: t.team.id,
          initiativeId: initiative.id,
          runOn: d(runOn),
          participants: responses,
          targetHeadcount: 40,
          satisfactionMean: mean,
          satisfactionResponses: responses,
        },
      });
    // 27 answers in 4–6月 with a mean of 3.5555…, then one run of 3 answers, all 1, on 7/1.
    await run("2026-05-20", 27, 96 / 27);
    await run("2026-07-01", 3, 1);
    await run("2026-08-20", 12, 4);
    const nurse = await ctxFor(db(), t.nurse.user.id);
    const issued: { n: number | null; mean: number | null }[] = [];
    for (const [title, from] of [
      ["4月から", "2026-04-01"],
      ["翌日から", "2026-04-02"],
      ["7月から", "2026-07-01"],
      ["7月2日から", "2026-07-02"],
    ] as const) {
      const report = await createReport(
        nurse,
        reportSchema.parse({ title, periodFrom: from, periodTo: "2026-09-30", sections: ["pilots"] }),
      );
      await issueReport(nurse, report.id, new Date("2026-10-15T03:00:00Z"));
      const { data } = await getIssue(nurse, report.id);
      const results = data.sections.find((s) => s.id === "pilots")!.tables.find((x) => x.id === "pilots.results")!;
      for (const row of results.rows) {
        const fig = row.cells[2]!;
        if (fig.t === "mean") issued.push({ n: fig.s ? null : fig.n, mean: fig.s ? null : fig.mean });
      }
    }
    // Every pair of published means: their answer counts differ by 0 or by at least k, so no
    // difference of two of them is a group of fewer than k answers.
    const shown = issued.filter((x) => x.n !== null);
    expect(shown.length).toBeGreaterThan(0);
    for (const a of shown)
      for (const b of shown) {
        const diff = Math.abs(a.n! - b.n!);
        expect(diff === 0 || diff >= K, `${a.n} vs ${b.n}`).toBe(true);
      }
    // The ledger holds the means (sums in hundredths).
    const sets = await db().disclosedSet.findMany({ where: { teamId: t.team.id, measure: "satisfaction" } });
    expect(sets.some((s) => s.values.length === 2)).toBe(true);
  });
});

describe("initiative indicators across releases (k = 10)", { timeout: 120_000 }, () => {
  it("a count indicator over two periods a quarter apart does not give that quarter's run (休職者数 3 → 2)", async () => {
    const t = await createTeamWithRoles(db());
    await db().team.update({ where: { id: t.team.id }, data: { minGroupSize: K } });
    const initiative = await db().initiative.create({
      data: {
        teamId: t.team.id,
        title: "復職支援面談",
        kind: "FOLLOW_UP_SCHEME",
        stage: "PILOT",
        indicatorName: "休職者数",
        indicatorUnit: "人",
      },
    });
    const run = (runOn: string, before: number, after: number) =>
      db().initiativeResult.create({
        data: {
          teamId: t.team.id,
          initiativeId: initiative.id,
          runOn: d(runOn),
          participants: 10,
          targetHeadcount: 10,
          indicatorBefore: before,
          indicatorAfter: after,
        },
      });
    // 4–6月: two runs (30 → 20, 24 → 16); 7–9月: one small run (3 → 2).
    await run("2026-05-10", 30, 20);
    await run("2026-06-10", 24, 16);
    await run("2026-08-10", 3, 2);
    const nurse = await ctxFor(db(), t.nurse.user.id);
    const texts: string[] = [];
    for (const [title, to] of [
      ["4–6月", "2026-06-30"],
      ["4–9月", "2026-09-30"],
    ] as const) {
      const report = await createReport(nurse, reportSchema.parse({ title, periodFrom: "2026-04-01", periodTo: to, sections: ["pilots"] }));
      await issueReport(nurse, report.id, new Date("2026-10-15T03:00:00Z"));
      const { data } = await getIssue(nurse, report.id);
      const row = data.sections
        .find((s) => s.id === "pilots")!
        .tables.find((x) => x.id === "pilots.results")!
        .rows.find((r) => r.label === "復職支援面談")!;
      texts.push((row.cells[3] as { v: string }).v);
    }
    // The first publishes 27 → 18人 (two runs); the second would give 19 → 12.7 over three runs,
    // so 3 → 2 by difference: it is withheld.
    expect(texts[0]).toBe("休職者数: 27 → 18人");
    expect(texts[1]).toBe("休職者数: 少人数のため表示しません");
  });
});
