// The company → site → department hierarchy, stored with a materialized path of ancestor ids.
import type { TeamCtx } from "@/lib/auth/context";

type Db = TeamCtx["db"];

/** The department and every department below it (archived ones included: history stays). */
export async function subtreeIds(db: Db, teamId: string, departmentId: string): Promise<string[]> {
  const root = await db.department.findFirst({ where: { id: departmentId, teamId }, select: { id: true, path: true } });
  if (!root) return [];
  const below = await db.department.findMany({
    where: { teamId, path: { startsWith: `${root.path}${root.id}/` } },
    select: { id: true },
  });
  return [root.id, ...below.map((d) => d.id)];
}

export function childPath(parent: { id: string; path: string } | null): string {
  return parent ? `${parent.path}${parent.id}/` : "/";
}

/** Labels like "北辰精機 › 川崎工場 › 製造第一課" for a set of departments, in one query. */
export async function departmentLabels(db: Db, teamId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const own = await db.department.findMany({ where: { teamId, id: { in: unique } }, select: { id: true, name: true, path: true } });
  const ancestorIds = [...new Set(own.flatMap((d) => d.path.split("/").filter(Boolean)))];
  const ancestors = await db.department.findMany({ where: { teamId, id: { in: ancestorIds } }, select: { id: true, name: true } });
  const names = new Map([...ancestors, ...own].map((d) => [d.id, d.name]));
  return new Map(own.map((d) => [d.id, [...d.path.split("/").filter(Boolean).slice(1), d.id].map((x) => names.get(x) ?? "").join(" › ")]));
}
