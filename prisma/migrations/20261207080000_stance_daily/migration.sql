-- The stance history per JST day and move (from → to), kept by a statement-level trigger like
-- TouchpointDaily: the dashboard's whole-team view read every change of the team on each view (40,000
-- rows at bench scale, 20 ms in the database) to sum them into a few hundred. "fromStance" is '' for
-- a person's first recorded stance, so the key has no NULL in it.
CREATE TABLE "StanceDaily" (
    "teamId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "fromStance" TEXT NOT NULL DEFAULT '',
    "toStance" "Stance" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StanceDaily_pkey" PRIMARY KEY ("teamId","day","fromStance","toStance")
);

ALTER TABLE "StanceDaily" ADD CONSTRAINT "StanceDaily_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Adds (sign 1) or takes away (-1) changes. A team being deleted takes its changes and its counts
-- with it: nothing is written back for it.
CREATE FUNCTION "stance_daily_add"(changes "StanceChange"[], sign INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "StanceDaily" ("teamId", day, "fromStance", "toStance", n)
  SELECT c."teamId", (c."changedAt" + interval '9 hours')::date, coalesce(c."fromStance"::text, ''), c."toStance", sign * count(*)::int
  FROM unnest(changes) c WHERE c."teamId" IN (SELECT id FROM "Team") GROUP BY 1, 2, 3, 4
  ON CONFLICT ("teamId", day, "fromStance", "toStance") DO UPDATE SET n = "StanceDaily".n + EXCLUDED.n;
$$;

CREATE FUNCTION "stance_daily_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "stance_daily_add"(ARRAY(SELECT o::"StanceChange" FROM old_rows o), -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "stance_daily_add"(ARRAY(SELECT n::"StanceChange" FROM new_rows n), 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "StanceChange_daily_insert" AFTER INSERT ON "StanceChange"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_daily_trigger"();
CREATE TRIGGER "StanceChange_daily_update" AFTER UPDATE ON "StanceChange"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_daily_trigger"();
CREATE TRIGGER "StanceChange_daily_delete" AFTER DELETE ON "StanceChange"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stance_daily_trigger"();

SELECT "stance_daily_add"(ARRAY(SELECT s FROM "StanceChange" s), 1);
