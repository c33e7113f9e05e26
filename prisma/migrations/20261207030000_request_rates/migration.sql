-- The requests list's acceptance by kind of person at bench scale (5,000 answered requests, 20,000
-- key persons): the kind read from an index instead of every person's row (58–64 → 18–22 ms).
-- CreateIndex
CREATE INDEX "KeyPerson_teamId_id_kind_idx" ON "KeyPerson"("teamId", "id", "kind");
