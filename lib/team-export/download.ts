// The export as a download: written to a private temporary file inside one snapshot (so a slow
// connection never holds the database), logged with its counts, then streamed and deleted.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { tokyoDay } from "@/lib/dates";
import { writeTeamExport } from "./export";

export async function teamExportResponse(ctx: TeamCtx, now = new Date()): Promise<Response> {
  const dir = mkdtempSync(path.join(tmpdir(), "team-export-"));
  const file = path.join(dir, "export.zip");
  try {
    const manifest = await writeTeamExport(ctx.db, ctx.teamId, createWriteStream(file, { mode: 0o600 }), now);
    const tables = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    const rows = manifest.tables.reduce((s, t) => s + t.rows, 0);
    await audit(ctx.db, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "team.exported",
      entityType: "Team",
      entityId: ctx.teamId,
      detail: { rows, tables },
    });
    const stream = createReadStream(file);
    stream.on("close", () => rmSync(dir, { recursive: true, force: true }));
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(statSync(file).size),
        "Content-Disposition": `attachment; filename="team-export-${tokyoDay(now)}.zip"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
