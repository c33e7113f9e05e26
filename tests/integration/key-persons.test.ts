import { describe, expect, it } from "vitest";
import { changeStance, createKeyPerson, setArchived, updateKeyPerson } from "@/lib/key-persons/mutations";
import { getKeyPerson, keyPersonDetail, listKeyPersons, stanceHistory, suggestNextStep } from "@/lib/key-persons/queries";
import { createKeyPersonSchema, filterFromSearchParams, keyPersonFilterSchema, updateKeyPersonSchema } from "@/lib/key-persons/schemas";
import { setupTestDatabase } from "../support/db";
import { createDepartment, createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const base = { kind: "LINE_MANAGER", stance: "NEUTRAL", influence: 3, interest: 3 } as const;

async function setup() {
  const t = await createTeamWithRoles(db());
  return { ...t, nurseCtx: await ctxFor(db(), t.nurse.user.id), mentorCtx: await ctxFor(db(), t.mentor.user.id) };
}

describe("key persons", () => {
  it("warns before a second person with the same name (spelling variants included), names who is there, and saves on confirmation", async () => {
    const t = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), t.nurse.user.id);
    const dept = await createDepartment(db(), t.team.id, "出荷課");
    const first = await createKeyPerson(
      ctx,
      createKeyPersonSchema.parse({ ...base, name: "渡辺 明美", nameKana: "わたなべ あけみ", departmentId: dept.id }),
    );
    // The same person typed again, with a variant kanji and a full-width space.
    const again = createKeyPersonSchema.parse({ ...base, name: "渡邊　明美", nameKana: "ワタナベ アケミ", departmentId: dept.id });
    const refused = await createKeyPerson(ctx, again).catch((e) => e);
    expect(refused).toMatchObject({ code: "conflict", messageKey: "possibleDuplicate" });
    expect(refused.current).toEqual([expect.objectContaining({ id: first.id, name: "渡辺 明美", department: "出荷課" })]);
    expect(await db().keyPerson.count({ where: { teamId: t.team.id } })).toBe(1);
    // A namesake elsewhere is real: confirmed, it is saved.
    await createKeyPerson(ctx, { ...again, allowDuplicate: true });
    expect(await db().keyPerson.count({ where: { teamId: t.team.id } })).toBe(2);
    // The same reading in the same department, written with other kanji, is flagged too (森本 由香里 / 森本 ゆかり);
    // in another department it is someone else.
    const yukari = await createKeyPerson(
      ctx,
      createKeyPersonSchema.parse({ ...base, name: "森本 由香里", nameKana: "もりもと ゆかり", departmentId: dept.id }),
    );
    const sameReading = await createKeyPerson(
      ctx,
      createKeyPersonSchema.parse({ ...base, name: "森本 ゆかり", nameKana: "モリモト ユカリ", departmentId: dept.id }),
    ).catch((e) => e);
    expect(sameReading).toMatchObject({ code: "conflict", messageKey: "possibleDuplicate" });
    expect(sameReading.current).toEqual([expect.objectContaining({ id: yukari.id, name: "森本 由香里" })]);
    const elsewhere = await createDepartment(db(), t.team.id, "経理課");
    await createKeyPerson(
      ctx,
      createKeyPersonSchema.parse({ ...base, name: "森本 ゆかり", nameKana: "もりもと ゆかり", departmentId: elsewhere.id }),
    );
    // Another name, or the same name in another team, is no duplicate.
    await createKeyPerson(ctx, createKeyPersonSchema.parse({ ...base, name: "渡辺 明" }));
    const other = await createTeamWithRoles(db());
    await createKeyPerson(await ctxFor(db(), other.nurse.user.id), createKeyPersonSchema.parse({ ...base, name: "渡辺 明美" }));
  });

  it("sorts by name in 五十音 order as a dictionary does: voiced and small kana with their plain forms first", async () => {
    const t = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), t.nurse.user.id);
    for (const [name, nameKana] of [
      ["近藤 一", "こんどう はじめ"],
      ["後藤 二郎", "ゴトウ ジロウ"],
      ["小林 三郎", "こばやし さぶろう"],
      ["河野 四郎", "こうの しろう"],
      ["甲田 五郎", "こうだ ごろう"],
    ]) {
      await createKeyPerson(ctx, createKeyPersonSchema.parse({ ...base, name, nameKana }));
    }
    const names = async (dir: "asc" | "desc") =>
      (await listKeyPersons(ctx, keyPersonFilterSchema.parse({ sort: "name", dir }))).rows.map((r) => r.name);
    // ICU's ja collation: こうだ < こうの < ごとう < こばやし < こんどう (code points would put こんどう before ごとう).
    expect(await names("asc")).toEqual(["甲田 五郎", "河野 四郎", "後藤 二郎", "小林 三郎", "近藤 一"]);
    expect(await names("desc")).toEqual(["近藤 一", "小林 三郎", "後藤 二郎", "河野 四郎", "甲田 五郎"]);
  });

  it("keeps every stance change with who, when and why", async () => {
    const { nurseCtx } = await setup();
    const { id } = await createKeyPerson(nurseCtx, createKeyPersonSchema.parse({ ...base, name: "田中 一郎", stance: "INDIFFERENT" }));
    let p = await getKeyPerson(nurseCtx, id);
    await updateKeyPerson(
      nurseCtx,
      updateKeyPersonSchema.parse({ ...base, id, version: p.version, name: "田中 一郎", stance: "NEUTRAL", stanceReason: "面談同席" }),
    );
    p = await getKeyPerson(nurseCtx, id);
    await updateKeyPerson(
      nurseCtx,
      updateKeyPersonSchema.parse({ ...base, id, version: p.version, name: "田中 一郎（課長）", stance: "NEUTRAL" }),
    );
    p = await getKeyPerson(nurseCtx, id);
    await updateKeyPerson(
      nurseCtx,
      updateKeyPersonSchema.parse({
        ...base,
        id,
        version: p.version,
        name: "田中 一郎",
        stance: "COOPERATIVE",
        stanceReason: "好事例を共有",
      }),
    );
    const history = await stanceHistory(nurseCtx, id);
    expect(history.map((h) => [h.fromStance, h.toStance, h.reason])).toEqual([
      [null, "INDIFFERENT", ""],
      ["INDIFFERENT", "NEUTRAL", "面談同席"],
      ["NEUTRAL", "COOPERATIVE", "好事例を共有"],
    ]);
    expect(history.every((h) => h.changedBy.name === "Nurse")).toBe(true);
  });

  it("refuses the second of two concurrent saves and returns what is saved now", async () => {
    const { nurseCtx, mentorCtx } = await setup();
    const { id } = await createKeyPerson(nurseCtx, createKeyPersonSchema.parse({ ...base, name: "鈴木 健太" }));
    const loaded = await getKeyPerson(nurseCtx, id);
    await updateKeyPerson(
      mentorCtx,
      updateKeyPersonSchema.parse({ ...base, id, version: loaded.version, name: "鈴木 健太", painPoints: "メンターの編集" }),
    );
    const err = await updateKeyPerson(
      nurseCtx,
      updateKeyPersonSchema.parse({ ...base, id, version: loaded.version, name: "鈴木 健太", painPoints: "ジュニアの編集" }),
    ).catch((e) => e);
    expect(err).toMatchObject({ code: "conflict", messageKey: "staleEdit" });
    expect(err.current).toMatchObject({ painPoints: "メンターの編集", version: loaded.version + 1 });
    expect((await getKeyPerson(nurseCtx, id)).painPoints).toBe("メンターの編集");
  });

  it("refuses a reporting line that loops and links to another team", async () => {
    const { nurseCtx, team } = await setup();
    const other = await createTeamWithRoles(db());
    const a = await createKeyPerson(nurseCtx, createKeyPersonSchema.parse({ ...base, name: "A" }));
    const b = await createKeyPerson(nurseCtx, createKeyPersonSchema.parse({ ...base, name: "B", reportsToId: a.id }));
    const pa = await getKeyPerson(nurseCtx, a.id);
    await expect(
      updateKeyPerson(nurseCtx, updateKeyPersonSchema.parse({ ...base, id: a.id, version: pa.version, name: "A", reportsToId: b.id })),
    ).rejects.toMatchObject({ fieldErrors: { reportsToId: ["reportingCycle"] } });
    const foreign = await createPerson(db(), other.team.id, { name: "X" });
    const foreignDept = await createDepartment(db(), other.team.id, "他社");
    await expect(
      createKeyPerson(nurseCtx, createKeyPersonSchema.parse({ ...base, name: "C", reportsToId: foreign.id, departmentId: foreignDept.id })),
    ).rejects.toMatchObject({ fieldErrors: { reportsToId: ["notFound"], departmentId: ["notFound"] } });
    expect(team.id).not.toBe(other.team.id);
  });

  it("another team's key person is not found", async () => {
    const { nurseCtx } = await setup();
    const other = await createTeamWithRoles(db());
    const foreign = await createPerson(db(), other.team.id, { name: "他チームの人" });
    await expect(getKeyPerson(nurseCtx, foreign.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(setArchived(nurseCtx, foreign.id, true)).rejects.toMatchObject({ code: "notFound" });
    const list = await listKeyPersons(nurseCtx, keyPersonFilterSchema.parse({ q: "他チーム" }));
    expect(list.total).toBe(0);
  });

  it("filters by search, stance, department subtree, owner, no contact and thanks owed, and paginates", async () => {
    const { nurseCtx, team, nurse, mentor } = await setup();
    const company = await createDepartment(db(), team.id, "会社");
    const site = await createDepartment(db(), team.id, "川崎工場", company);
    const line = await createDepartment(db(), team.id, "製造課", site);
    const hq = await createDepartment(db(), team.id, "本社", company);
    const now = new Date("2026-11-20T00:00:00Z");
    const old = new Date("2026-06-01T00:00:00Z");
    const p1 = await createPerson(db(), team.id, { name: "山田 花子", departmentId: line.id, ownerId: nurse.user.id, stance: "CHAMPION" });
    await db().keyPerson.update({
      where: { id: p1.id },
      data: { nameKana: "やまだ はなこ", tags: ["衛生委員"], lastContactAt: new Date("2026-11-10T00:00:00Z") },
    });
    const p2 = await createPerson(db(), team.id, {
      name: "佐藤 次郎",
      departmentId: hq.id,
      ownerId: mentor.user.id,
      stance: "UNCOOPERATIVE",
    });
    await db().keyPerson.update({ where: { id: p2.id }, data: { lastContactAt: old } });
    await createPerson(db(), team.id, { name: "高橋 三郎", departmentId: site.id, ownerId: nurse.user.id });
    await db().request.create({
      data: { teamId: team.id, keyPersonId: p2.id, nurseId: mentor.user.id, what: "5分", status: "ACCEPTED", respondedAt: old },
    });

    const f = (q: Record<string, unknown>) =>
      listKeyPersons(nurseCtx, keyPersonFilterSchema.parse(q), now).then((r) => r.rows.map((x) => x.name).sort());
    expect(await f({ q: "やまだ" })).toEqual(["山田 花子"]);
    expect(await f({ q: "#衛生委員" })).toEqual(["山田 花子"]);
    expect(await f({ q: "本社" })).toEqual(["佐藤 次郎"]);
    expect(await f({ stance: ["UNCOOPERATIVE", "CHAMPION"] })).toEqual(["佐藤 次郎", "山田 花子"]);
    expect(await f({ departmentId: site.id })).toEqual(["山田 花子", "高橋 三郎"]);
    expect(await f({ ownerId: mentor.user.id })).toEqual(["佐藤 次郎"]);
    expect(await f({ noContactDays: 60 })).toEqual(["佐藤 次郎", "高橋 三郎"]);
    expect(await f({ thanksOwed: true })).toEqual(["佐藤 次郎"]);
    const page2 = await listKeyPersons(nurseCtx, keyPersonFilterSchema.parse({ pageSize: 10, page: 1, sort: "name" }), now);
    expect(page2.total).toBe(3);
    const params = new URLSearchParams("stance=CHAMPION&stance=NEUTRAL&thanksOwed=1&page=abc&sort=evil");
    expect(filterFromSearchParams(params)).toMatchObject({ stance: ["CHAMPION", "NEUTRAL"], thanksOwed: true, page: 1, sort: "name" });
  });

  it("suggests thanks first, then follow-ups, then giving before asking", () => {
    const now = new Date("2026-11-20T00:00:00Z");
    const recent = new Date("2026-11-15T00:00:00Z");
    const common = { openFollowUp: null, lastContactAt: recent, noContactDays: 60, stance: "NEUTRAL", now };
    expect(suggestNextStep({ ...common, thanksOwed: [{ what: "x" }], balance: { gives: 0, asks: 0 } }).kind).toBe("thank");
    expect(suggestNextStep({ ...common, thanksOwed: [], openFollowUp: recent, balance: { gives: 0, asks: 0 } }).kind).toBe("followUp");
    expect(suggestNextStep({ ...common, thanksOwed: [], lastContactAt: null, balance: { gives: 0, asks: 0 } }).kind).toBe("reconnect");
    expect(suggestNextStep({ ...common, thanksOwed: [], balance: { gives: 1, asks: 2 } }).kind).toBe("give");
    expect(suggestNextStep({ ...common, thanksOwed: [], balance: { gives: 3, asks: 1 } }).kind).toBe("smallAsk");
    expect(suggestNextStep({ ...common, thanksOwed: [], stance: "CHAMPION", balance: { gives: 3, asks: 1 } }).kind).toBe("keepWarm");
  });

  it("builds the detail page data: reporting line up and down", async () => {
    const { nurseCtx } = await setup();
    const ceo = await createKeyPerson(nurseCtx, createKeyPersonSchema.parse({ ...base, name: "社長" }));
    const head = await createKeyPerson(nurseCtx, createKeyPersonSchema.parse({ ...base, name: "工場長", reportsToId: ceo.id }));
    const mgr = await createKeyPerson(nurseCtx, createKeyPersonSchema.parse({ ...base, name: "課長", reportsToId: head.id }));
    await createKeyPerson(nurseCtx, createKeyPersonSchema.parse({ ...base, name: "係長", reportsToId: mgr.id }));
    const detail = await keyPersonDetail(nurseCtx, mgr.id);
    expect(detail.line.up.map((p) => p.name)).toEqual(["工場長", "社長"]);
    expect(detail.line.down.map((p) => p.name)).toEqual(["係長"]);
    expect(detail.nextStep.kind).toBe("reconnect");
  });
});

describe("search input", () => {
  it("treats % _ and \\ as plain characters, and refuses an over-long query instead of listing everyone", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    await createPerson(db(), team.id, { name: "進捗100%課長" });
    await createPerson(db(), team.id, { name: "山田_太郎" });
    await createPerson(db(), team.id, { name: "山田A太郎" });
    await createPerson(db(), team.id, { name: "C:\\path さん" });
    const names = async (q: string) => (await listKeyPersons(ctx, keyPersonFilterSchema.parse({ q }))).rows.map((r) => r.name).sort();
    expect(await names("%")).toEqual(["進捗100%課長"]);
    expect(await names("田_太")).toEqual(["山田_太郎"]);
    expect(await names("\\")).toEqual(["C:\\path さん"]);
    const long = keyPersonFilterSchema.parse({ q: "あ".repeat(101) });
    expect(long.qTooLong).toBe(true);
    expect((await listKeyPersons(ctx, long)).rows).toEqual([]);
  });
});

describe("name order", () => {
  it("lists people in 五十音 order of their reading by default, whatever script the reading is in", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    for (const [name, kana] of [
      ["渡辺 明美", "わたなべ あけみ"],
      ["青木 誠", "アオキ マコト"],
      ["佐藤 一郎", "ｻﾄｳ ｲﾁﾛｳ"],
      ["伊藤 さくら", "いとう さくら"],
      ["安藤 健", ""],
    ]) {
      const p = await createPerson(db(), team.id, { name });
      await db().keyPerson.update({ where: { id: p.id }, data: { nameKana: kana } });
    }
    const order = (await listKeyPersons(ctx, keyPersonFilterSchema.parse({}))).rows.map((r) => r.name);
    // Before, the default was kanji code-point order (伊藤, 佐藤, 安藤, 渡辺, 青木). A name without
    // a reading comes after the read ones (kanji sort after kana).
    expect(order).toEqual(["青木 誠", "伊藤 さくら", "佐藤 一郎", "渡辺 明美", "安藤 健"]);
    const reversed = (await listKeyPersons(ctx, keyPersonFilterSchema.parse({ dir: "desc" }))).rows.map((r) => r.name);
    expect(reversed).toEqual([...order].reverse());
  });
});

describe("stance in two taps", () => {
  it("changes only the stance, keeps the move and its reason in the history, and refuses a stale page", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const p = await createPerson(db(), team.id, { name: "工場長", stance: "NEUTRAL", ownerId: nurse.user.id });
    const before = await getKeyPerson(ctx, p.id);
    const res = await changeStance(ctx, { id: p.id, version: before.version, stance: "COOPERATIVE", reason: "面談同席をきっかけに" });
    expect(res.version).toBe(before.version + 1);
    const history = await stanceHistory(ctx, p.id);
    expect(history.at(-1)).toMatchObject({ fromStance: "NEUTRAL", toStance: "COOPERATIVE", reason: "面談同席をきっかけに" });
    // Everything else is untouched.
    expect(await getKeyPerson(ctx, p.id)).toMatchObject({ name: "工場長", stance: "COOPERATIVE" });
    // A page opened before that change cannot overwrite it.
    await expect(changeStance(ctx, { id: p.id, version: before.version, stance: "UNCOOPERATIVE", reason: "" })).rejects.toMatchObject({
      code: "conflict",
    });
    const other = await createTeamWithRoles(db());
    await expect(
      changeStance(await ctxFor(db(), other.nurse.user.id), { id: p.id, version: res.version, stance: "CHAMPION", reason: "" }),
    ).rejects.toMatchObject({ code: "notFound" });
  });
});
