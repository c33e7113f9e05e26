-- DropIndex
DROP INDEX "KeyPerson_teamId_ownerId_idx";

-- CreateIndex
CREATE INDEX "KeyPerson_teamId_ownerId_lastContactAt_idx" ON "KeyPerson"("teamId", "ownerId", "lastContactAt");

