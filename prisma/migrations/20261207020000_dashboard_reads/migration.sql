-- The dashboard's 協力者のいる部署 at bench scale (20,000 key persons): current people per department
-- and stance, read from an index instead of the table, whose stance and archive columns sit behind a
-- dozen text columns in every row (30–45 → 12 ms).
-- CreateIndex
CREATE INDEX "KeyPerson_teamId_archivedAt_departmentId_stance_idx" ON "KeyPerson"("teamId", "archivedAt", "departmentId", "stance");
