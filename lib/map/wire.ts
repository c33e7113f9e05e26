// The map's people as columns on their way to the browser: one array per field instead of an object
// per person. The field names were more than half of every person's JSON, and the page sends it twice
// (the HTML's RSC data escapes it again): 400 people were 143 kB of a 317 kB page at bench scale.
// Columns keep every value as it is, so `fromColumns(toColumns(rows))` gives the rows back.
import type { MapPerson } from "./types";
import type { Position } from "./layout";

export type Columns<T> = { [K in keyof T]-?: T[K][] };

/** Every field of `T`, named once: a field added to the type and not here fails the type check. */
function keysOf<T>(all: { [K in keyof T]-?: true }): (keyof T)[] {
  return Object.keys(all) as (keyof T)[];
}

export const PERSON_FIELDS = keysOf<MapPerson>({
  id: true,
  name: true,
  title: true,
  kind: true,
  stance: true,
  influence: true,
  interest: true,
  departmentId: true,
  reportsToId: true,
  ownerId: true,
  lastContactAt: true,
  gives: true,
  asks: true,
  thanks: true,
  other: true,
  lastByNurseAt: true,
  strength: true,
  band: true,
});

export function toColumns<T extends object>(rows: readonly T[], fields: readonly (keyof T)[]): Columns<T> {
  const columns = {} as Columns<T>;
  for (const f of fields) columns[f] = rows.map((r) => r[f]);
  return columns;
}

export function fromColumns<T extends object>(columns: Columns<T>): T[] {
  const fields = Object.keys(columns) as (keyof T)[];
  const n = fields.length ? columns[fields[0]].length : 0;
  const rows: T[] = [];
  for (let i = 0; i < n; i++) {
    const row = {} as T;
    for (const f of fields) row[f] = columns[f][i];
    rows.push(row);
  }
  return rows;
}

/** The layout's positions, by person, as three columns. */
export function positionColumns(positions: Map<string, Position>): Columns<{ id: string } & Position> {
  return toColumns(
    [...positions].map(([id, p]) => ({ id, x: p.x, y: p.y })),
    ["id", "x", "y"],
  );
}

export function positionsFrom(columns: Columns<{ id: string } & Position>): Record<string, Position> {
  return Object.fromEntries(fromColumns(columns).map(({ id, x, y }) => [id, { x, y }]));
}
