// Pilot surveys: the limits and the templates a nurse starts from. Client-safe (no database).
export const MAX_QUESTIONS = 10;
/**
 * Nothing of a survey is shown, even to the team, before this many answered: with fewer, an answer
 * can be traced to its author. What leaves the team (reports) is held to the team's own k as well.
 */
export const MIN_ANSWERS = 5;
export const MAX_OPTIONS = 8;
export const MAX_QUESTION_TEXT = 200;
export const MAX_OPTION_TEXT = 60;
/** A free-text answer: a sentence or two, not an essay (and not a place for a diagnosis). */
export const MAX_ANSWER_TEXT = 300;
/** Single-use codes printed at once, for a vote that must be exact. */
export const MAX_CODES = 1000;
export const QUESTION_KINDS = ["SINGLE", "MULTIPLE", "SCALE", "TEXT"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_ROLES = ["SATISFACTION", "USEFUL", "INTENT", "COMMENT"] as const;
export type QuestionRole = (typeof QUESTION_ROLES)[number];
export const SURVEY_ACCESS = ["BROWSER", "CODES"] as const;
/** Answers from one address (a phone, or a whole office behind one router) per window: a flood guard only. */
export const ANSWERS_PER_ADDRESS = 1000;
export const ANSWER_WINDOW_MS = 10 * 60 * 1000;
/** The public code: 7 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
export const CODE_LENGTH = 7;
/** A card code: 8 characters, shown in two groups of four. */
export const CARD_CODE_LENGTH = 8;

/** The templates: each question's words come from the catalog (surveys.templates.*) in the nurse's language. */
export const TEMPLATES: readonly { role: QuestionRole; kind: QuestionKind; options: number }[] = [
  { role: "SATISFACTION", kind: "SCALE", options: 0 },
  { role: "USEFUL", kind: "SINGLE", options: 3 },
  { role: "INTENT", kind: "MULTIPLE", options: 4 },
  { role: "COMMENT", kind: "TEXT", options: 0 },
];

/** Writes a card or public code the way people type it: capitals, no spaces or hyphens. */
export const normalizeCode = (code: string) => code.normalize("NFKC").toUpperCase().replace(/[\s-]/g, "");
