// Case value lists, without zod, so client components can use them without its bundle.
export const CASE_KINDS = ["RETURN_TO_WORK", "MENTAL_HEALTH", "HIGH_RISK", "LONG_HOURS", "OTHER"] as const;
export const CASE_STATUSES = ["OPEN", "FOLLOW_UP", "CLOSED"] as const;
