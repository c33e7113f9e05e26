import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { reportCsv } from "@/lib/reports/csv";
import { formatFig } from "@/lib/reports/format";
import { renderReportPdf } from "@/lib/reports/pdf";
import { reportFileResponse } from "@/lib/reports/download";
import { draftHash, saveEditsSchema } from "@/lib/reports/edits";
import { pendingLate } from "@/lib/reports/late";
import { archiveReport, createReport, draftReport, getIssue, issueReport, saveReportEdits, updateReport } from "@/lib/reports/reports";
import type { ReportData } from "@/lib/reports/types";
import { reportSchema } from "@/lib/reports/schemas";
import { renderReportXlsx, sheetName } from "@/lib/reports/xlsx";
import {
  changeShareLink,
  createShareLink,
  hashShareToken,
  MAX_FAILURES,
  resolveShareLink,
  signUnlock,
  unlockShareLink,
  verifyUnlock,
  viewShareLink,
} from "@/lib/share/links";
import { setupTestDatabase } from "../support/db";
import { pdfInfo, pdfText } from "../support/pdf";
import { createDepartment, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function setup() {
  const t = await createTeamWithRoles(db());
  await db().team.update({ where: { id: t.team.id }, data: { minGroupSize: 5 } });
  const dept = await createDepartment(db(), t.team.id, "工場");
  const levels = await Promise.all(
    [1, 2, 3].map((rank) => db().riskLevel.create({ data: { teamId: t.team.id, label: `L${rank}`, rank } })),
  );
  const addCases = async (count: number, from: number) => {
    for (let i = 0; i < count; i++) {
      await db().case.create({
        data: {
          teamId: t.team.id,
          employeeCode: `EMP-${from + i}`,
          kind: "HIGH_RISK",
          departmentId: dept.id,
          openedOn: d("2026-04-01"),
          consentAt: d("2026-04-01"),
          assessments: {
            create: [
              { teamId: t.team.id, riskLevelId: levels[0]!.id, assessedOn: d("2026-05-01") },
              { teamId: t.team.id, riskLevelId: levels[i % 3 === 0 ? 0 : 2]!.id, assessedOn: d("2026-06-01") },
            ],
          },
        },
      });
    }
  };
  // 20 cases, 13 improved: a total with at least k (5) on either side of the rate.
  await addCases(20, 5000);
  const admin = await ctxFor(db(), t.admin.user.id);
  const nurse = await ctxFor(db(), t.nurse.user.id);
  const input = reportSchema.parse({
    title: "上期の成果",
    message: "衛生委員会向け",
    periodFrom: "2026-04-01",
    periodTo: "2026-09-30",
    sections: ["summary", "improvement", "pilots"],
  });
  const report = await createReport(nurse, input);
  return { ...t, admin, nurse, report, addCases, input, dept };
}

const total = (data: Awaited<ReturnType<typeof getIssue>>["data"]) =>
  data.sections.find((s) => s.id === "improvement")!.tables[0]!.rows[0]!.cells[0];

describe("reports", () => {
  it("validates the definition with field messages", () => {
    const bad = reportSchema.safeParse({ title: "", periodFrom: "2026-09-30", periodTo: "2026-04-01", sections: [] });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({ title: "required", sections: "chooseSection" });
    expect(
      reportSchema.safeParse({ title: "x", periodFrom: "2026-04-01", periodTo: "2026-02-31", sections: ["summary"] }).error?.issues[0]
        ?.message,
    ).toBe("invalidDate");
    expect(
      reportSchema.safeParse({ title: "x", periodFrom: "2026-09-30", periodTo: "2026-04-01", sections: ["summary"] }).error?.issues[0]
        ?.message,
    ).toBe("endBeforeStart");
  });

  it("freezes an issue, and a closed quarter once published: a late entry shows in no re-issue, and flows into the next quarter frozen", async () => {
    const { nurse, report, addCases, team } = await setup();
    const first = await issueReport(nurse, report.id, new Date("2026-10-15T03:00:00Z"));
    expect(first.number).toBe(1);
    expect(total((await getIssue(nurse, report.id)).data)).toMatchObject({ n: 20, hits: 13 });
    expect(await pendingLate(nurse)).toBe(0);
    // Fifteen more cases assessed in the already-published quarter (4–6月).
    await addCases(15, 6000);
    expect(await pendingLate(nurse)).toBe(15);
    expect(total((await getIssue(nurse, report.id, 1)).data)).toMatchObject({ n: 20, hits: 13 });
    const second = await issueReport(nurse, report.id, new Date("2026-10-16T03:00:00Z"));
    expect(second.number).toBe(2);
    expect(total((await getIssue(nurse, report.id)).data)).toMatchObject({ n: 20, hits: 13 });
    // Two closed quarters, each frozen once for improvement, returns, satisfaction and indicators.
    expect(await db().frozenCaseQuarter.count({ where: { teamId: team.id } })).toBe(8);
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "report.issue" } })).toBe(2);

    // 10–12月 closes and is published for the first time: it takes the fifteen in (decision 009).
    const year = await createReport(
      nurse,
      reportSchema.parse({ title: "年度", periodFrom: "2026-04-01", periodTo: "2027-03-31", sections: ["improvement"] }),
    );
    await issueReport(nurse, year.id, new Date("2027-01-15T03:00:00Z"));
    const q4 = await db().frozenCaseQuarter.findFirstOrThrow({
      where: { teamId: team.id, source: "improvement", quarter: d("2026-10-01") },
    });
    expect((q4.rows as { n: number }[]).reduce((a, r) => a + r.n, 0)).toBe(15);
    expect(Object.keys(q4.carried as object)).toEqual(["2026-04-01"]);
    expect(await pendingLate(nurse)).toBe(0);
    const data = (await getIssue(nurse, year.id)).data;
    // 20 of 4–6月 as first published, and the fifteen recorded late, now in 10–12月.
    expect(total(data)).toMatchObject({ n: 35, hits: 23 });
    // The first report's quarter still reads as published.
    expect(total((await getIssue(nurse, report.id)).data)).toMatchObject({ n: 20, hits: 13 });
  });

  it("writes the managers' edition without the team's own figures and refuses to share a team edition", async () => {
    const { nurse, admin } = await setup();
    const base = { title: "成果報告", periodFrom: "2026-04-01", periodTo: "2026-09-30" };
    // Allies and activity are the team's own: refused for managers, with a field message.
    const refused = reportSchema.safeParse({ ...base, sections: ["improvement", "activity"], audience: "MANAGERS" });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["sections", "teamOnlySection"]]);
    // The default edition is for managers.
    expect(reportSchema.parse({ ...base, sections: ["summary"] }).audience).toBe("MANAGERS");
    const managers = await createReport(
      nurse,
      reportSchema.parse({ ...base, sections: ["summary", "improvement", "returnToWork", "pilots"] }),
    );
    await issueReport(nurse, managers.id);
    const m = await getIssue(nurse, managers.id);
    expect(m.data.audience).toBe("MANAGERS");
    const text = await pdfText(await renderReportPdf(m.data, m.issuedAt, m.number));
    expect(text).toContain("高リスク者の改善");
    for (const internal of ["ギブ", "アスク", "非協力", "無関心", "協力者", "依頼が先出し協力より多く", "承諾率"])
      expect(text).not.toContain(internal);
    const team = await createReport(
      nurse,
      reportSchema.parse({ ...base, sections: ["summary", "improvement", "allies", "activity"], audience: "TEAM" }),
    );
    await issueReport(nurse, team.id);
    const tIssue = await getIssue(nurse, team.id);
    expect(tIssue.data.sections.map((x) => x.id)).toEqual(["improvement", "allies", "activity"]);
    await expect(
      createShareLink(admin, { reportIssueId: tIssue.id, label: "x", days: 7, passcode: "", allowDownload: false }),
    ).rejects.toMatchObject({ messageKey: "teamEditionNotShareable" });
    await expect(
      createShareLink(admin, { reportIssueId: m.id, label: "x", days: 7, passcode: "", allowDownload: false }),
    ).resolves.toMatchObject({ path: expect.stringMatching(/^\/share\//) });
  });

  it("a period with no closed quarter drafts and issues cleanly, and says its case figures wait for one", async () => {
    const { nurse } = await setup();
    const q3 = await createReport(
      nurse,
      reportSchema.parse({
        title: "10〜12月",
        periodFrom: "2026-10-01",
        periodTo: "2026-12-31",
        sections: ["summary", "improvement", "returnToWork", "pilots"],
      }),
    );
    const now = new Date("2026-12-06T01:00:00Z");
    const { draft } = await draftReport(nurse, q3.id, now);
    expect(draft.notes.join("\n")).toContain("期間内に締まった四半期がないため載せていません");
    expect(draft.periodLabel).toContain("締まった四半期がないため、ケースの数字と施策の結果は載せていません");
    await issueReport(nurse, q3.id, now);
    const { data } = await getIssue(nurse, q3.id);
    expect(data.periodLabel).toBe("2026/10/01 〜 2026/12/06（締まった四半期がないため、ケースの数字と施策の結果は載せていません）");
  });

  it("a fiscal year still under way ends today, its case figures at the last closed quarter, said plainly", async () => {
    const { nurse } = await setup();
    const fy = await createReport(
      nurse,
      reportSchema.parse({
        title: "今年度",
        periodFrom: "2026-04-01",
        periodTo: "2027-03-31",
        sections: ["improvement", "returnToWork", "allies"],
        audience: "TEAM",
      }),
    );
    await issueReport(nurse, fy.id, new Date("2026-11-30T01:00:00Z"));
    const { data } = await getIssue(nurse, fy.id);
    const labels = (ids: string[]) =>
      data.sections.filter((s) => ids.includes(s.id)).flatMap((s) => s.tables.flatMap((t) => t.rows.map((r) => r.label)));
    expect(labels(["improvement", "returnToWork", "allies"]).filter((l) => l.startsWith("2027"))).toEqual([]);
    // Case figures stop at the last closed quarter; the quarter under way counts only for allies.
    expect(labels(["improvement", "returnToWork"])).not.toContain("2026年10–12月");
    // The cover says where case figures stop (the issue: "2026/04/01〜2026/12/06" with every case figure at 9/30).
    expect(data.periodLabel).toBe("2026/04/01 〜 2026/11/30（ケースの数字と施策の結果は 2026/09/30 まで）");
    expect(data.notes.join("\n")).toContain("締まった四半期（2026年4月〜2026年9月）");
  });

  it("coarsens a mostly hidden section instead of printing a wall of *: small departments fold into their parent or into その他, and it says how much is hidden", async () => {
    const t = await createTeamWithRoles(db());
    await db().team.update({ where: { id: t.team.id }, data: { minGroupSize: 5 } });
    const co = await createDepartment(db(), t.team.id, "本社");
    const east = await createDepartment(db(), t.team.id, "東日本", co);
    const west = await createDepartment(db(), t.team.id, "西日本", co);
    const level = await Promise.all([1, 3].map((rank) => db().riskLevel.create({ data: { teamId: t.team.id, label: `L${rank}`, rank } })));
    let n = 0;
    const addCases = async (departmentId: string, count: number, improved: number) => {
      for (let i = 0; i < count; i++) {
        await db().case.create({
          data: {
            teamId: t.team.id,
            employeeCode: `C-${n++}`,
            kind: "HIGH_RISK",
            departmentId,
            openedOn: d("2026-04-01"),
            consentAt: d("2026-04-01"),
            // Rank 1 is the highest risk; moving to rank 3 is an improvement.
            assessments: {
              create: [
                { teamId: t.team.id, riskLevelId: level[0]!.id, assessedOn: d("2026-04-10") },
                { teamId: t.team.id, riskLevelId: level[i < improved ? 1 : 0]!.id, assessedOn: d("2026-05-20") },
              ],
            },
          },
        });
      }
    };
    // 東日本: six sections of 4 cases (2 improved each); 西日本: two large ones and two small ones.
    for (let i = 1; i <= 6; i++) await addCases((await createDepartment(db(), t.team.id, `東${i}課`, east)).id, 4, 2);
    await addCases((await createDepartment(db(), t.team.id, "西1課", west)).id, 12, 6);
    await addCases((await createDepartment(db(), t.team.id, "西2課", west)).id, 12, 6);
    await addCases((await createDepartment(db(), t.team.id, "西3課", west)).id, 3, 1);
    await addCases((await createDepartment(db(), t.team.id, "西4課", west)).id, 3, 2);
    const nurse = await ctxFor(db(), t.nurse.user.id);
    const report = await createReport(
      nurse,
      reportSchema.parse({ title: "上期", periodFrom: "2026-04-01", periodTo: "2026-06-30", sections: ["improvement"] }),
    );
    await issueReport(nurse, report.id, new Date("2026-07-15T03:00:00Z"));
    const { data } = await getIssue(nurse, report.id);
    const section = data.sections.find((s) => s.id === "improvement")!;
    const byDept = section.tables.find((x) => x.id === "improvement.byDepartment")!;
    // 東日本's sections are all small: 東日本 stands for them. 西日本 keeps its two large sections
    // and folds the two small ones into one row.
    expect(byDept.rows.map((r) => r.label)).toEqual(["本社", "西日本", "西1課", "西2課", "その他（2部署）", "東日本"]);
    expect(formatFig(byDept.rows.find((r) => r.label === "東日本")!.cells[0]!, "ja")).toBe("50.0% (12/24)");
    // 西1課 and 西2課 printed on their own each hold ≥ 5 improved and ≥ 5 not (the reader knows the
    // rule): with 西日本 15/30 published and one of them too, その他 would lie in a range narrower
    // than 5. Both are hidden; 西日本 still reads.
    expect(formatFig(byDept.rows.find((r) => r.label === "西日本")!.cells[0]!, "ja")).toBe("50.0% (15/30)");
    expect(["西1課", "西2課"].map((l) => formatFig(byDept.rows.find((r) => r.label === l)!.cells[0]!, "ja"))).toEqual(["*", "*"]);
    // The builder is told how much of the section is hidden.
    expect(section.withheld).toEqual({ hidden: expect.any(Number), figures: expect.any(Number) });
    expect(section.withheld!.hidden).toBeLessThanOrEqual(section.withheld!.figures / 2);
  });

  it("drops a table that only repeats its total, titles the period table by its grain, and states no zero the tables hide", async () => {
    const { nurse } = await setup();
    const report = await createReport(
      nurse,
      reportSchema.parse({
        title: "上期",
        periodFrom: "2026-04-01",
        periodTo: "2026-09-30",
        sections: ["summary", "improvement", "returnToWork"],
      }),
    );
    await issueReport(nurse, report.id, new Date("2026-10-15T03:00:00Z"));
    const { data } = await getIssue(nurse, report.id);
    const improvement = data.sections.find((s) => s.id === "improvement")!;
    const [byPeriod, byDept, byKind] = improvement.tables;
    // Every case was assessed in 4–6月: the quarters fold into one half-year equal to the total, so
    // the total stands alone under a title that says so.
    expect(byPeriod!.title).toBe("期間全体の改善率");
    expect(byPeriod!.rows.map((r) => r.label)).toEqual(["全体"]);
    expect(formatFig(byPeriod!.rows[0]!.cells[0]!, "ja")).toBe("65.0% (13/20)");
    // One department (= the total): left out, in a sentence.
    expect(byDept!.rows).toEqual([]);
    expect(byDept!.empty).toBe("区分けすると全体と同じ数字か、伏せる数字だけになるため、この表は載せていません。");
    // One kind beside 「その他の種別」 of nobody: printing it would pin that zero, so both are hidden
    // and the table says so in one sentence instead of two rows of "*".
    expect(byKind!.rows).toEqual([]);
    expect(byKind!.empty).toMatch(/^この表は、個人が推測されないよう掲載していません/);
    // No return in the period: the table hides that zero, and so does the summary.
    expect(data.summary.join("")).not.toContain("復職者はいません");
    expect(data.summary).toContain("復職の数字は、個人が推測されないよう伏せています。");
  });

  it("issues what the nurse previewed and edited: sentences removed or rewritten, a row left out, a comment per section", async () => {
    const { nurse, report, dept } = await setup();
    const { draft, hash } = await draftReport(nurse, report.id);
    expect(draft.published).toBe(true);
    expect(draft.summary.length).toBeGreaterThanOrEqual(2);
    // Nothing is recorded by a draft.
    expect(await db().disclosedSet.count({ where: { teamId: nurse.teamId } })).toBe(0);
    const { version } = await db().report.findUniqueOrThrow({ where: { id: report.id }, select: { version: true } });
    const edits = saveEditsSchema.parse({
      id: report.id,
      version,
      edits: {
        summary: [
          { original: draft.summary[0], text: "" },
          { original: draft.summary[1], text: "お試し企画は\r\n現場の協力で進みました。" },
        ],
        hiddenRows: [{ table: "improvement.byDepartment", label: dept.name }],
        comments: { improvement: "工場の皆さまのご協力に感謝します。" },
      },
    });
    await saveReportEdits(nurse, edits);
    // A second save from the same (now stale) page is refused, not silently merged.
    await expect(saveReportEdits(nurse, edits)).rejects.toMatchObject({ code: "conflict" });
    await issueReport(nurse, report.id, new Date(), hash);
    const { data } = await getIssue(nurse, report.id);
    expect(data.summary).not.toContain(draft.summary[0]);
    expect(data.summary).toContain("お試し企画は\n現場の協力で進みました。");
    const improvement = data.sections.find((x) => x.id === "improvement")!;
    expect(improvement.comment).toBe("工場の皆さまのご協力に感謝します。");
    expect(improvement.tables.find((x) => x.id === "improvement.byDepartment")!.rows.map((r) => r.label)).not.toContain(dept.name);
    const text = await pdfText(await renderReportPdf(data, new Date(), 1));
    expect(text).toContain("工場の皆さまのご協力に感謝します。");
    // Issued: the next issue starts from a new draft.
    expect((await db().report.findUniqueOrThrow({ where: { id: report.id } })).draft).toBeNull();
  });

  it("refuses to issue a draft whose numbers moved since it was previewed, and replaces the draft", async () => {
    const { nurse, report, addCases } = await setup();
    const { hash } = await draftReport(nurse, report.id);
    await addCases(6, 7000);
    await expect(issueReport(nurse, report.id, new Date(), hash)).rejects.toMatchObject({ code: "conflict", message: "draftChanged" });
    expect(await db().reportIssue.count({ where: { reportId: report.id } })).toBe(0);
    const stored = await db().report.findUniqueOrThrow({ where: { id: report.id } });
    const fresh = draftHash(stored.draft as unknown as ReportData);
    expect(fresh).not.toBe(hash);
    await issueReport(nurse, report.id, new Date(), fresh);
    expect(total((await getIssue(nurse, report.id)).data)).toMatchObject({ n: 26 });
  });

  it("keeps another team's reports out of reach, and refuses a stale edit", async () => {
    const { report, nurse, input } = await setup();
    const other = await createTeamWithRoles(db());
    const stranger = await ctxFor(db(), other.admin.user.id);
    await expect(issueReport(stranger, report.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(getIssue(stranger, report.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(draftReport(stranger, report.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(saveReportEdits(stranger, saveEditsSchema.parse({ id: report.id, version: 1, edits: {} }))).rejects.toMatchObject({
      code: "notFound",
    });
    await updateReport(nurse, { ...input, id: report.id, version: 1, title: "改題" });
    await expect(updateReport(nurse, { ...input, id: report.id, version: 1, title: "古い版から" })).rejects.toMatchObject({
      messageKey: "staleEdit",
    });
  });

  it("renders a PDF whose text holds the Japanese title, a section heading and a figure", async () => {
    const { nurse, report } = await setup();
    await issueReport(nurse, report.id);
    const issue = await getIssue(nurse, report.id);
    const started = performance.now();
    const pdf = await renderReportPdf(issue.data, issue.issuedAt, issue.number);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(text).toContain("上期の成果");
    expect(text).toContain("高リスク者の改善");
    expect(text).toContain("65.0% (13/20)");
    expect(text).not.toMatch(/EMP-\d/);
    // Japanese lines break without hyphens.
    expect(text).not.toMatch(/[ぁ-んァ-ン一-龥]-\n/);
    // The team wrote it; the product produced it.
    const info = await pdfInfo(pdf);
    expect(info).toMatchObject({ Title: "上期の成果", Producer: "つながりノート", Creator: "つながりノート" });
    expect(info.Author).toBe(issue.data.teamName);
  });

  it("writes an Excel workbook with real percentages, counts and a notes sheet", async () => {
    const { nurse, report } = await setup();
    await issueReport(nurse, report.id);
    const issue = await getIssue(nurse, report.id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await renderReportXlsx(issue.data, issue.issuedAt, issue.number)).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["まとめ", "高リスク者の改善", "お試し企画と施策", "集計の方法"]);
    const ws = wb.getWorksheet("高リスク者の改善")!;
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "全体" && !found) {
        found = true;
        expect(row.getCell(2).value).toBeCloseTo(13 / 20, 5);
        expect(row.getCell(2).numFmt).toBe("0.0%");
        expect(row.getCell(3).value).toBe(13);
        expect(row.getCell(4).value).toBe(20);
      }
    });
    expect(found).toBe(true);
    // Counts kept as plain numbers (pilot stages, indicators) show no decimals: "3", never "3.00".
    const stages = wb.getWorksheet("お試し企画と施策")!;
    const shown: string[] = [];
    stages.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "number") shown.push(`${cell.value}:${cell.numFmt}`);
      }),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((s) => /^\d+:.*\.00/.test(s))).toEqual([]);
    // Every sheet prints one page wide: fit-to-page is switched on, not merely sized.
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(new Uint8Array(await renderReportXlsx(issue.data, issue.issuedAt, issue.number)).buffer);
    for (const sheet of reread.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    }
    expect(sheetName("A/B:C*[x]？", new Set())).toBe("A B C  x");
    expect(sheetName("x".repeat(40), new Set()).length).toBe(31);
  });

  it("writes CSV with the summary and tables, and no case code", async () => {
    const { nurse, report } = await setup();
    await issueReport(nurse, report.id);
    const csv = reportCsv((await getIssue(nurse, report.id)).data);
    expect(csv.startsWith("\uFEFF上期の成果")).toBe(true);
    // Rates as percentages with one decimal, as a spreadsheet user reads them, never raw fractions.
    expect(csv).toContain("改善率（改善/評価）（%）");
    expect(csv).toMatch(/全体,65\.0,13,20/);
    expect(csv).not.toMatch(/\d\.\d{3,}/);
    expect(csv).not.toMatch(/EMP-\d/);
  });
});

describe("share links", () => {
  async function shared(opts: { passcode?: string } = {}) {
    const s = await setup();
    const issue = await issueReport(s.nurse, s.report.id);
    const link = await createShareLink(s.admin, {
      reportIssueId: issue.id,
      label: "管理職向け",
      days: 7,
      passcode: opts.passcode ?? "",
      allowDownload: true,
    });
    return { ...s, issue, link };
  }

  it("stores only the token's hash, shows the frozen report and counts views", async () => {
    const { link, team } = await shared();
    expect(link.token).toMatch(/^[\w-]{43}$/);
    const row = await db().shareLink.findFirstOrThrow({ where: { teamId: team.id } });
    expect(row.tokenHash).toBe(hashShareToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
    const { state, link: found } = await resolveShareLink(db(), link.token);
    expect(state).toBe("ok");
    const view = await viewShareLink(db(), found!.id);
    expect(view.kind === "report" && view.data.title).toBe("上期の成果");
    await viewShareLink(db(), found!.id);
    expect((await db().shareLink.findFirstOrThrow({ where: { id: found!.id } })).viewCount).toBe(2);
    // A download is not a view: it is counted apart and audit-logged with its format.
    await viewShareLink(db(), found!.id, { download: "pdf" });
    expect(await db().shareLink.findFirstOrThrow({ where: { id: found!.id } })).toMatchObject({ viewCount: 2, downloadCount: 1 });
    expect(await db().auditLog.findFirstOrThrow({ where: { teamId: team.id, action: "share.download" } })).toMatchObject({
      entityId: found!.id,
      detail: { format: "pdf" },
    });
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "share.create" } })).toBe(1);
  });

  it("refuses a wrong passcode, locks the link after repeated failures, and unlocks with the right one", async () => {
    const { link, team, admin } = await shared({ passcode: "kanri-2026" });
    expect(await unlockShareLink(db(), link.token, "wrong", null)).toEqual({ ok: false, reason: "wrong" });
    const ok = await unlockShareLink(db(), link.token, "kanri-2026", null);
    expect(ok).toMatchObject({ ok: true });
    for (let i = 0; i < MAX_FAILURES - 1; i++) await unlockShareLink(db(), link.token, "guess", "203.0.113.5");
    expect(await unlockShareLink(db(), link.token, "guess", "203.0.113.5")).toEqual({ ok: false, reason: "locked" });
    // Locked: even the right passcode is refused until an admin clears the lock.
    expect(await unlockShareLink(db(), link.token, "kanri-2026", null)).toMatchObject({ ok: false, reason: "locked" });
    await changeShareLink(admin, ok.ok ? ok.linkId : "", "clearLock");
    expect(await unlockShareLink(db(), link.token, "kanri-2026", null)).toMatchObject({ ok: true });
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "share.unlock" } })).toBe(2);
  });

  it("throttles guesses per address across links", async () => {
    const { link } = await shared({ passcode: "kanri-2026" });
    const ip = "198.51.100.7";
    await db().loginAttempt.createMany({ data: Array.from({ length: 20 }, () => ({ key: `share-ip:${ip}` })) });
    expect(await unlockShareLink(db(), link.token, "kanri-2026", ip)).toEqual({ ok: false, reason: "rateLimited" });
    expect(await unlockShareLink(db(), link.token, "kanri-2026", "198.51.100.8")).toMatchObject({ ok: true });
  });

  it("binds the unlock cookie to its link and lets it expire", () => {
    const now = new Date("2026-11-24T00:00:00Z");
    const cookie = signUnlock("s".repeat(32), "link-a", now);
    expect(verifyUnlock("s".repeat(32), "link-a", cookie, now)).toBe(true);
    expect(verifyUnlock("s".repeat(32), "link-b", cookie, now)).toBe(false);
    expect(verifyUnlock("t".repeat(32), "link-a", cookie, now)).toBe(false);
    expect(verifyUnlock("s".repeat(32), "link-a", cookie, new Date(now.getTime() + 31 * 60_000))).toBe(false);
    expect(verifyUnlock("s".repeat(32), "link-a", cookie.replace(/.$/, "x"), now)).toBe(false);
  });

  it("pauses (reversibly), revokes (for good) and expires", async () => {
    const { link, admin } = await shared();
    const id = (await resolveShareLink(db(), link.token)).link!.id;
    await changeShareLink(admin, id, "pause");
    expect((await resolveShareLink(db(), link.token)).state).toBe("paused");
    await changeShareLink(admin, id, "resume");
    expect((await resolveShareLink(db(), link.token)).state).toBe("ok");
    expect((await resolveShareLink(db(), link.token, new Date(Date.now() + 8 * 86_400_000))).state).toBe("expired");
    await changeShareLink(admin, id, "revoke");
    expect((await resolveShareLink(db(), link.token)).state).toBe("revoked");
    await expect(changeShareLink(admin, id, "resume")).rejects.toMatchObject({ code: "notFound" });
    expect((await resolveShareLink(db(), "x".repeat(43))).state).toBe("unknown");
  });

  it("archiving a report revokes its live share links", async () => {
    const { link, admin, report } = await shared();
    expect((await resolveShareLink(db(), link.token)).state).toBe("ok");
    await archiveReport(admin, report.id);
    expect((await resolveShareLink(db(), link.token)).state).toBe("revoked");
  });

  it("dates the workbook and the file name in Tokyo (08:30 JST is still the same day there)", async () => {
    const { nurse, report } = await setup();
    await issueReport(nurse, report.id);
    const issue = await getIssue(nurse, report.id);
    // 2026-11-29 23:30 UTC is 2026-11-30 08:30 in Tokyo.
    const at = new Date("2026-11-29T23:30:00Z");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await renderReportXlsx(issue.data, at, 1)).buffer);
    const cover: string[] = [];
    wb.worksheets[0]!.eachRow((row) => cover.push(String(row.getCell(1).value)));
    expect(cover.join("\n")).toContain("2026/11/30");
    const res = await reportFileResponse(issue.data, at, 1, "csv");
    expect(res.headers.get("Content-Disposition")).toContain("report-2026-11-30-v1.csv");
  });

  it("cannot share another team's report", async () => {
    const { issue } = await shared();
    const other = await createTeamWithRoles(db());
    await expect(
      createShareLink(await ctxFor(db(), other.admin.user.id), {
        reportIssueId: issue.id,
        label: "x",
        days: 7,
        passcode: "",
        allowDownload: false,
      }),
    ).rejects.toMatchObject({ code: "notFound" });
  });
});

describe("draft fingerprints", () => {
  it("survive a round trip through the database (jsonb reorders keys and drops a mean's last digit)", () => {
    const data = {
      schema: 1,
      generatedAt: "a",
      sections: [{ id: "pilots", tables: [{ rows: [{ cells: [{ t: "mean", n: 19, mean: 3.9421052631578943 }] }] }] }],
    } as unknown as ReportData;
    const back = {
      sections: [{ tables: [{ rows: [{ cells: [{ n: 19, t: "mean", mean: 3.942105263157894 }] }] }], id: "pilots" }],
      generatedAt: "b",
      schema: 1,
    } as unknown as ReportData;
    expect(draftHash(back)).toBe(draftHash(data));
    expect(draftHash({ ...data, sections: [] })).not.toBe(draftHash(data));
  });
});
