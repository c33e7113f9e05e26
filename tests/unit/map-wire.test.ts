// The map's people travel to the browser as columns (lib/map/wire.ts): what arrives is what was sent.
import { describe, expect, it } from "vitest";
import type { MapPerson } from "@/lib/map/types";
import { fromColumns, PERSON_FIELDS, positionColumns, positionsFrom, toColumns } from "@/lib/map/wire";

const person = (n: number, over: Partial<MapPerson> = {}): MapPerson => ({
  id: `k${n}`,
  name: `社員${n} 田中`,
  title: n % 2 ? "課長" : "",
  kind: "LINE_MANAGER",
  stance: "NEUTRAL",
  influence: (n % 5) + 1,
  interest: 3,
  departmentId: n % 3 ? `d${n}` : null,
  reportsToId: null,
  ownerId: "u1",
  lastContactAt: n % 4 ? "2026-12-01T03:00:00.000Z" : null,
  gives: n,
  asks: 0,
  thanks: 1,
  other: 0,
  lastByNurseAt: null,
  strength: 40 + n,
  band: "fair",
  ...over,
});

describe("map people as columns", () => {
  it("give the same people back, in order, nulls and empty strings included", () => {
    const people = Array.from({ length: 7 }, (_, i) => person(i, i === 3 ? { reportsToId: "k1", title: "" } : {}));
    const columns = toColumns(people, PERSON_FIELDS);
    expect(Object.keys(columns)).toEqual(PERSON_FIELDS);
    expect(columns.name).toHaveLength(7);
    expect(fromColumns(columns)).toEqual(people);
  });
  it("name every field a map person has", () => {
    expect([...PERSON_FIELDS].sort()).toEqual(Object.keys(person(1)).sort());
  });
  it("are smaller than the people as objects", () => {
    const people = Array.from({ length: 300 }, (_, i) => person(i));
    const columns = JSON.stringify(toColumns(people, PERSON_FIELDS)).length;
    expect(columns).toBeLessThan(JSON.stringify(people).length * 0.6);
  });
  it("an empty map stays empty", () => {
    expect(fromColumns(toColumns([] as MapPerson[], PERSON_FIELDS))).toEqual([]);
  });
  it("carry the layout's positions by person", () => {
    const positions = new Map([
      ["k1", { x: 20, y: 52 }],
      ["k2", { x: -244, y: 0 }],
    ]);
    expect(positionsFrom(positionColumns(positions))).toEqual({ k1: { x: 20, y: 52 }, k2: { x: -244, y: 0 } });
  });
});
