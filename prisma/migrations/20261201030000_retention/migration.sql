-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "retainAuditYears" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "retainCaseYears" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "retainPersonYears" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "KeyPerson" ADD COLUMN     "legalHold" TEXT,
ADD COLUMN     "legalHoldAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "keepReason" TEXT,
ADD COLUMN     "legalHold" TEXT,
ADD COLUMN     "legalHoldAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Case_teamId_closedOn_idx" ON "Case"("teamId", "closedOn");

