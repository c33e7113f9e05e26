-- Names sort in 五十音 order by their reading: the reading when there is one, else the name, folded
-- the way search folds it (katakana → hiragana, widths, variant kanji). Kept by the database.
ALTER TABLE "KeyPerson" ADD COLUMN "nameSort" text GENERATED ALWAYS AS ("ally_search_key"(CASE WHEN "nameKana" <> '' THEN "nameKana" ELSE "name" END)) STORED;
CREATE INDEX "KeyPerson_teamId_nameSort_idx" ON "KeyPerson"("teamId", "nameSort");
