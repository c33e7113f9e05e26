// Request statuses, frequencies and the state machine, without zod, so client components can use them without its bundle.
export const FREQUENCIES = ["ONCE", "WEEKLY", "BIWEEKLY", "MONTHLY", "QUARTERLY"] as const;
export const REQUEST_STATUSES = [
  "DRAFT",
  "SENT",
  "ACCEPTED",
  "DECLINED",
  "FALLBACK_SENT",
  "FALLBACK_ACCEPTED",
  "FALLBACK_DECLINED",
  "DONE",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** What makes an ask answerable on the spot; the composer warns about each one missing. */
export function missingEssentials(input: {
  dueOn?: string | null;
  effortMinutes?: number | string | null;
  reason?: string;
  benefit?: string;
  doer?: string;
}) {
  const missing: ("noDate" | "noEffort" | "noReason" | "noBenefit" | "noDoer")[] = [];
  if (!input.dueOn) missing.push("noDate");
  if (input.effortMinutes === null || input.effortMinutes === undefined || input.effortMinutes === "") missing.push("noEffort");
  if (!input.reason?.trim()) missing.push("noReason");
  if (!input.benefit?.trim()) missing.push("noBenefit");
  if (!input.doer?.trim()) missing.push("noDoer");
  return missing;
}

// The request's life: a draft is sent; it is accepted or declined; a declined one may get its
// smaller fallback; accepted work is finally done. Only accepted requests reach DONE.
export const TRANSITIONS: Record<RequestStatus, RequestStatus[]> = {
  DRAFT: ["SENT"],
  SENT: ["ACCEPTED", "DECLINED"],
  DECLINED: ["FALLBACK_SENT"],
  FALLBACK_SENT: ["FALLBACK_ACCEPTED", "FALLBACK_DECLINED"],
  ACCEPTED: ["DONE"],
  FALLBACK_ACCEPTED: ["DONE"],
  FALLBACK_DECLINED: [],
  DONE: [],
};

/** Statuses that record an answer (a reply to the ask or to its fallback), and those that accept. */
export const ANSWERS: readonly RequestStatus[] = ["ACCEPTED", "DECLINED", "FALLBACK_ACCEPTED", "FALLBACK_DECLINED"];
export const ACCEPTANCES: readonly RequestStatus[] = ["ACCEPTED", "FALLBACK_ACCEPTED"];
/** A status a mis-tap can record and the nurse can take back; sending is edited, not undone. */
export const canUndoStatus = (s: RequestStatus) => s !== "DRAFT" && s !== "SENT";

export const FREQUENCY_DAYS: Record<(typeof FREQUENCIES)[number], number | null> = {
  ONCE: null,
  WEEKLY: 7,
  BIWEEKLY: 14,
  MONTHLY: 30,
  QUARTERLY: 91,
};
