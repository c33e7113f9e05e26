// Department value lists, without zod, so client components can use them without its bundle.
export const DEPARTMENT_KINDS = ["COMPANY", "SITE", "DEPARTMENT"] as const;
export const PRESSURE_KINDS = ["DEADLINE", "TURNOVER", "ABSENCE", "TROUBLE", "STAFFING", "OTHER"] as const;
