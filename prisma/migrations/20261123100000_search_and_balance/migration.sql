-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "TouchpointParticipant" ADD COLUMN     "deleted" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "KeyPerson_name_trgm_idx" ON "KeyPerson" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "KeyPerson_nameKana_trgm_idx" ON "KeyPerson" USING GIN ("nameKana" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "KeyPerson_teamId_archivedAt_lastContactAt_idx" ON "KeyPerson"("teamId", "archivedAt", "lastContactAt");

-- CreateIndex
CREATE INDEX "KeyPerson_teamId_updatedAt_idx" ON "KeyPerson"("teamId", "updatedAt");

-- CreateIndex
CREATE INDEX "TouchpointParticipant_keyPersonId_type_occurredAt_idx" ON "TouchpointParticipant"("keyPersonId", "type", "occurredAt");

