// Mentions of a key person by name in the team's free text: another person's notes, a touchpoint
// with someone else, a mentee's reflection, a pilot's comments. Erasure redacts them (「（消去済み）」)
// and disclosure shows them, so neither stops at the records linked to him.
//
// A mention is his full name or his full reading, written any way the search key folds (spaces,
// middle dots, katakana for hiragana, 髙 for 高 …): one pattern, read by PostgreSQL's regular
// expressions (to find and redact in place) and by JavaScript's (for sealed case text, and to cut
// excerpts). A family name alone is not searched: it would find every other 吉田.
import { openText, sealText, isSealed } from "@/lib/crypto/sealed-text";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DROPPED, VARIANTS } from "@/lib/search/normalize";

type Tx = Prisma.TransactionClient;
type Raw = Pick<Db, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** What replaces his name in text that stays. */
export const REDACTED = "（消去済み）";

/** Characters that may stand between the characters of a name (and are dropped by the search key). */
const SEPARATORS = `[ \u3000${DROPPED.replace(/[-\s]/g, "")}-]*`;
/** Characters that cannot sit literally inside a bracket expression in both dialects. */
const UNSAFE = new Set(["]", "[", "\\", "^", "-"]);
const KATA_START = 0x30a1;
const KATA_END = 0x30f6;
const HIRA_START = 0x3041;
const HIRA_END = 0x3096;
const KANA_SHIFT = 0x60;

/** Every way one character of a name may be written. */
function forms(c: string): string[] {
  const out = new Set([c]);
  const code = c.codePointAt(0)!;
  if (code >= HIRA_START && code <= HIRA_END) out.add(String.fromCodePoint(code + KANA_SHIFT));
  if (code >= KATA_START && code <= KATA_END) out.add(String.fromCodePoint(code - KANA_SHIFT));
  const common = VARIANTS[c] ?? c;
  out.add(common);
  for (const [variant, to] of Object.entries(VARIANTS)) if (to === common) out.add(variant);
  if (/^[A-Za-z0-9]$/.test(c)) {
    for (const x of [c.toLowerCase(), c.toUpperCase()]) {
      out.add(x);
      out.add(String.fromCodePoint(x.codePointAt(0)! + 0xfee0)); // full-width form
    }
  }
  return [...out].filter((x) => !UNSAFE.has(x));
}

/** The pattern for one name or reading, or null when it is too short to mean him alone. */
export function termPattern(term: string, minLength: number): string | null {
  const chars = [...term.normalize("NFKC")].filter((c) => !DROPPED.includes(c) && !/\s/.test(c) && !UNSAFE.has(c));
  if (chars.length < minLength) return null;
  return chars.map((c) => `[${forms(c).join("")}]`).join(SEPARATORS);
}

/** His name (two characters or more) and his reading (four or more: shorter kana runs occur in any sentence). */
export function mentionPattern(person: { name: string; nameKana: string }): string | null {
  const terms = [termPattern(person.name, 2), termPattern(person.nameKana, 4)].filter((p): p is string => p !== null);
  return terms.length ? terms.join("|") : null;
}

interface Source {
  table: string;
  columns: string[];
  /** The column that dates a row, for the list. */
  at: string;
  /** Rows that are his own record (disclosed with it, erased with it): left out of the disclosure's list. */
  own?: string;
  /** Which rows of the table hold plain text in these columns. */
  where?: string;
  /** SQL for the row's id and date, for tables without an `id` or a date of their own. */
  idSql?: string;
  atSql?: string;
}

// $2 is his id in `own`, $3 the pattern. Every table is the team's ($1).
const PLAIN: Source[] = [
  { table: "KeyPerson", columns: ["painPoints", "bestTiming", "notes"], at: "updatedAt", own: `t.id = $2` },
  { table: "StanceChange", columns: ["reason"], at: "changedAt", own: `t."keyPersonId" = $2` },
  {
    table: "Touchpoint",
    columns: ["summary"],
    at: "occurredAt",
    where: `t."caseId" IS NULL`,
    own: `EXISTS (SELECT 1 FROM "TouchpointParticipant" p WHERE p."touchpointId" = t.id AND p."keyPersonId" = $2 AND NOT p.deleted)`,
  },
  { table: "DepartmentNote", columns: ["body"], at: "notedOn" },
  { table: "RequestTemplate", columns: ["title", "what", "doer", "benefit", "reason", "nurseSupport", "fallbackWhat"], at: "updatedAt" },
  {
    table: "Request",
    columns: ["what", "doer", "benefit", "reason", "nurseSupport", "fallbackWhat"],
    at: "createdAt",
    own: `t."keyPersonId" = $2`,
  },
  {
    table: "RequestVersion",
    columns: ["what", "doer", "benefit", "reason", "nurseSupport", "fallbackWhat"],
    at: "at",
    own: `EXISTS (SELECT 1 FROM "Request" r WHERE r.id = t."requestId" AND r."keyPersonId" = $2)`,
  },
  { table: "Commitment", columns: ["what"], at: "createdAt", own: `t."keyPersonId" = $2` },
  { table: "Initiative", columns: ["title", "description", "goodExample", "stoppedReason"], at: "updatedAt" },
  { table: "InitiativeStageChange", columns: ["reason"], at: "changedAt" },
  { table: "InitiativeResult", columns: ["comments"], at: "runOn" },
  { table: "MentorReview", columns: ["title", "summary", "selfWentWell", "selfStuck"], at: "createdAt" },
  {
    table: "ReviewComment",
    columns: ["body"],
    at: "createdAt",
    own: `(t."keyPersonId" = $2 OR t."linkId" IN (SELECT l.id FROM "PersonLink" l WHERE l."fromId" = $2 OR l."toId" = $2))`,
  },
  { table: "ReviewAction", columns: ["title"], at: "createdAt", own: `t."keyPersonId" = $2` },
  { table: "PersonLink", columns: ["note"], at: "createdAt", own: `(t."fromId" = $2 OR t."toId" = $2)` },
  { table: "Report", columns: ["title", "message"], at: "createdAt" },
  { table: "ShareLink", columns: ["label"], at: "createdAt" },
  { table: "Case", columns: ["keepReason"], at: "updatedAt" },
  { table: "Survey", columns: ["title"], at: "createdAt" },
  {
    table: "Newsletter",
    columns: ["title", "lead", "goodExample", "comment1", "comment2", "thanks", "closing"],
    at: "updatedAt",
  },
  // An issued newsletter is frozen, but not against erasure: his name goes from it like from any text.
  { table: "NewsletterIssue", columns: ["title", "lead", "goodExample", "comment1", "comment2", "thanks", "closing"], at: "issuedAt" },
  { table: "SurveyQuestion", columns: ["text"], at: "surveyId", atSql: `(SELECT s."createdAt" FROM "Survey" s WHERE s.id = t."surveyId")` },
  // An anonymous comment that names him: found and erased like any other text (the day only, no author).
  {
    table: "SurveyAnswer",
    columns: ["text"],
    at: "responseId",
    idSql: `t."responseId" || ':' || t."questionId"`,
    atSql: `(SELECT r."answeredOn"::timestamp FROM "SurveyResponse" r WHERE r.id = t."responseId")`,
  },
];

/** Case text is sealed: read and redacted here, never disclosed (it is the employee's health record). */
const SEALED: Source[] = [
  { table: "Touchpoint", columns: ["summary"], at: "occurredAt", where: `t."caseId" IS NOT NULL` },
  { table: "CaseAssessment", columns: ["note"], at: "assessedOn" },
  { table: "Case", columns: ["followUpPlan"], at: "updatedAt" },
];

export interface Mention {
  table: string;
  column: string;
  id: string;
  at: Date;
  /** The sentence that names him (plain text only; none for case records). */
  excerpt: string | null;
  /** Part of his own record (shown there already), or in a case record (never disclosed). */
  own: boolean;
  sealed: boolean;
}

const q = (name: string) => `"${name}"`;

/** Tables whose rows carry an edit version: a redaction bumps it, so a form open meanwhile cannot save the name back. */
const VERSIONED = new Set([
  "KeyPerson",
  "Newsletter",
  "Touchpoint",
  "RequestTemplate",
  "Request",
  "Case",
  "Initiative",
  "MentorReview",
  "PersonLink",
  "Report",
  "Survey",
]);
const bump = (table: string) => (VERSIONED.has(table) ? `, "version" = t."version" + 1` : "");

/** The sentences of a text that match the pattern. */
export function excerptOf(text: string, pattern: string): string {
  const re = new RegExp(pattern, "u");
  const sentences = text.split(/(?<=[。！？!?\n])/u);
  return sentences
    .filter((s) => re.test(s))
    .map((s) => s.trim())
    .join(" … ");
}

/** Every mention of him in the team's free text (his own row's fields included, marked own). */
export async function findMentions(db: Raw, teamId: string, person: { id: string; name: string; nameKana: string }): Promise<Mention[]> {
  const pattern = mentionPattern(person);
  if (!pattern) return [];
  const found: Mention[] = [];
  for (const s of PLAIN) {
    for (const column of s.columns) {
      const rows = await db.$queryRawUnsafe<{ id: string; at: Date; text: string; own: boolean }[]>(
        `SELECT ${s.idSql ?? "t.id"} AS id, ${s.atSql ?? `t.${q(s.at)}`} AS at, t.${q(column)} AS text, ${s.own ?? "$2::text IS NULL"} AS own
         FROM ${q(s.table)} t WHERE t."teamId" = $1 AND ${s.where ?? "true"} AND t.${q(column)} ~ $3
         ORDER BY 2 LIMIT 500`,
        teamId,
        person.id,
        pattern,
      );
      for (const r of rows)
        found.push({ table: s.table, column, id: r.id, at: r.at, excerpt: excerptOf(r.text, pattern), own: r.own, sealed: false });
    }
  }
  const re = new RegExp(pattern, "u");
  for (const s of SEALED) {
    for (const column of s.columns) {
      const rows = await db.$queryRawUnsafe<{ id: string; at: Date; text: string | null }[]>(
        `SELECT t.id, t.${q(s.at)} AS at, t.${q(column)} AS text FROM ${q(s.table)} t WHERE t."teamId" = $1 AND ${s.where ?? "true"} AND t.${q(column)} <> ''`,
        teamId,
      );
      for (const r of rows) {
        const text = r.text && isSealed(r.text) ? openText(r.text) : r.text;
        if (text && re.test(text)) found.push({ table: s.table, column, id: r.id, at: r.at, excerpt: null, own: true, sealed: true });
      }
    }
  }
  return found;
}

/** Replaces every mention of him with 「（消去済み）」, in plain and sealed text; returns how many fields changed. */
export async function redactMentions(tx: Tx, teamId: string, person: { id: string; name: string; nameKana: string }): Promise<number> {
  const pattern = mentionPattern(person);
  if (!pattern) return 0;
  let changed = 0;
  for (const s of PLAIN) {
    for (const column of s.columns) {
      changed += await tx.$executeRawUnsafe(
        `UPDATE ${q(s.table)} t SET ${q(column)} = regexp_replace(t.${q(column)}, $2, $3, 'g')${bump(s.table)}
         WHERE t."teamId" = $1 AND ${s.where ?? "true"} AND t.${q(column)} ~ $2`,
        teamId,
        pattern,
        REDACTED,
      );
    }
  }
  const re = new RegExp(pattern, "gu");
  for (const s of SEALED) {
    for (const column of s.columns) {
      const rows = await tx.$queryRawUnsafe<{ id: string; text: string | null }[]>(
        `SELECT t.id, t.${q(column)} AS text FROM ${q(s.table)} t WHERE t."teamId" = $1 AND ${s.where ?? "true"} AND t.${q(column)} <> ''`,
        teamId,
      );
      for (const r of rows) {
        if (!r.text) continue;
        const sealed = isSealed(r.text);
        const text = sealed ? openText(r.text) : r.text;
        const redacted = text.replace(re, REDACTED);
        if (redacted === text) continue;
        await tx.$executeRawUnsafe(
          `UPDATE ${q(s.table)} SET ${q(column)} = $2 WHERE id = $1`,
          r.id,
          sealed ? sealText(redacted) : redacted,
        );
        changed += 1;
      }
    }
  }
  return changed;
}
