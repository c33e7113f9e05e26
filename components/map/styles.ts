// Colours and line styles shared by the map, the grid, the legend and the review's snapshot map.
// Stance colours match the stance badges; link styles differ by dash as well as colour, so the
// legend reads without colour vision.
import type { Band } from "@/lib/map/strength";

export const STANCE_STYLE: Record<string, { bg: string; border: string; dot: string }> = {
  UNCOOPERATIVE: { bg: "#fee2e2", border: "#dc2626", dot: "bg-red-600" },
  INDIFFERENT: { bg: "#f5f5f4", border: "#78716c", dot: "bg-stone-500" },
  NEUTRAL: { bg: "#e0f2fe", border: "#0284c7", dot: "bg-sky-600" },
  COOPERATIVE: { bg: "#ccfbf1", border: "#0f766e", dot: "bg-teal-700" },
  CHAMPION: { bg: "#fef3c7", border: "#b45309", dot: "bg-amber-700" },
};

export const LINK_STYLE: Record<string, { stroke: string; dash?: string; arrow: boolean }> = {
  INFLUENCES: { stroke: "#2563eb", arrow: true },
  INTRODUCED_BY: { stroke: "#7c3aed", dash: "2 4", arrow: true },
  WORKS_CLOSELY: { stroke: "#059669", arrow: false },
  CONFLICT: { stroke: "#dc2626", dash: "8 4", arrow: false },
};

export const BAND_STROKE: Record<Band, string> = { good: "#16a34a", fair: "#d97706", poor: "#dc2626", none: "#d6d3d1" };

export const REPORTS_STROKE = "#a8a29e";

export const STATUS_STYLE: Record<"red" | "amber" | "green", string> = {
  red: "bg-red-600",
  amber: "bg-amber-500",
  green: "bg-green-600",
};
