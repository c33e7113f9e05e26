// Whether a survey takes answers now. Client-safe.
export type SurveyState = "scheduled" | "open" | "closed";
export function surveyState(s: { opensAt: Date; closesAt: Date; closedAt: Date | null }, now = new Date()): SurveyState {
  if (s.closedAt || now >= s.closesAt) return "closed";
  return now < s.opensAt ? "scheduled" : "open";
}
