// The org chart HR actually hands over: Shift_JIS, its own headers, department paths or level
// columns, everyday kind words. Missing departments are created; everything is all-or-nothing.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsv } from "@/lib/export/csv";
import { applyImport, previewImport } from "@/lib/csv/import";
import { setupTestDatabase } from "../support/db";
import { createDepartment, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

async function setup() {
  const t = await createTeamWithRoles(db());
  const company = await createDepartment(db(), t.team.id, "北辰精機");
  const hq = await db().department.create({
    data: { teamId: t.team.id, name: "本社", kind: "SITE", parentId: company.id, path: `/${company.id}/` },
  });
  await db().department.create({
    data: { teamId: t.team.id, name: "人事部", kind: "DEPARTMENT", parentId: hq.id, path: `/${company.id}/${hq.id}/` },
  });
  return { ...t, company, ctx: await ctxFor(db(), t.nurse.user.id) };
}

const sjis = (lines: string[]) => decodeCsv(new Uint8Array(iconv.encode(lines.join("\r\n"), "Shift_JIS"))).text;

const HR = [
  "部署,氏名,ふりがな,役職,種別,メール",
  "本社/人事部,髙橋 一郎,たかはし いちろう,課長,人事部,takahashi@example.jp",
  "第一工場／製造一課,山田 太郎,やまだ たろう,課長,上司,yamada@example.jp",
  "第一工場＞製造一課,佐藤 花子,さとう はなこ,主任,安全衛生,sato@example.jp",
  "本社 > 総務部,鈴木 次郎,すずき じろう,部長,総務,suzuki@example.jp",
];

describe("HR org chart import", () => {
  it("maps HR's headers, creates the missing departments of each path and reads everyday kind words", async () => {
    const s = await setup();
    const text = sjis(HR);
    const preview = await previewImport(s.ctx, "keyPersons", text);
    expect(preview).toMatchObject({ ok: true, creates: 4, updates: 0, unchanged: 0 });
    expect(preview.mapping).toEqual(["department", "name", "nameKana", "title", "kind", null]);
    expect(preview.newDepartments).toEqual(["第一工場", "第一工場 / 製造一課", "本社 / 総務部"]);
    expect(await db().department.count({ where: { teamId: s.team.id } })).toBe(3);

    expect(await applyImport(s.ctx, "keyPersons", text)).toMatchObject({ ok: true, creates: 4 });
    const people = await db().keyPerson.findMany({
      where: { teamId: s.team.id },
      include: { department: { include: { parent: true } } },
      orderBy: { name: "asc" },
    });
    expect(people.map((p) => [p.name, p.kind, p.department?.name, p.department?.parent?.name])).toEqual([
      ["佐藤 花子", "SAFETY", "製造一課", "第一工場"],
      ["山田 太郎", "LINE_MANAGER", "製造一課", "第一工場"],
      ["鈴木 次郎", "GENERAL_AFFAIRS", "総務部", "本社"],
      ["髙橋 一郎", "HR", "人事部", "本社"],
    ]);
    const factory = await db().department.findFirstOrThrow({ where: { teamId: s.team.id, name: "第一工場" } });
    expect(factory).toMatchObject({ parentId: s.company.id, kind: "SITE", path: `/${s.company.id}/` });
    // The same file again: nothing to do, every row shown as unchanged.
    expect(await previewImport(s.ctx, "keyPersons", text)).toMatchObject({
      ok: true,
      creates: 0,
      updates: 0,
      unchanged: 4,
      newDepartments: [],
    });
  });

  it("builds the path from level columns (本部・部・課) and finds people typed another way", async () => {
    const s = await setup();
    const text = sjis(["本部,部,課,社員名,職位,区分", "本社,人事部,,高橋 一郎,課長,人事", "第二工場,製造部,組立課,ﾔﾏﾀﾞ ﾊﾅｺ,係長,管理職"]);
    const p = await previewImport(s.ctx, "keyPersons", text);
    expect(p.mapping).toEqual(["deptLevel", "deptLevel", "deptLevel", "name", "title", "kind"]);
    expect(p.newDepartments).toEqual(["第二工場", "第二工場 / 製造部", "第二工場 / 製造部 / 組立課"]);
    await applyImport(s.ctx, "keyPersons", text);
    const hr = await db().keyPerson.findFirstOrThrow({ where: { teamId: s.team.id, name: "高橋 一郎" }, include: { department: true } });
    expect(hr.department?.name).toBe("人事部");
    // 髙橋 in HR's next file is the same person in the same department: an update, not a duplicate.
    const again = await previewImport(s.ctx, "keyPersons", sjis(["本部,部,課,社員名,職位", "本社,人事部,,髙橋 一郎,部長"]));
    expect(again).toMatchObject({ ok: true, creates: 0, updates: 1 });
  });

  it("refuses unknown words naming what is allowed, and writes nothing", async () => {
    const s = await setup();
    const res = await applyImport(s.ctx, "keyPersons", sjis([...HR, "第三工場/検査課,田中 三郎,,課長,えらい人,"]));
    expect(res.ok).toBe(false);
    expect(res.errors).toEqual([
      expect.objectContaining({
        line: 6,
        column: "種別",
        message: "invalidChoice",
        value: "えらい人",
        allowed: expect.arrayContaining(["上司（ライン管理職）", "人事", "安全衛生担当"]),
      }),
    ]);
    expect(await db().keyPerson.count({ where: { teamId: s.team.id } })).toBe(0);
    expect(await db().department.count({ where: { teamId: s.team.id } })).toBe(3);
  });

  it("lets the user change the mapping, refuses a mapping that uses a field twice, and remembers a saved one", async () => {
    const s = await setup();
    const text = sjis(HR);
    const header = ["department", "name", null, "title", "kind", null];
    const custom = await previewImport(s.ctx, "keyPersons", text, { mapping: header });
    expect(custom).toMatchObject({ ok: true, mapping: header, savedMapping: false });
    await expect(previewImport(s.ctx, "keyPersons", text, { mapping: ["name", "name", null, null, null, null] })).rejects.toMatchObject({
      code: "validation",
    });
    await applyImport(s.ctx, "keyPersons", text, { mapping: header, saveMapping: true });
    expect((await db().keyPerson.findFirstOrThrow({ where: { teamId: s.team.id, name: "山田 太郎" } })).nameKana).toBe("");
    // Next time the same headers use the saved mapping (reading ignored).
    expect(await previewImport(s.ctx, "keyPersons", text)).toMatchObject({ mapping: header, savedMapping: true, unchanged: 4 });
  });

  it("keeps what is recorded when an update's cell is blank", async () => {
    const s = await setup();
    await applyImport(s.ctx, "keyPersons", sjis(["外部ID,氏名,部署,協力度,影響力,メモ", "E1,川口 健,本社/人事部,協力的,5,繁忙期は避ける"]));
    const res = await applyImport(s.ctx, "keyPersons", sjis(["外部ID,氏名,部署,協力度,影響力,メモ", "E1,川口 健,本社/人事部,,,"]));
    expect(res).toMatchObject({ ok: true, unchanged: 1 });
    expect(await db().keyPerson.findFirstOrThrow({ where: { teamId: s.team.id, externalId: "E1" } })).toMatchObject({
      stance: "COOPERATIVE",
      influence: 5,
      notes: "繁忙期は避ける",
    });
  });

  it("points out look-alike departments (本社/人事部 beside 本社（東京・品川）/人事部) and maps them onto the existing one when asked", async () => {
    const t = await createTeamWithRoles(db());
    const company = await createDepartment(db(), t.team.id, "北辰精機");
    const hq = await db().department.create({
      data: { teamId: t.team.id, name: "本社（東京・品川）", kind: "SITE", parentId: company.id, path: `/${company.id}/` },
    });
    const hr = await db().department.create({
      data: { teamId: t.team.id, name: "人事部", kind: "DEPARTMENT", parentId: hq.id, path: `/${company.id}/${hq.id}/` },
    });
    const ctx = await ctxFor(db(), t.nurse.user.id);
    const text = ["部署,氏名", "本社/人事部,髙橋 一郎", "本社/人事部/労務課,伊藤 三郎", "第二工場,木村 四郎"].join("\n");

    const preview = await previewImport(ctx, "keyPersons", text);
    expect(preview.newDepartments).toEqual(["本社", "本社 / 人事部", "本社 / 人事部 / 労務課", "第二工場"]);
    expect(preview.nearDepartments).toEqual([
      { label: "本社", candidates: [{ id: hq.id, label: "本社（東京・品川）" }] },
      { label: "本社 / 人事部", candidates: [{ id: hr.id, label: "本社（東京・品川） / 人事部" }] },
    ]);

    // Mapping 本社 onto the existing site places 人事部 under it too: only 労務課 and 第二工場 are new.
    const mapped = await previewImport(ctx, "keyPersons", text, { departmentMatches: { 本社: hq.id } });
    expect(mapped.newDepartments).toEqual(["本社 / 人事部 / 労務課", "第二工場"]);
    expect(mapped.nearDepartments).toEqual([]);
    await applyImport(ctx, "keyPersons", text, { departmentMatches: { 本社: hq.id } });
    expect(await db().keyPerson.findFirstOrThrow({ where: { teamId: t.team.id, name: "髙橋 一郎" } })).toMatchObject({
      departmentId: hr.id,
    });
    expect(await db().department.count({ where: { teamId: t.team.id, name: "人事部" } })).toBe(1);

    // Another team's department cannot be chosen: the look-alike is created as a new one instead.
    const other = await createTeamWithRoles(db());
    const foreign = await createDepartment(db(), other.team.id, "他社");
    const refused = await previewImport(ctx, "keyPersons", "部署,氏名\n本社2/課,X", { departmentMatches: { 本社2: foreign.id } });
    expect(refused.newDepartments).toEqual(["本社2", "本社2 / 課"]);
    await expect(previewImport(ctx, "keyPersons", text, { departmentMatches: ["x"] })).rejects.toMatchObject({ code: "validation" });
  });
});
