import { describe, expect, it } from "vitest";
import { departmentStatuses, findGaps } from "@/lib/map/gaps";
import { layoutMap, NODE_H, NODE_W, type LayoutPerson } from "@/lib/map/layout";
import { diffSnapshots, readSnapshot, takeSnapshot } from "@/lib/map/snapshot";
import type { MapData, MapPerson } from "@/lib/map/types";

const depts = [
  { id: "d1", label: "本社 › 人事部" },
  { id: "d2", label: "川崎工場 › 製造一課" },
];
function people(): LayoutPerson[] {
  const out: LayoutPerson[] = [
    { id: "boss", name: "工場長", influence: 5, departmentId: "d2", reportsToId: null },
    { id: "hr", name: "人事課長", influence: 4, departmentId: "d1", reportsToId: null },
  ];
  for (let i = 0; i < 30; i++)
    out.push({
      id: `p${i}`,
      name: `社員${i}`,
      influence: 1 + (i % 5),
      departmentId: i % 3 ? "d2" : "d1",
      reportsToId: i % 3 ? "boss" : "hr",
    });
  out.push({ id: "loner", name: "未配置", influence: 2, departmentId: null, reportsToId: null });
  // A reporting cycle must not lose anyone.
  out.push(
    { id: "c1", name: "循環A", influence: 2, departmentId: "d1", reportsToId: "c2" },
    { id: "c2", name: "循環B", influence: 2, departmentId: "d1", reportsToId: "c1" },
  );
  return out;
}

function shuffle<T>(xs: T[], seed: number) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    seed = (seed * 16807) % 2147483647;
    const j = seed % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe("map layout", () => {
  it("gives the same picture for the same data, whatever order it arrives in", () => {
    const first = layoutMap(people(), depts);
    for (const seed of [1, 7, 42]) {
      const again = layoutMap(shuffle(people(), seed), shuffle(depts, seed));
      expect([...again.positions].sort()).toEqual([...first.positions].sort());
      expect(again.boxes).toEqual(first.boxes);
    }
    expect(first.positions.size).toBe(people().length);
  });

  it("places a boss above her reports, inside her department's box, and no two cards overlap", () => {
    const { positions, boxes } = layoutMap(people(), depts);
    expect(positions.get("p1")!.y).toBeGreaterThan(positions.get("boss")!.y);
    const d2 = boxes.find((b) => b.departmentId === "d2")!;
    const boss = positions.get("boss")!;
    expect(boss.x).toBeGreaterThanOrEqual(d2.x);
    expect(boss.x + NODE_W).toBeLessThanOrEqual(d2.x + d2.w);
    const all = [...positions.values()];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const overlap = Math.abs(all[i].x - all[j].x) < NODE_W && Math.abs(all[i].y - all[j].y) < NODE_H;
        expect(overlap).toBe(false);
      }
    }
    // People with no department share one box, listed last.
    expect(boxes.at(-1)!.departmentId).toBeNull();
  });
});

const person = (over: Partial<MapPerson>): MapPerson => ({
  id: "x",
  name: "x",
  title: "",
  kind: "OTHER",
  stance: "NEUTRAL",
  influence: 3,
  interest: 3,
  departmentId: "d1",
  reportsToId: null,
  ownerId: "n",
  lastContactAt: null,
  gives: 0,
  asks: 0,
  thanks: 0,
  other: 0,
  lastByNurseAt: null,
  strength: 0,
  band: "none",
  ...over,
});

describe("gaps", () => {
  it("colours departments by their allies and lists what to act on", () => {
    const now = new Date("2026-11-24T00:00:00Z");
    const ps = [
      person({ id: "a", name: "A", departmentId: "d1", stance: "CHAMPION", influence: 5, lastContactAt: "2026-11-20T00:00:00Z" }),
      person({ id: "b", name: "B", departmentId: "d2", stance: "COOPERATIVE", influence: 2, lastContactAt: "2026-06-01T00:00:00Z" }),
      person({ id: "c", name: "C", departmentId: "d3", stance: "NEUTRAL", kind: "LINE_MANAGER", asks: 2 }),
    ];
    const ds = [...depts, { id: "d3", label: "総務部" }];
    const statuses = departmentStatuses(ps, ds);
    expect(statuses.map((s) => [s.departmentId, s.status])).toEqual([
      ["d1", "green"],
      ["d2", "amber"],
      ["d3", "red"],
    ]);
    expect(findGaps(ps, statuses, now, 60)).toEqual([
      { kind: "noAlly", departmentId: "d3" },
      { kind: "unknownBoss", personId: "c" },
      { kind: "quietAlly", personId: "b", days: 176 },
      { kind: "askNoGive", personId: "c", asks: 2 },
    ]);
  });
});

describe("snapshot diff", () => {
  const map = (ps: MapPerson[], links: MapData["links"]): MapData => {
    const ds = depts;
    const statuses = departmentStatuses(ps, ds);
    return {
      scope: { kind: "mine" },
      nurse: { id: "n", name: "N" },
      people: ps,
      links,
      departments: ds,
      statuses,
      gaps: findGaps(ps, statuses, new Date("2026-11-24"), 60),
      total: ps.length,
      noContactDays: 60,
    };
  };
  it("classifies stance moves, new and removed people and links, closed and opened gaps", () => {
    const before = takeSnapshot(
      map(
        [
          person({ id: "a", name: "A", stance: "NEUTRAL" }),
          person({ id: "b", name: "B", stance: "COOPERATIVE", departmentId: "d2", lastContactAt: "2026-11-01T00:00:00Z" }),
          person({ id: "gone", name: "G" }),
        ],
        [{ id: "l1", fromId: "a", toId: "b", type: "INFLUENCES", note: "" }],
      ),
      new Date("2026-10-01"),
    );
    const after = takeSnapshot(
      map(
        [
          person({ id: "a", name: "A", stance: "CHAMPION", influence: 4, lastContactAt: "2026-11-20T00:00:00Z" }),
          person({ id: "b", name: "B", stance: "INDIFFERENT", departmentId: "d2" }),
          person({ id: "new", name: "N2" }),
        ],
        [{ id: "l2", fromId: "b", toId: "a", type: "CONFLICT", note: "" }],
      ),
      new Date("2026-11-24"),
    );
    expect(readSnapshot(JSON.parse(JSON.stringify(after)))).toEqual(after);
    expect(readSnapshot({ v: 99 })).toBeNull();
    const d = diffSnapshots(before, after);
    expect(d.up).toEqual([{ id: "a", name: "A", from: "NEUTRAL", to: "CHAMPION" }]);
    expect(d.down).toEqual([{ id: "b", name: "B", from: "COOPERATIVE", to: "INDIFFERENT" }]);
    expect(d.added).toEqual([{ id: "new", name: "N2" }]);
    expect(d.removed).toEqual([{ id: "gone", name: "G" }]);
    expect(d.linksAdded.map((l) => l.id)).toEqual(["l2"]);
    expect(d.linksRemoved.map((l) => l.id)).toEqual(["l1"]);
    expect(d.gapsClosed.map((g) => g.key)).toEqual(["noAlly:d1"]);
    expect(d.gapsOpened.map((g) => g.key)).toEqual(["noAlly:d2"]);
    // Nothing moved: an empty diff.
    expect(Object.values(diffSnapshots(after, after)).every((xs) => xs.length === 0)).toBe(true);
  });
});
