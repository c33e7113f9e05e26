// Seeds a team of 50 nurses with 20,000 key persons and 500,000 touchpoints into a separate
// database, then prints p50/p95 of the main reads through the app's own code, next to the bare SQL.
//   npm run bench                      (a local PostgreSQL server; BENCH_DATABASE_URL to choose)
//   npm run bench -- --embedded        (the embedded database, in ./bench-data)
//   npm run bench -- --only import     (one part: reads, success, import, export or mentions)
//   npm run bench -- --reuse           (measure the database the last run seeded, without seeding)
import { randomUUID } from "node:crypto";
import pg from "pg";
import { loadTeamContext } from "@/lib/auth/context";
import { hashPassword } from "@/lib/accounts/password";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { getMyDay } from "@/lib/home/queries";
import { keyPersonDetail, listKeyPersons } from "@/lib/key-persons/queries";
import { findMentions, mentionPattern } from "@/lib/key-persons/mentions";
import { keyPersonFilterSchema } from "@/lib/key-persons/schemas";
import { benchExport } from "./bench-export";
import { benchImport } from "./bench-import";
import { benchSuccess, CASES, INITIATIVES, seedSuccess } from "./bench-success";

/** Password of nurse1..nurse50@bench.example, for `npm run load` against the bench database. */
export const BENCH_PASSWORD = "bench-pass-2026";
const PEOPLE = 20_000;
const TOUCHPOINTS = 500_000;
const NURSES = 50;
const RUNS = 30;

const embedded = process.argv.includes("--embedded");
// `--only reads|success|import|export|mentions` runs one part (the data is seeded either way).
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const runs = (part: string) => !only || only === part;
// `--reuse` measures the database the last run seeded (PostgreSQL server only), without seeding again.
const reuse = process.argv.includes("--reuse") && !embedded;
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

async function openBench(): Promise<{
  handle: DbHandle;
  sql: (q: string, p?: unknown[]) => Promise<unknown[]>;
  close: () => Promise<void>;
}> {
  if (embedded) {
    const handle = openDatabase({ dir: "./bench-data/pglite" });
    const raw = await handle.openRaw();
    return { handle, sql: (q, p) => raw.query(q, p), close: () => handle.close() };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if (!reuse) {
    await admin.query("DROP DATABASE IF EXISTS ally_bench WITH (FORCE)");
    await admin.query("CREATE DATABASE ally_bench");
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = "/ally_bench";
  const handle = openDatabase({ url: url.toString() });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    handle,
    sql: async (q, p) => (await client.query(q, p)).rows,
    close: async () => {
      await client.end();
      await handle.close();
    },
  };
}

async function seed(sql: (q: string, p?: unknown[]) => Promise<unknown[]>) {
  const teamId = randomUUID();
  await sql(`INSERT INTO "Team" (id, name, "updatedAt") VALUES ($1, 'Bench', now())`, [teamId]);
  await sql(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
    SELECT 'u' || g, 'nurse' || g || '@bench.example', 'Nurse ' || g, 'x', now() FROM generate_series(1, ${NURSES}) g`);
  await sql(
    `INSERT INTO "Membership" (id, "teamId", "userId", role) SELECT 'm' || g, $1, 'u' || g, CASE WHEN g = 1 THEN 'ADMIN'::"Role" ELSE 'NURSE'::"Role" END FROM generate_series(1, ${NURSES}) g`,
    [teamId],
  );
  await sql(`INSERT INTO "Department" (id, "teamId", name, kind, path, "updatedAt") VALUES ('d0', $1, 'Company', 'COMPANY', '/', now())`, [
    teamId,
  ]);
  await sql(
    `INSERT INTO "Department" (id, "teamId", "parentId", name, kind, path, headcount, "updatedAt")
    SELECT 'd' || g, $1, 'd0', '部署' || g, 'DEPARTMENT', '/d0/', 50, now() FROM generate_series(1, 300) g`,
    [teamId],
  );
  await sql(
    `INSERT INTO "KeyPerson" (id, "teamId", name, "nameKana", title, "departmentId", kind, "ownerId", stance, influence, interest, tags, "updatedAt")
    SELECT 'k' || g, $1, '社員' || g || ' ' || (ARRAY['田中','鈴木','佐藤','高橋','伊藤'])[1 + g % 5], 'しゃいん' || g, '課長',
      'd' || (1 + g % 300), 'LINE_MANAGER', 'u' || (1 + g % ${NURSES}),
      (ARRAY['UNCOOPERATIVE','INDIFFERENT','NEUTRAL','COOPERATIVE','CHAMPION'])[1 + g % 5]::"Stance", 1 + g % 5, 1 + g % 4,
      CASE WHEN g % 10 = 0 THEN ARRAY['衛生委員'] ELSE ARRAY[]::text[] END, now()
    FROM generate_series(1, ${PEOPLE}) g`,
    [teamId],
  );
  await sql(
    `INSERT INTO "Touchpoint" (id, "teamId", type, "occurredAt", "nurseId", summary, "followUpDueOn", "updatedAt")
    SELECT 't' || g, $1, (ARRAY['GREETING','LISTENING','GIVE','ASK','THANKS','MEETING','EMAIL'])[1 + g % 7]::"TouchpointType",
      now() - (g % 540) * interval '1 day', 'u' || (1 + g % ${NURSES}), '接点の記録', CASE WHEN g % 50 = 0 THEN (now() + (g % 20 - 10) * interval '1 day')::date END, now()
    FROM generate_series(1, ${TOUCHPOINTS}) g`,
    [teamId],
  );
  await sql(`INSERT INTO "TouchpointParticipant" ("touchpointId", "keyPersonId", "teamId", type, "occurredAt")
    SELECT id, 'k' || (1 + (substr(id, 2)::bigint * 7919) % ${PEOPLE}), "teamId", type, "occurredAt" FROM "Touchpoint"`);
  await sql(
    `INSERT INTO "Request" (id, "teamId", "keyPersonId", "nurseId", what, status, "respondedAt", "thankedAt", "updatedAt")
    SELECT 'r' || g, $1, 'k' || (1 + g * 13 % ${PEOPLE}), 'u' || (1 + g % ${NURSES}), '5分だけ',
      (ARRAY['SENT','ACCEPTED','DECLINED','DONE'])[1 + g % 4]::"RequestStatus", now() - (g % 300) * interval '1 day',
      CASE WHEN g % 3 = 0 THEN NULL ELSE now() END, now() FROM generate_series(1, 5000) g`,
    [teamId],
  );
  await sql(
    `UPDATE "KeyPerson" k SET "lastContactAt" = x.m FROM (SELECT "keyPersonId", max("occurredAt") m FROM "TouchpointParticipant" GROUP BY 1) x WHERE k.id = x."keyPersonId"`,
  );
  await seedSuccess(sql, teamId, PEOPLE, NURSES);
  // A database in service has been vacuumed by autovacuum; a freshly bulk-loaded one has not, and
  // its counts read every row instead of the index alone (14 ms instead of 4 for 20,000 people).
  await sql("VACUUM ANALYZE");
  return teamId;
}

async function time(fn: () => Promise<unknown>) {
  const times: number[] = [];
  await fn();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(RUNS * 0.5)], p95: times[Math.floor(RUNS * 0.95)] };
}

async function main() {
  const { handle, sql, close } = await openBench();
  const raw = await handle.openRaw();
  await migrate(raw);
  const started = performance.now();
  const existing = reuse ? ((await sql(`SELECT id FROM "Team" WHERE name = 'Bench'`)) as { id: string }[])[0] : undefined;
  if (reuse && !existing) throw new Error("nothing to reuse: run npm run bench once without --reuse");
  const teamId = existing?.id ?? (await seed(sql));
  if (!existing)
    console.log(
      `seeded ${PEOPLE} key persons, ${TOUCHPOINTS} touchpoints, ${NURSES} nurses, ${CASES} cases, ${INITIATIVES} initiatives in ${((performance.now() - started) / 1000).toFixed(1)} s (${embedded ? "embedded" : "PostgreSQL server"})`,
    );
  // The bench nurses can sign in, so `npm run load` can drive a server started on this database.
  await sql(`UPDATE "User" SET "passwordHash" = $1 WHERE email LIKE '%@bench.example'`, [await hashPassword(BENCH_PASSWORD)]);
  const ctx = (await loadTeamContext(handle.db, "u7", teamId))!;
  const f = (q: Record<string, unknown>) => keyPersonFilterSchema.parse(q);
  const cases: [string, () => Promise<unknown>, string, unknown[]][] = [
    [
      "list, first page by name",
      () => listKeyPersons(ctx, f({})),
      `SELECT id, name FROM "KeyPerson" WHERE "teamId" = $1 AND "archivedAt" IS NULL ORDER BY name, id LIMIT 25`,
      [teamId],
    ],
    [
      "list, stance + owner + no contact 60d",
      () => listKeyPersons(ctx, f({ stance: ["INDIFFERENT", "NEUTRAL"], ownerId: "u7", noContactDays: 60 })),
      `SELECT id FROM "KeyPerson" WHERE "teamId" = $1 AND "archivedAt" IS NULL AND stance IN ('INDIFFERENT','NEUTRAL') AND "ownerId" = 'u7' AND ("lastContactAt" IS NULL OR "lastContactAt" < now() - interval '60 days') ORDER BY name, id LIMIT 25`,
      [teamId],
    ],
    [
      "search by name fragment",
      () => listKeyPersons(ctx, f({ q: "社員123" })),
      `SELECT id FROM "KeyPerson" WHERE "teamId" = $1 AND "archivedAt" IS NULL AND (name ILIKE '%社員123%' OR "nameKana" ILIKE '%社員123%') ORDER BY name LIMIT 25`,
      [teamId],
    ],
    [
      "list, thanks owed",
      () => listKeyPersons(ctx, f({ thanksOwed: true })),
      `SELECT k.id FROM "KeyPerson" k WHERE k."teamId" = $1 AND k."archivedAt" IS NULL AND EXISTS (SELECT 1 FROM "Request" r WHERE r."keyPersonId" = k.id AND r.status IN ('ACCEPTED','FALLBACK_ACCEPTED','DONE') AND r."thankedAt" IS NULL) ORDER BY k.name LIMIT 25`,
      [teamId],
    ],
    [
      "detail page data",
      () => keyPersonDetail(ctx, "k4242"),
      `SELECT t.* FROM "TouchpointParticipant" p JOIN "Touchpoint" t ON t.id = p."touchpointId" WHERE p."teamId" = $1 AND p."keyPersonId" = 'k4242' AND p.deleted = false ORDER BY p."occurredAt" DESC LIMIT 30`,
      [teamId],
    ],
    [
      "home reminders (my day)",
      () => getMyDay(ctx),
      `SELECT id FROM "Touchpoint" WHERE "teamId" = $1 AND "nurseId" = 'u7' AND "deletedAt" IS NULL AND "followUpDoneAt" IS NULL AND "followUpDueOn" <= now() + interval '7 days' ORDER BY "followUpDueOn" LIMIT 8`,
      [teamId],
    ],
  ];
  if (runs("reads"))
    console.log(
      `\n${"query".padEnd(40)} ${"app p50".padStart(9)} ${"app p95".padStart(9)} ${"SQL p50".padStart(9)} ${"SQL p95".padStart(9)}   (ms, ${RUNS} runs)`,
    );
  for (const [name, fn, bare, params] of runs("reads") ? cases : []) {
    const app = await time(fn);
    const sqlTime = await time(() => sql(bare, params));
    console.log(
      `${name.padEnd(40)} ${app.p50.toFixed(1).padStart(9)} ${app.p95.toFixed(1).padStart(9)} ${sqlTime.p50.toFixed(1).padStart(9)} ${sqlTime.p95.toFixed(1).padStart(9)}`,
    );
  }
  // Success data: the admin's view (every case), app code only (the set is many queries).
  const admin = (await loadTeamContext(handle.db, "u1", teamId))!;
  if (runs("success"))
    await benchSuccess(admin, time, (name, t) =>
      console.log(`${name.padEnd(40)} ${t.p50.toFixed(1).padStart(9)} ${t.p95.toFixed(1).padStart(9)}`),
    );
  if (runs("import"))
    await benchImport(handle.db, ctx, "u1", (name, t) =>
      console.log(`${name.padEnd(40)} ${(t.p50 / 1000).toFixed(2).padStart(8)} s   ${t.extra ?? ""}`),
    );
  if (runs("export")) {
    // The restore goes into a database of its own on the server (dropped after); embedded: export only.
    const target = embedded
      ? null
      : async () => {
          const admin = new pg.Client({ connectionString: serverUrl });
          await admin.connect();
          await admin.query(`DROP DATABASE IF EXISTS ally_bench_restore WITH (FORCE)`);
          await admin.query(`CREATE DATABASE ally_bench_restore`);
          await admin.end();
          const url = new URL(serverUrl);
          url.pathname = "/ally_bench_restore";
          const h = openDatabase({ url: url.toString() });
          const r = await h.openRaw();
          await migrate(r);
          await r.close();
          return h;
        };
    await benchExport(handle.db, teamId, target, (line) => console.log(line));
  }
  if (runs("mentions")) {
    // Finding a person's name in every free-text column (erase and disclosure pages): a scan by design.
    const person = (await sql(`SELECT id, name, "nameKana" FROM "KeyPerson" WHERE id = 'k4242'`))[0] as {
      id: string;
      name: string;
      nameKana: string;
    };
    const pattern = mentionPattern(person)!;
    const few = async (fn: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        await fn();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[2];
    };
    const app = await few(() => findMentions(handle.db, teamId, person));
    const floor = await few(() => sql(`SELECT count(*) FROM "Touchpoint" WHERE "teamId" = $1 AND summary ~ $2`, [teamId, pattern]));
    console.log(
      `${"mentions of one person (all columns)".padEnd(40)} ${app.toFixed(0).padStart(9)} ms median of 5; bare SQL, touchpoints only ${floor.toFixed(0)} ms`,
    );
  }
  await raw.close();
  await close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
