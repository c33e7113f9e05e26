// Names are found however they are typed: width, katakana/hiragana, variant kanji, spaces and
// long-vowel marks. The database's key and the code's key are the same function.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listKeyPersons } from "@/lib/key-persons/queries";
import { keyPersonFilterSchema } from "@/lib/key-persons/schemas";
import { searchKey, VARIANTS } from "@/lib/search/normalize";
import { searchPeople } from "@/lib/touchpoints/queries";
import { setupTestDatabase } from "../support/db";
import { createDepartment, createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

describe("name search", () => {
  it("finds variant spellings in the list and the person picker", async () => {
    const t = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), t.nurse.user.id);
    const dept = await createDepartment(db(), t.team.id, "濱松工場");
    await createPerson(db(), t.team.id, { name: "髙橋 一郎", departmentId: dept.id });
    await createPerson(db(), t.team.id, { name: "山﨑 花子" });
    await createPerson(db(), t.team.id, { name: "佐藤 ｹﾝｼﾞ" });
    await db().keyPerson.updateMany({ where: { teamId: t.team.id, name: "髙橋 一郎" }, data: { nameKana: "タカハシ イチロウ" } });
    await createPerson(db(), t.team.id, { name: "無関係 太郎" });
    const names = async (q: string) => (await listKeyPersons(ctx, keyPersonFilterSchema.parse({ q }))).rows.map((r) => r.name).sort();
    expect(await names("高橋")).toEqual(["髙橋 一郎"]);
    expect(await names("高橋一郎")).toEqual(["髙橋 一郎"]);
    expect(await names("たかはし")).toEqual(["髙橋 一郎"]);
    expect(await names("ｲﾁﾛｳ")).toEqual(["髙橋 一郎"]);
    expect(await names("山崎")).toEqual(["山﨑 花子"]);
    expect(await names("ケンジ")).toEqual(["佐藤 ｹﾝｼﾞ"]);
    expect(await names("けんじ")).toEqual(["佐藤 ｹﾝｼﾞ"]);
    // The department's name is searched the same way.
    expect(await names("浜松")).toEqual(["髙橋 一郎"]);
    expect((await searchPeople(ctx, "高橋")).map((p) => p.name)).toEqual(["髙橋 一郎"]);
    expect((await searchPeople(ctx, "ケンジ")).map((p) => p.name)).toEqual(["佐藤 ｹﾝｼﾞ"]);
  });

  it("computes the same key in the database as in the code", async () => {
    const alphabet = [..."アイウエオカキクケコｶｷｸｹｺﾞﾟガギあいうえおABCabc０１２①②ー－・ 　"].concat(
      Object.keys(VARIANTS),
      Object.values(VARIANTS),
      ["高", "橋", "%", "_"],
    );
    const samples = fc.sample(
      fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((cs) => cs.join("")),
      { numRuns: 300, seed: 42 },
    );
    samples.push("ｹﾝｼﾞ", "髙橋 一郎", "山﨑", "ＡＢＣ①", "ヴァイオリン", "コーヒー");
    const rows = await db().$queryRaw<{ i: number; k: string }[]>`
      SELECT i::int AS i, "ally_search_key"(s) AS k FROM unnest(${samples}::text[]) WITH ORDINALITY AS x(s, i)`;
    expect(rows.map((r) => r.k)).toEqual(samples.map(searchKey));
  });
});
