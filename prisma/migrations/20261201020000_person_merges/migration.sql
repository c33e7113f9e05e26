-- Two records of one person merged into one, with what is needed to undo it.
-- CreateTable
CREATE TABLE "PersonMerge" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "keptId" TEXT NOT NULL,
    "mergedId" TEXT NOT NULL,
    "mergedName" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "undo" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "PersonMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonMerge_teamId_keptId_createdAt_idx" ON "PersonMerge"("teamId", "keptId", "createdAt");

-- AddForeignKey
ALTER TABLE "PersonMerge" ADD CONSTRAINT "PersonMerge_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

