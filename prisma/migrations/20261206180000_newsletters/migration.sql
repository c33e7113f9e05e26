-- 保健師だより (issue: pilot surveys, section 4): a one-page newsletter from a pilot run, issued
-- versions frozen and shared by link like reports; a key person's consent to be thanked by name.
-- AlterTable
ALTER TABLE "KeyPerson" ADD COLUMN "thanksConsentOn" DATE;

-- AlterTable: a share link now shows an issued report or an issued newsletter, exactly one.
ALTER TABLE "ShareLink" ALTER COLUMN "reportIssueId" DROP NOT NULL,
ADD COLUMN "newsletterIssueId" TEXT;
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_one_target" CHECK (("reportIssueId" IS NULL) <> ("newsletterIssueId" IS NULL));

-- CreateTable
CREATE TABLE "Newsletter" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "lead" TEXT NOT NULL DEFAULT '',
    "goodExample" TEXT NOT NULL DEFAULT '',
    "comment1" TEXT NOT NULL DEFAULT '',
    "comment2" TEXT NOT NULL DEFAULT '',
    "thanksKeyPersonId" TEXT,
    "thanks" TEXT NOT NULL DEFAULT '',
    "closing" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Newsletter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsletterIssue" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "newsletterId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "lead" TEXT NOT NULL,
    "goodExample" TEXT NOT NULL,
    "comment1" TEXT NOT NULL,
    "comment2" TEXT NOT NULL,
    "thanks" TEXT NOT NULL,
    "closing" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "issuedById" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsletterIssue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Newsletter_resultId_key" ON "Newsletter"("resultId");

-- CreateIndex
CREATE INDEX "Newsletter_teamId_updatedAt_idx" ON "Newsletter"("teamId", "updatedAt");

-- CreateIndex
CREATE INDEX "Newsletter_thanksKeyPersonId_idx" ON "Newsletter"("thanksKeyPersonId");

-- CreateIndex
CREATE INDEX "NewsletterIssue_teamId_issuedAt_idx" ON "NewsletterIssue"("teamId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterIssue_newsletterId_number_key" ON "NewsletterIssue"("newsletterId", "number");

-- CreateIndex
CREATE INDEX "ShareLink_newsletterIssueId_idx" ON "ShareLink"("newsletterIssueId");

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_newsletterIssueId_fkey" FOREIGN KEY ("newsletterIssueId") REFERENCES "NewsletterIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Newsletter" ADD CONSTRAINT "Newsletter_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Newsletter" ADD CONSTRAINT "Newsletter_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "InitiativeResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Newsletter" ADD CONSTRAINT "Newsletter_thanksKeyPersonId_fkey" FOREIGN KEY ("thanksKeyPersonId") REFERENCES "KeyPerson"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Newsletter" ADD CONSTRAINT "Newsletter_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterIssue" ADD CONSTRAINT "NewsletterIssue_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterIssue" ADD CONSTRAINT "NewsletterIssue_newsletterId_fkey" FOREIGN KEY ("newsletterId") REFERENCES "Newsletter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterIssue" ADD CONSTRAINT "NewsletterIssue_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
