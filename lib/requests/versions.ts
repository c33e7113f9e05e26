// A request's versions (第1版 = as sent): the fields a version keeps, what changed between two, and
// how a value reads. Shared by the request page and the disclosure, so both say the same.
import type { Frequency } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translator";

/** The part of a request the person reads, as a query selects it: what a version keeps. */
export const VERSION_SELECT = {
  what: true,
  doer: true,
  dueOn: true,
  effortMinutes: true,
  frequency: true,
  benefit: true,
  reason: true,
  nurseSupport: true,
  fallbackWhat: true,
  fallbackMinutes: true,
} as const;

/** The same fields in form order. */
export const VERSION_FIELDS = Object.keys(VERSION_SELECT) as (keyof typeof VERSION_SELECT)[];
export type VersionField = (typeof VERSION_FIELDS)[number];
export type VersionContent = {
  what: string;
  doer: string;
  dueOn: Date | null;
  effortMinutes: number | null;
  frequency: Frequency;
  benefit: string;
  reason: string;
  nurseSupport: string;
  fallbackWhat: string;
  fallbackMinutes: number | null;
};

const same = (a: unknown, b: unknown) => (a instanceof Date || b instanceof Date ? String(a) === String(b) : (a ?? null) === (b ?? null));

export const contentOf = (r: VersionContent): VersionContent => Object.fromEntries(VERSION_FIELDS.map((k) => [k, r[k]])) as VersionContent;

export const sameContent = (a: VersionContent, b: VersionContent) => VERSION_FIELDS.every((k) => same(a[k], b[k]));

/** The fields that differ from one version to the next, in form order. */
export function versionChanges(before: VersionContent, after: VersionContent): { field: VersionField; before: string; after: string }[] {
  return VERSION_FIELDS.filter((k) => !same(before[k], after[k])).map((field) => ({
    field,
    before: raw(before[field]),
    after: raw(after[field]),
  }));
}

const raw = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : String(v));

/** A field's value as the person would read it ("—" when empty). */
export function versionValue(t: Translate, field: VersionField, value: string, formatDay: (isoDay: string) => string): string {
  if (value === "") return "—";
  if (field === "dueOn") return formatDay(value);
  if (field === "effortMinutes" || field === "fallbackMinutes") return t("requests.effortValue", { minutes: Number(value) });
  if (field === "frequency") return t(`frequencies.${value}`);
  return value;
}
