// The kinds of line between two people on the map, without zod, for client components.
export const LINK_TYPES = ["INFLUENCES", "INTRODUCED_BY", "WORKS_CLOSELY", "CONFLICT"] as const;
