// Password rules after NIST SP 800-63B: at least 12 characters, no composition rules, and refuse
// passwords that are common or guessable (zxcvbn's dictionaries of leaked passwords, keyboard
// patterns and repeats) or that contain the person's email or the team's name. Server-side only:
// the dictionaries stay out of the browser.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/errors";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

let factory: ZxcvbnFactory | undefined;
const strength = () => (factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }));

const squash = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, "");

/** Words anyone guessing at this installation tries first: the product's name and its demo password. */
const SITE_WORDS = ["つながりノート", "つながり", "tsunagarinote", "tsunagari", "demopass"].map(squash);

/** The catalog key ("validation.…") of the first rule the password breaks, or null. */
export function passwordProblem(password: string, context: { email?: string | null; teamNames?: string[] } = {}): string | null {
  if ([...password].length < PASSWORD_MIN) return "passwordTooShort";
  if ([...password].length > PASSWORD_MAX) return "tooLong";
  const flat = squash(password);
  const email = context.email?.trim().toLowerCase() ?? "";
  const personal = [email, email.split("@")[0] ?? "", ...(context.teamNames ?? [])].map(squash).filter((s) => s.length >= 3);
  if (personal.some((p) => flat.includes(p))) return "passwordPersonal";
  if (SITE_WORDS.some((w) => flat.includes(w))) return "passwordTooCommon";
  if (strength().check(password, [...personal, ...SITE_WORDS]).score < 3) return "passwordTooCommon";
  return null;
}

/** Throws a field error on `field` when the password breaks a rule. */
export function assertPasswordAllowed(password: string, context: { email?: string | null; teamNames?: string[] }, field = "password") {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError("validation", "validation", { [field]: [problem] });
}
