-- DropIndex
DROP INDEX "Case_teamId_employeeCode_openedOn_key";

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "employeeCodeHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Case_teamId_employeeCodeHash_openedOn_key" ON "Case"("teamId", "employeeCodeHash", "openedOn");

