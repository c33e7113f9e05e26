-- Decision 009, "What the layout tells": bounds a release's grouping told its reader.
CREATE TABLE "DisclosedBound" (
    "teamId" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "setHash" TEXT NOT NULL,
    "form" INTEGER NOT NULL,
    "cells" TEXT[],
    "lower" INTEGER,
    "upper" INTEGER,
    "firstIssueId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosedBound_pkey" PRIMARY KEY ("teamId","measure","setHash","form")
);

ALTER TABLE "DisclosedBound" ADD CONSTRAINT "DisclosedBound_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
