// `npm run restore-backup -- FILE`: loads an embedded backup (npm run backup) into PGLITE_DIR, which
// must be empty, with the app stopped. A PostgreSQL server is restored with pg_restore (README).
import { assertAppStopped, loadEmbedded } from "@/lib/backup/embedded";
import { openDatabase } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

async function main() {
  const env = getEnv();
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run restore-backup -- FILE.tar.gz");
  if (!env.embedded) throw new Error(`For a PostgreSQL server: pg_restore --no-owner --exit-on-error --dbname "$DATABASE_URL" ${file}`);
  assertAppStopped(env.PGLITE_DIR);
  await loadEmbedded(file, env.PGLITE_DIR);
  const handle = openDatabase({ dir: env.PGLITE_DIR });
  const [teams, people] = [await handle.db.team.count(), await handle.db.keyPerson.count()];
  await handle.close();
  console.log(`Restored ${file} into ${env.PGLITE_DIR}: ${teams} team(s), ${people} key person(s). Start the app (npm start).`);
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
