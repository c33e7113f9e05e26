-- The home page's count of her open cases at bench scale (400 assignments, 20,000 cases): both sides
-- read from indexes, her assignments with their case ids and each case's state and next follow-up,
-- instead of a scan of every case in the team (23–29 → 3–4 ms in psql). The new assignment index
-- starts with the columns of the one it replaces.
-- DropIndex
DROP INDEX "CaseNurse_teamId_userId_idx";

-- CreateIndex
CREATE INDEX "Case_id_status_deletedAt_withdrawnAt_nextFollowUpOn_idx" ON "Case"("id", "status", "deletedAt", "withdrawnAt", "nextFollowUpOn");

-- CreateIndex
CREATE INDEX "CaseNurse_teamId_userId_caseId_idx" ON "CaseNurse"("teamId", "userId", "caseId");
