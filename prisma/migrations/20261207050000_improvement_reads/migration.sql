-- The dashboard's improvement figures at bench scale (20,000 cases): the cases last assessed in the
-- period, read from an index that holds every column the query groups and filters on instead of the
-- table, whose rows carry sealed text (14.5 → 5.2 ms in psql; it was the dashboard's costliest
-- statement). It replaces the index on (teamId, lastAssessedOn), its first two columns.
-- DropIndex
DROP INDEX "Case_teamId_lastAssessedOn_idx";

-- CreateIndex
CREATE INDEX "Case_improvement_idx" ON "Case"("teamId", "lastAssessedOn", "departmentId", "kind", "firstRiskLevelId", "lastRiskLevelId", "assessmentCount", "deletedAt", "withdrawnAt");
