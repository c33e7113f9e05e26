// A review keeps the mentee's map as it was (jsonb, schema-versioned, keyed by id and sorted), and
// the next review compares against it: who moved up or down the stance ladder, who is new or gone,
// which links appeared or went, which gaps closed or opened. Our own diff, keyed by id.
import { z } from "zod";
import { STANCES } from "@/lib/key-persons/schemas";
import { gapKey } from "./gaps";
import type { Gap, MapData } from "./types";

export const SNAPSHOT_VERSION = 1;

const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  kind: z.string(),
  stance: z.enum(STANCES),
  influence: z.number(),
  departmentId: z.string().nullable(),
  reportsToId: z.string().nullable(),
  strength: z.number(),
});
const linkSchema = z.object({ id: z.string(), fromId: z.string(), toId: z.string(), type: z.string() });
const gapSchema = z.object({ key: z.string(), kind: z.string(), personId: z.string().optional(), departmentId: z.string().optional() });
export const snapshotSchema = z.object({
  v: z.literal(SNAPSHOT_VERSION),
  takenAt: z.string(),
  nurseId: z.string(),
  people: z.array(personSchema),
  links: z.array(linkSchema),
  departments: z.array(z.object({ id: z.string(), label: z.string() })),
  gaps: z.array(gapSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function takeSnapshot(map: MapData, now: Date): Snapshot {
  return {
    v: SNAPSHOT_VERSION,
    takenAt: now.toISOString(),
    nurseId: map.nurse.id,
    people: map.people
      .map((p) => ({
        id: p.id,
        name: p.name,
        title: p.title,
        kind: p.kind,
        stance: p.stance,
        influence: p.influence,
        departmentId: p.departmentId,
        reportsToId: p.reportsToId,
        strength: p.strength,
      }))
      .sort(byId),
    links: map.links.map((l) => ({ id: l.id, fromId: l.fromId, toId: l.toId, type: l.type })).sort(byId),
    departments: map.departments.map((d) => ({ id: d.id, label: d.label })).sort(byId),
    gaps: map.gaps
      .map((g: Gap) => ({
        key: gapKey(g),
        kind: g.kind,
        ...("personId" in g ? { personId: g.personId } : { departmentId: g.departmentId }),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}

/** A stored snapshot, or null when absent or of a shape this code does not know. */
export function readSnapshot(json: unknown): Snapshot | null {
  const parsed = snapshotSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

type Named = { id: string; name: string };
export type StanceMove = Named & { from: Snapshot["people"][number]["stance"]; to: Snapshot["people"][number]["stance"] };
export type SnapshotDiff = {
  up: StanceMove[];
  down: StanceMove[];
  added: Named[];
  removed: Named[];
  linksAdded: Snapshot["links"];
  linksRemoved: Snapshot["links"];
  gapsClosed: Snapshot["gaps"];
  gapsOpened: Snapshot["gaps"];
};

const rank = (s: StanceMove["from"]) => STANCES.indexOf(s);

export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  const old = new Map(before.people.map((p) => [p.id, p]));
  const now = new Map(after.people.map((p) => [p.id, p]));
  const up: StanceMove[] = [];
  const down: StanceMove[] = [];
  for (const p of after.people) {
    const was = old.get(p.id);
    if (!was || was.stance === p.stance) continue;
    (rank(p.stance) > rank(was.stance) ? up : down).push({ id: p.id, name: p.name, from: was.stance, to: p.stance });
  }
  const keyOf = (l: Snapshot["links"][number]) => `${l.fromId}>${l.toId}:${l.type}`;
  const oldLinks = new Set(before.links.map(keyOf));
  const newLinks = new Set(after.links.map(keyOf));
  const oldGaps = new Set(before.gaps.map((g) => g.key));
  const newGaps = new Set(after.gaps.map((g) => g.key));
  return {
    up,
    down,
    added: after.people.filter((p) => !old.has(p.id)).map(({ id, name }) => ({ id, name })),
    removed: before.people.filter((p) => !now.has(p.id)).map(({ id, name }) => ({ id, name })),
    linksAdded: after.links.filter((l) => !oldLinks.has(keyOf(l))),
    linksRemoved: before.links.filter((l) => !newLinks.has(keyOf(l))),
    gapsClosed: before.gaps.filter((g) => !newGaps.has(g.key)),
    gapsOpened: after.gaps.filter((g) => !oldGaps.has(g.key)),
  };
}
