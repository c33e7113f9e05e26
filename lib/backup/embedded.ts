// Backups of the embedded database: a consistent copy of its data folder as a .tar.gz.
// - While the app runs, only the app may open the folder: `npm run backup` finds the server through
//   the file it keeps beside the folder (<folder>.server.json, its pid) and asks it by a signal
//   (SIGUSR2) with the destination written in <folder>.backup-request.json. The server copies the
//   folder with no query running, after a checkpoint, and renames the file into place when whole.
// - With the app stopped, the command opens the folder itself and does the same.
// A restore loads the copy into an empty folder (the app stopped), as PGlite's own loadDataDir.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

export const serverFile = (dir: string) => `${path.resolve(dir)}.server.json`;
export const requestFile = (dir: string) => `${path.resolve(dir)}.backup-request.json`;

/** The pid of a live server holding the folder, or null. */
export function runningServer(dir: string): number | null {
  if (!existsSync(serverFile(dir))) return null;
  try {
    const { pid } = JSON.parse(readFileSync(serverFile(dir), "utf8")) as { pid: number };
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Stops a command that would open the folder while the app holds it (only one process may). */
export function assertAppStopped(dir: string) {
  if (runningServer(dir)) throw new Error(`The app is running on the embedded database (${dir}): stop it first`);
}

/** Writes the folder's copy to `out` (.tar.gz); the file appears only once complete. */
export async function dumpEmbedded(lite: PGlite, out: string): Promise<number> {
  await lite.exec("CHECKPOINT");
  const blob = await lite.runExclusive(() => lite.dumpDataDir("gzip"));
  const bytes = Buffer.from(await blob.arrayBuffer());
  writeFileSync(`${out}.partial`, bytes, { mode: 0o600 });
  renameSync(`${out}.partial`, out);
  return bytes.length;
}

/** Loads a copy into `dir`, which must not hold a database yet. */
export async function loadEmbedded(file: string, dir: string): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(`${dir} already holds a database: restore into an empty folder (set PGLITE_DIR)`);
  const lite = new PGlite(dir, { extensions: { pg_trgm }, loadDataDir: new Blob([readFileSync(file)]) });
  try {
    await lite.query("SELECT 1");
  } catch (e) {
    await lite.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  await lite.close();
}

/** In the server: claim the folder and answer backup requests until the process ends. */
export function serveBackups(dir: string, lite: PGlite, log: (msg: string) => void = console.log) {
  writeFileSync(serverFile(dir), JSON.stringify({ pid: process.pid }), { mode: 0o600 });
  process.once("exit", () => rmSync(serverFile(dir), { force: true }));
  process.on("SIGUSR2", () => {
    let out = "";
    try {
      ({ out } = JSON.parse(readFileSync(requestFile(dir), "utf8")) as { out: string });
      rmSync(requestFile(dir), { force: true });
    } catch {
      return;
    }
    dumpEmbedded(lite, out).then(
      (bytes) => log(`Backup written: ${out} (${bytes} bytes)`),
      (e: Error) => writeFileSync(`${out}.error`, e.message),
    );
  });
}
