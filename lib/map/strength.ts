// How healthy the nurse's relationship with one person is, 0–100, from her own touchpoints with
// that person: how recently (40), how often with gives weighted above asks (40), and whether she
// gives at least as much as she asks (20). Bands as in CRM relationship-health rings: good 60–100,
// fair 40–59, poor 0–39. The one place the formula lives; the map, reviews and tests call it.
import { DAY_MS } from "@/lib/dates";

export type Contact = {
  /** Counts over the last STRENGTH_WINDOW_DAYS, by the nurse, with this person. */
  gives: number;
  asks: number;
  thanks: number;
  /** Every other kind: greetings, listening, meetings, email… */
  other: number;
  lastContactAt: Date | null;
};

export type Band = "good" | "fair" | "poor" | "none";

export const STRENGTH_WINDOW_DAYS = 180;
// Weighted touches that count as "often enough" over the window (about one give a month).
const FULL_FREQUENCY = 12;
const WEIGHT = { gives: 3, thanks: 2, other: 1, asks: 0.5 } as const;

/**
 * Recency is full within half the team's "no contact" threshold and falls linearly to zero at
 * three times it; frequency saturates at FULL_FREQUENCY weighted touches; balance is full when
 * gives ≥ asks and falls with the share of asks.
 */
export function relationshipStrength(c: Contact, now: Date, expectedDays: number): number {
  if (!c.lastContactAt || c.gives + c.asks + c.thanks + c.other === 0) return 0;
  const days = Math.max(0, (now.getTime() - c.lastContactAt.getTime()) / DAY_MS);
  const fresh = expectedDays / 2;
  const stale = expectedDays * 3;
  const recency = days <= fresh ? 1 : days >= stale ? 0 : 1 - (days - fresh) / (stale - fresh);
  const weighted = c.gives * WEIGHT.gives + c.thanks * WEIGHT.thanks + c.other * WEIGHT.other + c.asks * WEIGHT.asks;
  const frequency = Math.min(1, weighted / FULL_FREQUENCY);
  const balance = c.asks === 0 ? 1 : Math.min(1, c.gives / c.asks);
  return Math.round(40 * recency + 40 * frequency + 20 * balance);
}

export function strengthBand(strength: number, hasContact = strength > 0): Band {
  if (!hasContact) return "none";
  if (strength >= 60) return "good";
  if (strength >= 40) return "fair";
  return "poor";
}
