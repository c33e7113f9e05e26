// The relationship map's data, as the server sends it to the map, the grid, the list and a review's
// snapshot. Dates are ISO strings so the same shape serialises into a snapshot unchanged.
import type { KeyPersonKind, LinkType, Stance } from "@/lib/generated/prisma/enums";
import type { Band } from "./strength";

export type MapPerson = {
  id: string;
  name: string;
  title: string;
  kind: KeyPersonKind;
  stance: Stance;
  influence: number;
  interest: number;
  departmentId: string | null;
  reportsToId: string | null;
  ownerId: string | null;
  /** Last contact by anyone in the team. */
  lastContactAt: string | null;
  /** The map's nurse's own touchpoints with this person over the strength window. */
  gives: number;
  asks: number;
  thanks: number;
  other: number;
  lastByNurseAt: string | null;
  strength: number;
  band: Band;
};

export type MapLink = { id: string; fromId: string; toId: string; type: LinkType; note: string };

export type MapDepartment = { id: string; label: string };

export type DeptStatus = { departmentId: string; status: "red" | "amber" | "green"; people: number; allies: number };

export type Gap =
  | { kind: "noAlly"; departmentId: string }
  | { kind: "unknownBoss"; personId: string }
  | { kind: "quietAlly"; personId: string; days: number | null }
  | { kind: "askNoGive"; personId: string; asks: number };

export type MapScope =
  { kind: "mine" } | { kind: "department"; departmentId: string } | { kind: "team" } | { kind: "mentee"; userId: string };

export type MapData = {
  scope: MapScope;
  nurse: { id: string; name: string };
  people: MapPerson[];
  links: MapLink[];
  departments: MapDepartment[];
  statuses: DeptStatus[];
  gaps: Gap[];
  /** People in scope before the cap; `people.length < total` means the map shows the most influential. */
  total: number;
  noContactDays: number;
};
