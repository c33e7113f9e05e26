-- The nurse's edits to a report (summary sentences, hidden rows, a comment per section), and the
-- draft they are made on: the next issue exactly as it will be published.
ALTER TABLE "Report" ADD COLUMN "edits" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Report" ADD COLUMN "draft" JSONB;
ALTER TABLE "Report" ADD COLUMN "draftAt" TIMESTAMP(3);
