-- Decision 009, "Late entries flow forward": what a frozen quarter took in from earlier ones.
ALTER TABLE "FrozenCaseQuarter" ADD COLUMN "carried" JSONB NOT NULL DEFAULT '{}';
