-- The requests list's acceptance by the person's kind at bench scale (5,000 answered requests, 20,000
-- key persons): joining every answered request to its person read the team's whole key-person index
-- on each view of the list (10.8 ms of PostgreSQL's 28 per view). The request now carries its
-- person's kind, kept by the database as the participant rows keep their touchpoint's nurse
-- (migration 20261207010000): filled on insert and when the request moves to another person (a
-- merge, its undo), followed when the person's kind is edited. The rate reads the requests alone.
-- AlterTable
ALTER TABLE "Request" ADD COLUMN "keyPersonKind" "KeyPersonKind";

UPDATE "Request" r SET "keyPersonKind" = k.kind FROM "KeyPerson" k WHERE k.id = r."keyPersonId";

CREATE FUNCTION "request_key_person_kind"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT k.kind INTO NEW."keyPersonKind" FROM "KeyPerson" k WHERE k.id = NEW."keyPersonId";
  RETURN NEW;
END $$;

CREATE TRIGGER "Request_key_person_kind" BEFORE INSERT OR UPDATE OF "keyPersonId" ON "Request"
  FOR EACH ROW EXECUTE FUNCTION "request_key_person_kind"();

CREATE FUNCTION "key_person_kind_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Request" SET "keyPersonKind" = NEW.kind WHERE "keyPersonId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "KeyPerson_kind_follow" AFTER UPDATE OF "kind" ON "KeyPerson"
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION "key_person_kind_follow"();

-- The index that served the join (migration 20261207030000) has no other reader.
-- DropIndex
DROP INDEX "KeyPerson_teamId_id_kind_idx";
