// What the map highlights for the nurse to act on: departments without an ally (red / amber /
// green, as account-planning tools do), managers whose boss is unknown, allies gone quiet, and
// people she has asked but never given to. Pure: computed from the map's own data.
import type { DeptStatus, Gap, MapDepartment, MapPerson } from "./types";
import { DAY_MS } from "@/lib/dates";

const ALLY = new Set(["COOPERATIVE", "CHAMPION"]);
/** An ally who can decide things: green, not merely amber. */
const KEY_INFLUENCE = 4;

export const isAlly = (p: Pick<MapPerson, "stance">) => ALLY.has(p.stance);

export function departmentStatuses(people: MapPerson[], departments: MapDepartment[]): DeptStatus[] {
  const byDept = new Map<string, MapPerson[]>();
  for (const p of people) if (p.departmentId) byDept.set(p.departmentId, [...(byDept.get(p.departmentId) ?? []), p]);
  return departments
    .filter((d) => byDept.has(d.id))
    .map((d) => {
      const members = byDept.get(d.id)!;
      const allies = members.filter(isAlly);
      const status = allies.some((p) => p.influence >= KEY_INFLUENCE) ? "green" : allies.length > 0 ? "amber" : "red";
      return { departmentId: d.id, status, people: members.length, allies: allies.length };
    });
}

export function findGaps(people: MapPerson[], statuses: DeptStatus[], now: Date, noContactDays: number): Gap[] {
  const gaps: Gap[] = statuses.filter((s) => s.status === "red").map((s) => ({ kind: "noAlly", departmentId: s.departmentId }));
  const sorted = [...people].sort((a, b) => b.influence - a.influence || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const p of sorted) if (p.kind === "LINE_MANAGER" && !p.reportsToId) gaps.push({ kind: "unknownBoss", personId: p.id });
  for (const p of sorted) {
    if (!isAlly(p)) continue;
    const last = p.lastContactAt ? new Date(p.lastContactAt) : null;
    const days = last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null;
    if (days === null || days > noContactDays) gaps.push({ kind: "quietAlly", personId: p.id, days });
  }
  for (const p of sorted) if (p.asks > 0 && p.gives === 0) gaps.push({ kind: "askNoGive", personId: p.id, asks: p.asks });
  return gaps;
}

/** Stable key of a gap, for "closed / opened since the last review". */
export const gapKey = (g: Gap) => `${g.kind}:${"departmentId" in g ? g.departmentId : g.personId}`;
