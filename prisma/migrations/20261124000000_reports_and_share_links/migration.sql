-- Share links now point at an issued report. Links made before reports existed had nothing to show
-- (no screen ever created them), so they are removed rather than left pointing nowhere.
DELETE FROM "ShareLink";

-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "allowDownload" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "failedAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastViewedAt" TIMESTAMP(3),
ADD COLUMN     "lockedAt" TIMESTAMP(3),
ADD COLUMN     "passcodeHash" TEXT,
ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "reportIssueId" TEXT NOT NULL,
ADD COLUMN     "viewCount" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "expiresAt" SET NOT NULL;

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "departmentIds" TEXT[],
    "sections" TEXT[],
    "createdById" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportIssue" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "issuedById" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportIssue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_teamId_archivedAt_updatedAt_idx" ON "Report"("teamId", "archivedAt", "updatedAt");

-- CreateIndex
CREATE INDEX "ReportIssue_teamId_issuedAt_idx" ON "ReportIssue"("teamId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportIssue_reportId_number_key" ON "ReportIssue"("reportId", "number");

-- CreateIndex
CREATE INDEX "Case_teamId_returnOn_idx" ON "Case"("teamId", "returnOn");

-- CreateIndex
CREATE INDEX "ShareLink_reportIssueId_idx" ON "ShareLink"("reportIssueId");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportIssue" ADD CONSTRAINT "ReportIssue_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportIssue" ADD CONSTRAINT "ReportIssue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportIssue" ADD CONSTRAINT "ReportIssue_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_reportIssueId_fkey" FOREIGN KEY ("reportIssueId") REFERENCES "ReportIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

