// What the map canvas needs to draw a person: the live map and a review's snapshot both give this.
import type { Band } from "@/lib/map/strength";

export type CanvasPerson = {
  id: string;
  name: string;
  title: string;
  kind: string;
  stance: string;
  influence: number;
  band: Band;
  strength: number;
  reportsToId: string | null;
  departmentId: string | null;
};

export type CanvasLink = { id: string; fromId: string; toId: string; type: string };
