-- What a request said when it went out, and each change made after it was sent (第1版 = as sent).
CREATE TABLE "RequestVersion" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "nurseId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "what" TEXT NOT NULL,
    "doer" TEXT NOT NULL,
    "dueOn" DATE,
    "effortMinutes" INTEGER,
    "frequency" "Frequency" NOT NULL,
    "benefit" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "nurseSupport" TEXT NOT NULL,
    "fallbackWhat" TEXT NOT NULL,
    "fallbackMinutes" INTEGER,

    CONSTRAINT "RequestVersion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RequestVersion_requestId_number_key" ON "RequestVersion"("requestId", "number");
CREATE INDEX "RequestVersion_teamId_idx" ON "RequestVersion"("teamId");

ALTER TABLE "RequestVersion" ADD CONSTRAINT "RequestVersion_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RequestVersion" ADD CONSTRAINT "RequestVersion_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RequestVersion" ADD CONSTRAINT "RequestVersion_nurseId_fkey" FOREIGN KEY ("nurseId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Requests sent before versions were kept: what they say now is the best record of what was sent.
INSERT INTO "RequestVersion" (id, "teamId", "requestId", number, "nurseId", at, what, doer, "dueOn", "effortMinutes", frequency,
  benefit, reason, "nurseSupport", "fallbackWhat", "fallbackMinutes")
SELECT 'rv1-' || r.id, r."teamId", r.id, 1, r."nurseId", COALESCE(r."sentAt", r."updatedAt"), r.what, r.doer, r."dueOn", r."effortMinutes",
  r.frequency, r.benefit, r.reason, r."nurseSupport", r."fallbackWhat", r."fallbackMinutes"
FROM "Request" r WHERE r.status <> 'DRAFT';
