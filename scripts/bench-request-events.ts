// How long the request-events migration's data step takes on the bench database (run `npm run bench`
// first): it writes the touchpoints the previous version made for every status change of the bench's
// requests (sent, declined, fallback sent, fallback accepted; a booked check-in on the last), runs the
// migration's data step on 500,000+ touchpoints, prints the time and what it did, and rolls back.
//   npm run bench:request-events
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/ally_bench";

async function main() {
  const sql = await readFile(path.join(process.cwd(), "prisma/migrations/20261124070000_request_events/migration.sql"), "utf8");
  const data = sql.slice(sql.indexOf("-- Data:"));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`DELETE FROM "RequestEvent"`);
    const steps: [string, string, string][] = [
      ["ASK", "依頼：", "0"],
      ["OTHER", "依頼は見送りとなった：", "1"],
      ["ASK", "代案を依頼：", "2"],
      ["OTHER", "代案を承諾いただいた：", "3"],
    ];
    for (const [type, prefix, n] of steps) {
      await client.query(`
        INSERT INTO "Touchpoint" (id, "teamId", type, "occurredAt", "nurseId", summary, "requestId", "followUpDueOn", "updatedAt")
        SELECT 'old${n}_' || r.id, r."teamId", '${type}'::"TouchpointType", now() - interval '30 days' + ${n} * interval '1 day', r."nurseId",
          '${prefix}' || r.what, r.id, ${n === "3" ? `(now() + interval '7 days')::date` : "NULL"}, now()
        FROM "Request" r`);
      await client.query(`
        INSERT INTO "TouchpointParticipant" ("touchpointId", "keyPersonId", "teamId", type, "occurredAt")
        SELECT t.id, r."keyPersonId", t."teamId", t.type, t."occurredAt" FROM "Touchpoint" t JOIN "Request" r ON r.id = t."requestId" WHERE t.id LIKE 'old${n}_%'`);
    }
    const [{ n: touchpoints }] = (await client.query(`SELECT count(*)::int AS n FROM "Touchpoint"`)).rows;
    const [{ n: requests }] = (await client.query(`SELECT count(*)::int AS n FROM "Request"`)).rows;
    const start = performance.now();
    await client.query(data);
    const ms = performance.now() - start;
    const [{ events }] = (await client.query(`SELECT count(*)::int AS events FROM "RequestEvent"`)).rows;
    const [{ left }] = (await client.query(`SELECT count(*)::int AS left FROM "Touchpoint" WHERE id LIKE 'old%'`)).rows;
    console.log(`${touchpoints} touchpoints, ${requests} requests with four status-change touchpoints each`);
    console.log(
      `data step: ${(ms / 1000).toFixed(2)} s; ${events} request events written; ${left} old touchpoints kept (one ask per request)`,
    );
  } finally {
    await client.query("ROLLBACK");
    await client.end();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
