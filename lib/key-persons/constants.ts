// Key-person value lists and URL helpers, without zod, so client components can use them without its bundle.
import type { KeyPersonFilter } from "./schemas";

export const STANCES = ["UNCOOPERATIVE", "INDIFFERENT", "NEUTRAL", "COOPERATIVE", "CHAMPION"] as const;
export const KINDS = ["LINE_MANAGER", "HR", "GENERAL_AFFAIRS", "SAFETY", "EXECUTIVE", "OCCUPATIONAL_PHYSICIAN", "OTHER"] as const;
export const REASONS = ["LOW_PRIORITY", "OUTSIDE_INFLUENCE", "SHORT_OF_INFORMATION", "SUPPORTIVE_NOT_VISIBLE", "OTHER"] as const;
export const VALUES = ["PRODUCTIVITY", "RETENTION", "SAFETY", "COMPLIANCE", "COST", "MORALE", "QUALITY", "OTHER"] as const;
export const CHANNELS = ["IN_PERSON", "EMAIL", "CHAT", "PHONE", "MEETING"] as const;

/** Tags typed as one line: comma, 、 or space separated. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[,、，\s]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

// The longest search the list runs; a longer one is refused with a message.
export const MAX_QUERY = 100;

/** List filters back into the URL (arrays as repeated keys). */
export function filterToSearchParams(filter: Partial<KeyPersonFilter>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (key === "qTooLong") continue;
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.set(key, value === true ? "1" : String(value));
  }
  return params;
}
