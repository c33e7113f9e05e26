-- DropIndex
DROP INDEX "Touchpoint_teamId_occurredAt_idx";

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "assessmentCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "firstRiskLevelId" TEXT,
ADD COLUMN     "lastAssessedOn" DATE,
ADD COLUMN     "lastRiskLevelId" TEXT;

-- CreateTable
CREATE TABLE "TouchpointDaily" (
    "teamId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "nurseId" TEXT NOT NULL,
    "type" "TouchpointType" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TouchpointDaily_pkey" PRIMARY KEY ("teamId","day","nurseId","type")
);

-- CreateIndex
CREATE INDEX "Touchpoint_teamId_occurredAt_type_nurseId_deletedAt_idx" ON "Touchpoint"("teamId", "occurredAt", "type", "nurseId", "deletedAt");

-- CreateIndex
CREATE INDEX "Case_teamId_lastAssessedOn_idx" ON "Case"("teamId", "lastAssessedOn");

-- AddForeignKey
ALTER TABLE "TouchpointDaily" ADD CONSTRAINT "TouchpointDaily_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Case assessment summary, kept by statement-level triggers (one UPDATE per statement, whatever
-- writes assessments: the app, imports, seeds). Ordered like the app: by day, then creation.
CREATE FUNCTION "refresh_case_assessment_summary"(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Case" c SET
    "assessmentCount" = coalesce(s.n, 0),
    "firstRiskLevelId" = s.first_id,
    "lastRiskLevelId" = s.last_id,
    "lastAssessedOn" = s.last_on
  FROM (SELECT x.id AS case_id, a.n, a.first_id, a.last_id, a.last_on
        FROM unnest(ids) AS x(id)
        LEFT JOIN LATERAL (
          SELECT count(*)::int AS n,
            (array_agg("riskLevelId" ORDER BY "assessedOn", "createdAt", id))[1] AS first_id,
            (array_agg("riskLevelId" ORDER BY "assessedOn" DESC, "createdAt" DESC, id DESC))[1] AS last_id,
            max("assessedOn") AS last_on
          FROM "CaseAssessment" WHERE "caseId" = x.id) a ON true) s
  WHERE c.id = s.case_id;
$$;

CREATE FUNCTION "case_assessment_summary_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "refresh_case_assessment_summary"(ARRAY(SELECT DISTINCT "caseId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "refresh_case_assessment_summary"(ARRAY(SELECT DISTINCT "caseId" FROM old_rows));
  ELSE
    PERFORM "refresh_case_assessment_summary"(ARRAY(SELECT "caseId" FROM new_rows UNION SELECT "caseId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "CaseAssessment_summary_insert" AFTER INSERT ON "CaseAssessment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_assessment_summary_trigger"();
CREATE TRIGGER "CaseAssessment_summary_update" AFTER UPDATE ON "CaseAssessment"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_assessment_summary_trigger"();
CREATE TRIGGER "CaseAssessment_summary_delete" AFTER DELETE ON "CaseAssessment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_assessment_summary_trigger"();

SELECT "refresh_case_assessment_summary"(ARRAY(SELECT DISTINCT "caseId" FROM "CaseAssessment"));

-- Touchpoints per JST day, nurse and type (soft-deleted ones excluded), kept the same way.
CREATE FUNCTION "touchpoint_daily_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TouchpointDaily" ("teamId", day, "nurseId", type, n)
  SELECT "teamId", ("occurredAt" + interval '9 hours')::date, "nurseId", type, count(*)::int
  FROM new_rows WHERE "deletedAt" IS NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT ("teamId", day, "nurseId", type) DO UPDATE SET n = "TouchpointDaily".n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION "touchpoint_daily_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TouchpointDaily" ("teamId", day, "nurseId", type, n)
  SELECT "teamId", ("occurredAt" + interval '9 hours')::date, "nurseId", type, -count(*)::int
  FROM old_rows WHERE "deletedAt" IS NULL AND "teamId" IN (SELECT id FROM "Team") GROUP BY 1, 2, 3, 4
  ON CONFLICT ("teamId", day, "nurseId", type) DO UPDATE SET n = "TouchpointDaily".n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION "touchpoint_daily_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TouchpointDaily" ("teamId", day, "nurseId", type, n)
  SELECT "teamId", ("occurredAt" + interval '9 hours')::date, "nurseId", type, -count(*)::int
  FROM old_rows WHERE "deletedAt" IS NULL AND "teamId" IN (SELECT id FROM "Team") GROUP BY 1, 2, 3, 4
  ON CONFLICT ("teamId", day, "nurseId", type) DO UPDATE SET n = "TouchpointDaily".n + EXCLUDED.n;
  INSERT INTO "TouchpointDaily" ("teamId", day, "nurseId", type, n)
  SELECT "teamId", ("occurredAt" + interval '9 hours')::date, "nurseId", type, count(*)::int
  FROM new_rows WHERE "deletedAt" IS NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT ("teamId", day, "nurseId", type) DO UPDATE SET n = "TouchpointDaily".n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE TRIGGER "Touchpoint_daily_insert" AFTER INSERT ON "Touchpoint"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "touchpoint_daily_insert"();
CREATE TRIGGER "Touchpoint_daily_update" AFTER UPDATE ON "Touchpoint"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "touchpoint_daily_update"();
CREATE TRIGGER "Touchpoint_daily_delete" AFTER DELETE ON "Touchpoint"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "touchpoint_daily_delete"();

INSERT INTO "TouchpointDaily" ("teamId", day, "nurseId", type, n)
SELECT "teamId", ("occurredAt" + interval '9 hours')::date, "nurseId", type, count(*)::int
FROM "Touchpoint" WHERE "deletedAt" IS NULL GROUP BY 1, 2, 3, 4;
