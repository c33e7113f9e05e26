-- The search key of a name (lib/search/normalize.ts does the same in the browser and server):
-- NFKC, katakana → hiragana, ASCII lower case, variant kanji → common form, no spaces/long vowels/dots.
CREATE FUNCTION "ally_search_key"(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(normalize(coalesce(t, ''), NFKC), 'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶABCDEFGHIJKLMNOPQRSTUVWXYZ髙﨑嵜碕邊邉齋齊濱濵澤櫻國廣惠眞冨藏實壽淺曾嶋嶌亞德瀨槇舘條彌龍黑圓遙萬與來淵渊 ー－‐-・･', 'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖabcdefghijklmnopqrstuvwxyz高崎崎崎辺辺斎斎浜浜沢桜国広恵真富蔵実寿浅曽島島亜徳瀬槙館条弥竜黒円遥万与来渕渕')
$$;

ALTER TABLE "KeyPerson" ADD COLUMN "searchKey" text GENERATED ALWAYS AS ("ally_search_key"("name" || '|' || "nameKana" || '|' || "title")) STORED;
ALTER TABLE "Department" ADD COLUMN "searchKey" text GENERATED ALWAYS AS ("ally_search_key"("name")) STORED;

CREATE INDEX "KeyPerson_searchKey_trgm_idx" ON "KeyPerson" USING GIN ("searchKey" gin_trgm_ops);
CREATE INDEX "Department_searchKey_trgm_idx" ON "Department" USING GIN ("searchKey" gin_trgm_ops);
-- The key covers what these searched one by one.
DROP INDEX IF EXISTS "KeyPerson_name_trgm_idx";
DROP INDEX IF EXISTS "KeyPerson_nameKana_trgm_idx";
