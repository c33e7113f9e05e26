// Reasons as choices, never free text: nothing typed here could carry a person's name or health on.

/** Why a case or person is under a legal hold (the retention purge leaves them alone). */
export const LEGAL_HOLD_REASONS = ["LITIGATION", "WORKERS_COMP", "AUTHORITY", "OTHER"] as const;
export type LegalHoldReason = (typeof LEGAL_HOLD_REASONS)[number];

/** Why a case whose consent was withdrawn is still kept (read-only) until its retention ends. */
export const KEEP_REASONS = ["LEGAL_RECORD", "WORK_MEASURES", "DISPUTE"] as const;
export type KeepReason = (typeof KEEP_REASONS)[number];
