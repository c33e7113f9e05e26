// The filtered key-person list as CSV (UTF-8 with BOM), in the import's own columns so it round-trips.
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { tokyoDay } from "@/lib/dates";
import { keyPersonWhere } from "@/lib/key-persons/queries";
import type { KeyPersonFilter } from "@/lib/key-persons/schemas";
import ja from "@/messages/ja.json";
import { toCsv } from "./codec";
import { templateHeader } from "./columns";

const EXPORT_LIMIT = 50_000;

export async function exportKeyPersonsCsv(ctx: TeamCtx, filter: KeyPersonFilter, now = new Date()) {
  const where = await keyPersonWhere(ctx, filter, now);
  const rows = await ctx.db.keyPerson.findMany({
    where,
    orderBy: [{ nameKana: "asc" }, { id: "asc" }],
    take: EXPORT_LIMIT,
    select: {
      externalId: true,
      name: true,
      nameKana: true,
      title: true,
      kind: true,
      stance: true,
      influence: true,
      interest: true,
      tags: true,
      notes: true,
      lastContactAt: true,
      department: { select: { name: true, externalId: true } },
      reportsTo: { select: { externalId: true, name: true } },
      owner: { select: { name: true } },
    },
  });
  const header = [...templateHeader("keyPersons").split(","), "最終接点", "担当保健師"];
  const csv = toCsv(
    header,
    rows.map((r) => [
      r.externalId,
      r.name,
      r.nameKana,
      r.title,
      r.department?.externalId ?? r.department?.name ?? "",
      ja.keyPersonKinds[r.kind],
      ja.stances[r.stance],
      r.influence,
      r.interest,
      r.reportsTo?.externalId ?? "",
      r.tags.join(";"),
      r.notes,
      r.lastContactAt ? tokyoDay(r.lastContactAt) : "",
      r.owner?.name ?? "",
    ]),
  );
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "keyPersons.export",
    entityType: "KeyPerson",
    detail: { count: rows.length, filter: JSON.parse(JSON.stringify(filter)) },
  });
  return { csv, count: rows.length };
}
