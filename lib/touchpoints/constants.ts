// Touchpoint value lists, without zod, so client components can use them without its bundle.
export const TOUCHPOINT_TYPES = ["GREETING", "LISTENING", "GIVE", "ASK", "THANKS", "MEETING", "COMMITTEE", "EMAIL", "OTHER"] as const;
export const PRINCIPLES = ["RECIPROCITY", "AUTHORITY", "SOCIAL_PROOF", "REASON", "CONTRAST", "CONSISTENCY"] as const;
