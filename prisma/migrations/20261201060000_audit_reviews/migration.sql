-- CreateTable
CREATE TABLE "AuditReview" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "reviewedById" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "figures" JSONB NOT NULL,

    CONSTRAINT "AuditReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditReview_teamId_month_key" ON "AuditReview"("teamId", "month");

-- AddForeignKey
ALTER TABLE "AuditReview" ADD CONSTRAINT "AuditReview_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditReview" ADD CONSTRAINT "AuditReview_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

