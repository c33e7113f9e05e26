-- The nurse's own part of an accepted request, as a dated promise kept by a give.
-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "nurseId" TEXT NOT NULL,
    "keyPersonId" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),
    "touchpointId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_requestId_key" ON "Commitment"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_touchpointId_key" ON "Commitment"("touchpointId");

-- CreateIndex
CREATE INDEX "Commitment_teamId_nurseId_doneAt_dueOn_idx" ON "Commitment"("teamId", "nurseId", "doneAt", "dueOn");

-- CreateIndex
CREATE INDEX "Commitment_keyPersonId_idx" ON "Commitment"("keyPersonId");

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_nurseId_fkey" FOREIGN KEY ("nurseId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_keyPersonId_fkey" FOREIGN KEY ("keyPersonId") REFERENCES "KeyPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

