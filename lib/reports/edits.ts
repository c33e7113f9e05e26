// What the nurse changes before issuing: a summary sentence rewritten or removed, a row left out, a
// comment under a section. Edits only ever take away or add words: every figure a reader sees is one
// the audit published, so suppression still holds whatever is edited.
import { createHash } from "node:crypto";
import { z } from "zod";
import { multiline, versionField } from "@/lib/zod-helpers";
import { rowKey, SECTION_IDS, type ReportData, type SectionId } from "./types";

const text = (max: number) => z.string().max(max, "tooLong");

export const reportEditsSchema = z.object({
  /** A sentence is matched by its generated text: when the numbers change, an old rewrite no longer applies. */
  summary: z
    .array(z.object({ original: text(1000), text: multiline(300) }))
    .max(30, "tooMany")
    .default([]),
  hiddenRows: z
    .array(z.object({ table: text(100), label: text(200) }))
    .max(300, "tooMany")
    .default([]),
  comments: z.partialRecord(z.enum(SECTION_IDS), multiline(500)).default({}),
});
export type ReportEdits = z.infer<typeof reportEditsSchema>;

export const saveEditsSchema = z.object({ id: z.string().trim().min(1).max(64), version: versionField, edits: reportEditsSchema });

/** Stored edits, tolerant of rows written before a field existed. */
export function editsOf(value: unknown): ReportEdits {
  const parsed = reportEditsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : reportEditsSchema.parse({});
}

/** The report as it will be read: the nurse's edits applied to the audited, published data. */
export function applyEdits(data: ReportData, edits: ReportEdits): ReportData {
  const rewrite = new Map(edits.summary.map((e) => [e.original, e.text]));
  const hidden = new Set(edits.hiddenRows.map((r) => rowKey(r.table, r.label)));
  return {
    ...data,
    summary: data.summary.map((s) => (rewrite.has(s) ? rewrite.get(s)! : s)).filter((s) => s.trim() !== ""),
    sections: data.sections.map((section) => {
      const comment = edits.comments[section.id as SectionId]?.trim();
      return {
        ...section,
        ...(comment ? { comment } : {}),
        // Totals stay: the reader still sees the whole the rows belong to.
        tables: section.tables.map((t) => ({ ...t, rows: t.rows.filter((r) => r.total || !hidden.has(rowKey(t.id, r.label))) })),
      };
    }),
  };
}

/**
 * JSON with object keys in order and numbers to 12 significant digits: a stored draft comes back
 * from jsonb with its keys reordered and a mean's last binary digit lost (3.9421052631578943 →
 * 3.942105263157894).
 */
function canonical(value: unknown): string {
  if (typeof value === "number") return JSON.stringify(Number.isFinite(value) ? Number(value.toPrecision(12)) : value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A fingerprint of what a computation publishes (not when it ran), to tell a draft still holds. */
export function draftHash(data: ReportData): string {
  const { generatedAt: _generatedAt, ...rest } = data;
  return createHash("sha256").update(canonical(rest)).digest("base64url");
}
