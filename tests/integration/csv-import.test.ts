import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsv, NotCsvError, parseCsv } from "@/lib/export/csv";
import { exportKeyPersonsCsv, exportKeyPersonsXlsx } from "@/lib/csv/export";
import { applyImport, previewImport } from "@/lib/csv/import";
import { keyPersonFilterSchema } from "@/lib/key-persons/schemas";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

const DEPTS = [
  "外部ID,名称,種別,親外部ID,人数",
  "C1,北辰精機,会社,,1960",
  "S1,川崎工場,事業所,C1,910",
  "D1,製造第一課,部署,S1,210",
  "D2,品質保証課,部署,S1,46",
].join("\r\n");
const PEOPLE = [
  "外部ID,氏名,ふりがな,役職,部署,種別,協力度,影響力,関心度,上司,タグ,メモ",
  "E1,工場 長,こうじょう ちょう,工場長,S1,役員・事業所長,協力的,5,3,,衛生委員,",
  "E2,製造 課長,せいぞう かちょう,課長,D1,上司（ライン管理職）,無関心,4,2,E1,,繁忙期は避ける",
  "E3,品質 課長,ひんしつ かちょう,課長,品質保証課,LINE_MANAGER,NEUTRAL,3,3,E1,元営業;昇進予定,",
].join("\r\n");

async function setup() {
  const t = await createTeamWithRoles(db());
  const ctx = await ctxFor(db(), t.nurse.user.id);
  return { ...t, ctx };
}

describe("CSV import", () => {
  it("decodes UTF-8 with and without BOM, and Shift_JIS", () => {
    const text = "氏名,部署\r\n山田 花子,出荷課\r\n";
    expect(decodeCsv(new Uint8Array(Buffer.from("\uFEFF" + text, "utf8")))).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsv(new Uint8Array(Buffer.from(text, "utf8")))).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsv(new Uint8Array(iconv.encode(text, "Shift_JIS")))).toEqual({ text, encoding: "shift_jis" });
    expect(parseCsv('a,b\r\n"x, y",2\r\n\r\n').rows).toEqual([{ line: 2, cells: ["x, y", "2"] }]);
  });

  it("decodes UTF-16 (Excel's Unicode text) with or without BOM, and refuses a file that is not text", () => {
    const text = "氏名,部署\r\n山田 太郎,製造部";
    const le = Buffer.from(text, "utf16le");
    expect(decodeCsv(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), le])))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeCsv(new Uint8Array(le))).toEqual({ text, encoding: "utf-16le" });
    const be = Buffer.from(le).swap16();
    expect(decodeCsv(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).toEqual({ text, encoding: "utf-16be" });
    // An Excel workbook (a zip) or an image is not read as Shift_JIS garbage.
    const xlsx = Buffer.concat([
      Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000", "latin1"),
      Buffer.alloc(64, 0),
      Buffer.from("[Content_Types].xml"),
    ]);
    expect(() => decodeCsv(new Uint8Array(xlsx))).toThrowError(NotCsvError);
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(() => decodeCsv(new Uint8Array(png))).toThrowError(NotCsvError);
  });

  it("refuses a duplicate column heading and a reporting line that loops, as the map's boss picker does", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const dup = await previewImport(ctx, "keyPersons", "氏名,部署,氏名\r\n山田,製造部,田中");
    expect(dup.ok).toBe(false);
    expect(dup.errors).toContainEqual(expect.objectContaining({ line: 1, column: "氏名", message: "duplicateHeader", value: "1, 3" }));

    const loop = await applyImport(ctx, "keyPersons", "外部ID,氏名,上司\r\nKC1,一課長,KC2\r\nKC2,二課長,KC1");
    expect(loop.ok).toBe(false);
    expect(loop.errors.filter((e) => e.message === "reportingCycle").map((e) => e.line)).toEqual([2, 3]);
    const self = await previewImport(ctx, "keyPersons", "外部ID,氏名,上司\r\nKC3,三課長,KC3");
    expect(self.errors).toContainEqual(expect.objectContaining({ line: 2, message: "reportingCycle" }));
    expect(await db().keyPerson.count({ where: { teamId: team.id } })).toBe(0);

    // Against stored lines too: A reports to B; a file making B report to A is refused.
    expect((await applyImport(ctx, "keyPersons", "外部ID,氏名,上司\r\nA1,部長,\r\nB1,課長,A1")).ok).toBe(true);
    const back = await previewImport(ctx, "keyPersons", "外部ID,氏名,上司\r\nA1,部長,B1");
    expect(back.errors).toContainEqual(expect.objectContaining({ line: 2, message: "reportingCycle", value: "B1" }));
  });

  it("imports departments and people, then updates instead of duplicating on a second import", async () => {
    const { ctx, team } = await setup();
    const d = await applyImport(ctx, "departments", DEPTS);
    expect(d).toMatchObject({ ok: true, creates: 4, updates: 0 });
    const p = await applyImport(ctx, "keyPersons", decodeCsv(new Uint8Array(iconv.encode(PEOPLE, "Shift_JIS"))).text);
    expect(p).toMatchObject({ ok: true, creates: 3, updates: 0 });
    const mgr = await db().keyPerson.findFirstOrThrow({
      where: { teamId: team.id, externalId: "E2" },
      include: { reportsTo: true, department: true },
    });
    expect(mgr).toMatchObject({ kind: "LINE_MANAGER", stance: "INDIFFERENT", influence: 4, notes: "繁忙期は避ける" });
    expect(mgr.reportsTo?.externalId).toBe("E1");
    expect(mgr.department?.name).toBe("製造第一課");
    const q = await db().keyPerson.findFirstOrThrow({ where: { teamId: team.id, externalId: "E3" } });
    expect(q.tags).toEqual(["元営業", "昇進予定"]);

    const again = await applyImport(
      ctx,
      "keyPersons",
      PEOPLE.replace(
        "製造 課長,せいぞう かちょう,課長,D1,上司（ライン管理職）,無関心",
        "製造 課長,せいぞう かちょう,部長,D1,上司（ライン管理職）,協力的",
      ),
    );
    // Only the changed row is an update; the others are shown as unchanged and not written.
    expect(again).toMatchObject({ ok: true, creates: 0, updates: 1, unchanged: 2 });
    expect(await db().keyPerson.count({ where: { teamId: team.id } })).toBe(3);
    const updated = await db().keyPerson.findFirstOrThrow({ where: { teamId: team.id, externalId: "E2" } });
    expect(updated).toMatchObject({ title: "部長", stance: "COOPERATIVE" });
    expect(await db().stanceChange.count({ where: { keyPersonId: updated.id } })).toBe(2);
    // Without an external ID, name + department matches the existing person.
    const byName = await previewImport(ctx, "keyPersons", "氏名,部署,役職\r\n品質 課長,品質保証課,課長代理");
    expect(byName).toMatchObject({ ok: true, updates: 1, creates: 0 });
    expect(await db().auditLog.count({ where: { teamId: team.id, action: { startsWith: "import." } } })).toBe(3);
  });

  it("rejects a file with one bad row whole, naming line and column", async () => {
    const { ctx, team } = await setup();
    await applyImport(ctx, "departments", DEPTS);
    const bad = PEOPLE + "\r\nE4,,,,D1,,,9,3,,," + "\r\nE5,新人,,,存在しない課,,まあまあ,3,3,E9,,";
    const res = await applyImport(ctx, "keyPersons", bad);
    expect(res.ok).toBe(false);
    expect(res.errors).toEqual([
      { line: 5, column: "氏名", message: "required" },
      { line: 5, column: "影響力", message: "oneToFive", value: "9" },
      { line: 6, column: "協力度", message: "invalidChoice", value: "まあまあ", allowed: ["非協力", "無関心", "中立", "協力的", "応援者"] },
      { line: 6, column: "上司", message: "unknownBoss", value: "E9" },
    ]);
    expect(await db().keyPerson.count({ where: { teamId: team.id } })).toBe(0);
    const noName = await previewImport(ctx, "keyPersons", "部署\r\nD1");
    expect(noName.errors).toContainEqual({ line: 1, column: "氏名", message: "missingColumn" });
  });

  it("exports the filtered list as UTF-8 with BOM in the import's columns, and audit-logs it", async () => {
    const { ctx, team } = await setup();
    await applyImport(ctx, "departments", DEPTS);
    await applyImport(ctx, "keyPersons", PEOPLE);
    const { csv, count } = await exportKeyPersonsCsv(ctx, keyPersonFilterSchema.parse({ stance: ["INDIFFERENT", "NEUTRAL"] }));
    expect(count).toBe(2);
    expect(csv.startsWith("\uFEFF外部ID,氏名,ふりがな")).toBe(true);
    expect(csv).toContain("E2,製造 課長");
    expect(csv).not.toContain("工場 長");
    // The export can be imported back as it is.
    expect(await previewImport(ctx, "keyPersons", csv.slice(1))).toMatchObject({ ok: true, updates: 0, unchanged: 2 });
    expect(await db().auditLog.findFirst({ where: { teamId: team.id, action: "keyPersons.export" } })).toMatchObject({
      actorId: ctx.userId,
      detail: { count: 2 },
    });
  });

  it("exports the same list as an Excel workbook: numbers as numbers, the day as a date, formulas neutralised", async () => {
    const { ctx } = await setup();
    await applyImport(ctx, "departments", DEPTS);
    await applyImport(ctx, "keyPersons", PEOPLE);
    await db().keyPerson.updateMany({
      where: { teamId: ctx.teamId, externalId: "E2" },
      data: { notes: "=1+1", lastContactAt: new Date("2026-11-20T03:00:00Z") },
    });
    const { xlsx, count } = await exportKeyPersonsXlsx(ctx, keyPersonFilterSchema.parse({ stance: ["INDIFFERENT", "NEUTRAL"] }));
    expect(count).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(xlsx).buffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(["外部ID", "氏名", "ふりがな", "影響力", "最終接点", "担当保健師"]));
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    let e2: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "E2") e2 = row;
    });
    expect(e2!.getCell(col("氏名")).value).toBe("製造 課長");
    expect(typeof e2!.getCell(col("影響力")).value).toBe("number");
    expect(e2!.getCell(col("メモ")).value).toBe("'=1+1");
    expect(e2!.getCell(col("最終接点")).value).toEqual(new Date("2026-11-20T00:00:00Z"));
    expect(e2!.getCell(col("最終接点")).numFmt).toBe("yyyy/m/d");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(
      await db().auditLog.count({
        where: { teamId: ctx.teamId, action: "keyPersons.export", detail: { path: ["format"], equals: "xlsx" } },
      }),
    ).toBe(1);
  });

  it("neutralises formula cells on export and imports them back as plain text", async () => {
    const { ctx } = await setup();
    await applyImport(ctx, "departments", DEPTS);
    const hostile = [
      "外部ID,氏名,ふりがな,役職,部署,種別,協力度,影響力,関心度,上司,タグ,メモ",
      'E9,"=HYPERLINK(""http://x"",""y"")",,課長,D1,LINE_MANAGER,NEUTRAL,3,3,,,@SUM(A1)',
    ].join("\r\n");
    expect(await applyImport(ctx, "keyPersons", hostile)).toMatchObject({ ok: true });
    const stored = await db().keyPerson.findFirstOrThrow({ where: { teamId: ctx.teamId, externalId: "E9" } });
    expect(stored).toMatchObject({ name: '=HYPERLINK("http://x","y")', notes: "@SUM(A1)" });
    const { csv } = await exportKeyPersonsCsv(ctx, keyPersonFilterSchema.parse({}));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).not.toMatch(/(^|,)"?[=@+]/m);
    // Importing the export changes nothing: the quote added on the way out is removed on the way in.
    await applyImport(ctx, "keyPersons", csv.slice(1));
    expect(await db().keyPerson.findFirstOrThrow({ where: { id: stored.id } })).toMatchObject({ name: stored.name, notes: stored.notes });
  });

  it("refuses a department file with a self-parent or a parent cycle, naming line and column", async () => {
    const { ctx, team } = await setup();
    const self = ["外部ID,名称,種別,親外部ID,人数", "C1,北辰精機,会社,,1960", "D9,自分が親,部署,D9,10"].join("\r\n");
    const r1 = await applyImport(ctx, "departments", self);
    expect(r1.ok).toBe(false);
    expect(r1.errors).toEqual([expect.objectContaining({ line: 3, column: "親外部ID", message: "parentCycle", value: "D9" })]);
    const cycle = ["外部ID,名称,種別,親外部ID,人数", "A,甲,部署,B,", "B,乙,部署,C,", "C,丙,部署,A,", "OK,正常,部署,,"].join("\r\n");
    const r2 = await applyImport(ctx, "departments", cycle);
    expect(r2.ok).toBe(false);
    expect(r2.errors.map((e) => [e.line, e.message])).toEqual([
      [2, "parentCycle"],
      [3, "parentCycle"],
      [4, "parentCycle"],
    ]);
    expect(await db().department.count({ where: { teamId: team.id } })).toBe(0);
    // Moving an existing department under its own child is a cycle too.
    await applyImport(ctx, "departments", DEPTS);
    const move = ["外部ID,名称,種別,親外部ID,人数", "S1,川崎工場,事業所,D1,910"].join("\r\n");
    expect((await applyImport(ctx, "departments", move)).errors).toEqual([expect.objectContaining({ line: 2, message: "parentCycle" })]);
  });
});
