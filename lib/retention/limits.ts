// How short and how long each retention period may be, in years (without zod, for the forms).
// Cases: never under the 5 years health-check records are kept; the audit log: 5 years or more.
export const RETENTION_LIMITS = { case: { min: 5, max: 30 }, person: { min: 1, max: 10 }, audit: { min: 5, max: 30 } } as const;
