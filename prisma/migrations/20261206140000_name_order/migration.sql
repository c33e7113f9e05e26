-- 五十音 order as a dictionary has it (ICU's ja collation): voiced and small kana sort with their
-- plain forms first (ごとう < こばやし < こんどう), and only then apart. nameOrder is the reading's
-- search key with voicing and smallness taken off, then "|" and the key itself; compared byte by byte
-- (COLLATE "C"), whatever the database's own collation. Kept by the database.
ALTER TABLE "KeyPerson" ADD COLUMN "nameOrder" text COLLATE "C" GENERATED ALWAYS AS (
  translate("ally_search_key"(CASE WHEN "nameKana" <> '' THEN "nameKana" ELSE "name" END), 'がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔぁぃぅぇぉっゃゅょゎ', 'かきくけこさしすせそたちつてとはひふへほはひふへほうあいうえおつやゆよわ')
  || '|' || "ally_search_key"(CASE WHEN "nameKana" <> '' THEN "nameKana" ELSE "name" END)
) STORED;
CREATE INDEX "KeyPerson_teamId_nameOrder_idx" ON "KeyPerson"("teamId", "nameOrder");
