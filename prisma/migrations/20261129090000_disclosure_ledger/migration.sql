-- Decision 009: what every release of a team published, and the closed quarters it froze.
CREATE TABLE "FrozenCaseQuarter" (
    "teamId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "quarter" DATE NOT NULL,
    "rows" JSONB NOT NULL,
    "issueId" TEXT NOT NULL,
    "frozenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrozenCaseQuarter_pkey" PRIMARY KEY ("teamId","source","quarter")
);

CREATE TABLE "DisclosedSet" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "setHash" TEXT NOT NULL,
    "cells" TEXT[],
    "values" INTEGER[],
    "firstIssueId" TEXT NOT NULL,
    "publishedIssueId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosedSet_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "DisclosedSet_teamId_measure_setHash_key" ON "DisclosedSet"("teamId", "measure", "setHash");

ALTER TABLE "FrozenCaseQuarter" ADD CONSTRAINT "FrozenCaseQuarter_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DisclosedSet" ADD CONSTRAINT "DisclosedSet_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
