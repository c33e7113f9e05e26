// The team export and its restore at bench scale (`npm run bench -- --only export`): time, size,
// rows and the process's peak memory, which must stay flat however large the team (the export
// streams in batches; the restore reads the zip as a stream).
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db, DbHandle } from "@/lib/db/client";
import { writeTeamExport } from "@/lib/team-export/export";
import { restoreTeamExport } from "@/lib/team-export/restore";

function peakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(0)} MB`;

/** Exports the bench team; restores it into `target` when given (an empty database). */
export async function benchExport(db: Db, teamId: string, target: (() => Promise<DbHandle>) | null, print: (line: string) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-export-"));
  const file = path.join(dir, "team.zip");
  try {
    const before = process.memoryUsage().rss;
    let stop = peakRss();
    let started = performance.now();
    const manifest = await writeTeamExport(db, teamId, createWriteStream(file));
    const rows = manifest.tables.reduce((s, t) => s + t.rows, 0);
    print(
      `export: ${rows} records in ${manifest.tables.length} tables, ${mb(statSync(file).size)} zip, ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${mb(stop())} (before ${mb(before)})`,
    );
    if (!target) return;
    const handle = await target();
    try {
      stop = peakRss();
      started = performance.now();
      const result = await restoreTeamExport(handle.db, createReadStream(file));
      const restored = Object.values(result.counts).reduce((s, n) => s + n, 0);
      print(`restore: ${restored} records in ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${mb(stop())}`);
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
