-- Reports are written for managers and HR by default; the team's own working figures (allies,
-- activity, coaching sentences) go only into the team edition.
CREATE TYPE "ReportAudience" AS ENUM ('MANAGERS', 'TEAM');
ALTER TABLE "Report" ADD COLUMN "audience" "ReportAudience" NOT NULL DEFAULT 'MANAGERS';
-- Existing definitions that carry team-internal sections keep them, as team editions.
UPDATE "Report" SET "audience" = 'TEAM' WHERE sections && ARRAY['allies', 'activity']::text[];
