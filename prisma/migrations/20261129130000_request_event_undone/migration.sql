-- A status recorded by mistake and taken back stays in the request's history, marked as undone.
ALTER TABLE "RequestEvent" ADD COLUMN "undoneAt" TIMESTAMP(3);
