// Why a person was erased: a choice, never free text (nothing typed could carry his name on).
export const ERASE_REASONS = ["REQUEST", "LEFT", "MISTAKE", "OTHER"] as const;
export type EraseReason = (typeof ERASE_REASONS)[number];
