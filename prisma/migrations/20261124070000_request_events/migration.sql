-- A request's status changes become its own history (RequestEvent) instead of touchpoints.
CREATE TABLE "RequestEvent" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "nurseId" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RequestEvent_requestId_at_idx" ON "RequestEvent"("requestId", "at");

ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_nurseId_fkey" FOREIGN KEY ("nurseId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The follow-up a logged touchpoint cleared, so undoing the log reopens it.
ALTER TABLE "Touchpoint" ADD COLUMN "clearedFollowUpId" TEXT;

-- Data: the touchpoints the app wrote for status changes carry a fixed summary prefix (the
-- Japanese catalog's requests.timeline texts). Each becomes an event.
CREATE TEMP TABLE request_transition AS
SELECT t.id, t."teamId", t."requestId", t."nurseId", t."occurredAt", t."deletedAt", t.type,
       t."followUpDueOn", t."followUpDoneAt", s.status
FROM "Touchpoint" t
CROSS JOIN LATERAL (SELECT CASE
    WHEN t.type = 'ASK' AND starts_with(t.summary, '依頼：') THEN 'SENT'
    WHEN t.type = 'ASK' AND starts_with(t.summary, '代案を依頼：') THEN 'FALLBACK_SENT'
    WHEN t.type = 'OTHER' AND starts_with(t.summary, '依頼を承諾いただいた：') THEN 'ACCEPTED'
    WHEN t.type = 'OTHER' AND starts_with(t.summary, '依頼は見送りとなった：') THEN 'DECLINED'
    WHEN t.type = 'OTHER' AND starts_with(t.summary, '代案を承諾いただいた：') THEN 'FALLBACK_ACCEPTED'
    WHEN t.type = 'OTHER' AND starts_with(t.summary, '代案も見送りとなった：') THEN 'FALLBACK_DECLINED'
    WHEN t.type = 'OTHER' AND starts_with(t.summary, '依頼が完了：') THEN 'DONE'
  END AS status) s
WHERE t."requestId" IS NOT NULL AND s.status IS NOT NULL;

INSERT INTO "RequestEvent" (id, "teamId", "requestId", "nurseId", status, at)
SELECT 'rqe_' || id, "teamId", "requestId", "nurseId", status::"RequestStatus", "occurredAt"
FROM request_transition;

-- Requests sent before any of that was recorded get their history from their own dates.
INSERT INTO "RequestEvent" (id, "teamId", "requestId", "nurseId", status, at)
SELECT 'rqe_sent_' || r.id, r."teamId", r.id, r."nurseId", 'SENT', r."sentAt"
FROM "Request" r
WHERE r."sentAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "RequestEvent" e WHERE e."requestId" = r.id);
INSERT INTO "RequestEvent" (id, "teamId", "requestId", "nurseId", status, at)
SELECT 'rqe_answer_' || r.id, r."teamId", r.id, r."nurseId", r.status, r."respondedAt"
FROM "Request" r
WHERE r."respondedAt" IS NOT NULL AND r.status NOT IN ('DRAFT', 'SENT')
  AND NOT EXISTS (SELECT 1 FROM "RequestEvent" e WHERE e."requestId" = r.id AND e.status <> 'SENT');

-- One ask per request: the first live ask stays a touchpoint; the follow-up an accepted recurring
-- agreement booked moves onto it.
CREATE TEMP TABLE request_kept AS
SELECT DISTINCT ON ("requestId") "requestId", id
FROM request_transition
WHERE type = 'ASK' AND "deletedAt" IS NULL
ORDER BY "requestId", "occurredAt", id;

UPDATE "Touchpoint" t SET "followUpDueOn" = f."followUpDueOn", "followUpDoneAt" = f."followUpDoneAt"
FROM request_kept k
JOIN LATERAL (
  SELECT x."followUpDueOn", x."followUpDoneAt" FROM request_transition x
  WHERE x."requestId" = k."requestId" AND x."followUpDueOn" IS NOT NULL AND x."deletedAt" IS NULL
  ORDER BY x."occurredAt" DESC, x.id DESC LIMIT 1
) f ON true
WHERE t.id = k.id AND t."followUpDueOn" IS NULL;

CREATE TEMP TABLE request_touched AS
SELECT DISTINCT p."keyPersonId", p."teamId"
FROM "TouchpointParticipant" p JOIN request_transition x ON x.id = p."touchpointId"
WHERE x.id NOT IN (SELECT id FROM request_kept);

DELETE FROM "Touchpoint" t
USING request_transition x
WHERE t.id = x.id AND x.id NOT IN (SELECT id FROM request_kept);

UPDATE "KeyPerson" k SET "lastContactAt" = (
  SELECT max(p."occurredAt") FROM "TouchpointParticipant" p
  WHERE p."keyPersonId" = k.id AND p."teamId" = k."teamId" AND p.deleted = false)
FROM request_touched r
WHERE k.id = r."keyPersonId";

DROP TABLE request_touched;
DROP TABLE request_kept;
DROP TABLE request_transition;
