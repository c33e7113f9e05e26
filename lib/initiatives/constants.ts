// Initiative stages and kinds, without zod, so client components can use them without its bundle.
export const INITIATIVE_KINDS = ["MINI_TALK", "FOLLOW_UP_SCHEME", "LEDGER_TOOL", "SEMINAR", "CAMPAIGN", "OTHER"] as const;
export const STAGES = ["IDEA", "PROPOSED", "PILOT", "EVALUATED", "ADOPTED", "EXPANDED", "STOPPED"] as const;
export const PIPELINE = ["IDEA", "PROPOSED", "PILOT", "EVALUATED", "ADOPTED", "EXPANDED"] as const;
export type Stage = (typeof STAGES)[number];

/** Stages that report outcomes need at least one result. */
export const NEEDS_RESULTS: Stage[] = ["EVALUATED", "ADOPTED", "EXPANDED"];

export function canMove(from: Stage, to: Stage): boolean {
  if (from === to) return false;
  if (from === "STOPPED") return to === "IDEA";
  return true;
}

/** The stages a card can be moved to now: those needing results only once it has one. */
export function reachableStages(from: Stage, hasResults: boolean): Stage[] {
  return STAGES.filter((to) => canMove(from, to) && (hasResults || !NEEDS_RESULTS.includes(to)));
}
