// Planning an import: the file parsed, each row checked and classed as create / update / unchanged
// against a snapshot of the team's data read beforehand. Pure and synchronous, so that it runs in
// the planning worker (plan-worker.ts) and a 45,000-row file never holds the server's event loop.
import type { DepartmentRow, KeyPersonRow } from "./apply";
import type { Mapping } from "./columns";
import { parseCsv } from "@/lib/export/csv";
import { nearMatches, type NearMatch, type NewDepartment } from "./department-paths";
import { planDepartments, type StoredDepartment } from "./plan-departments";
import { planKeyPersons, type KeyPersonSnapshot, type StoredKeyPerson } from "./plan-key-persons";

export type ImportKind = "departments" | "keyPersons";
export type RowError = { line: number; column: string; message: string; value?: string; allowed?: string[] };
export type RowPlan = { line: number; action: "create" | "update" | "unchanged"; name: string; detail: string };
export type ImportPreview = {
  ok: boolean;
  rows: RowPlan[];
  errors: RowError[];
  creates: number;
  updates: number;
  unchanged: number;
  /** Departments the file names by path that will be created, as "本社 / 人事部". */
  newDepartments: string[];
  /** Those of them with a look-alike that already exists, to map onto it instead. */
  nearDepartments: NearMatch[];
  header: string[];
  mapping: Mapping;
  /** Whether the mapping came from one the team saved for these headers. */
  savedMapping: boolean;
};

export type PlanInput = { text: string; mapping: Mapping; saved: boolean } & (
  | { kind: "departments"; departments: StoredDepartment[] }
  | { kind: "keyPersons"; snapshot: KeyPersonSnapshot; departmentMatches: Record<string, string> }
);

type Action = RowPlan["action"];
export type PlannedPerson = KeyPersonRow & { line: number; action: Action; stored?: StoredKeyPerson };
export type PlannedDepartment = DepartmentRow & { line: number; action: Action };

export type PlanOutput = { preview: ImportPreview } & (
  { kind: "departments"; rows: PlannedDepartment[] } | { kind: "keyPersons"; rows: PlannedPerson[]; newDepartments: NewDepartment[] }
);

/** What the worker posts: slices of the rows, then the rest of the plan. */
export type PlanMessage = { rows: PlanOutput["rows"]; previewRows: RowPlan[] } | { done: PlanOutput };

/** Puts the plan back together from the worker's messages, in order. */
export function collectPlan(messages: PlanMessage[]): PlanOutput {
  const last = messages.at(-1);
  if (!last || !("done" in last)) throw new Error("incomplete plan");
  const { done } = last;
  const slices = messages.slice(0, -1) as Extract<PlanMessage, { rows: unknown }>[];
  const rows = slices.flatMap((m): (PlannedDepartment | PlannedPerson)[] => m.rows);
  const preview = { ...done.preview, rows: slices.flatMap((m) => m.previewRows) };
  return { ...done, preview, rows } as PlanOutput;
}

/**
 * New people ordered so that a boss the file also creates comes first: each chunk can then carry
 * its reporting lines in its own insert (before, a second pass rewrote every row, which on the
 * embedded database cost as much again as the insert). The plan refuses loops, so this ends.
 */
export function bossesFirst<T extends { id: string; bossId: string | null }>(rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = new Map<string, number>();
  const depthOf = (r: T): number => {
    const known = depth.get(r.id);
    if (known !== undefined) return known;
    const chain: T[] = [];
    let at: T | undefined = r;
    while (at && !depth.has(at.id) && !chain.includes(at)) {
      chain.push(at);
      at = at.bossId && at.bossId !== at.id ? byId.get(at.bossId) : undefined;
    }
    let d = at && depth.has(at.id) ? depth.get(at.id)! + 1 : 0;
    for (const c of chain.reverse()) depth.set(c.id, d++);
    return depth.get(r.id)!;
  };
  return [...rows].sort((a, b) => depthOf(a) - depthOf(b));
}

export function planFile(input: PlanInput): PlanOutput {
  const csv = parseCsv(input.text);
  const planned =
    input.kind === "departments"
      ? { kind: input.kind, ...planDepartments(input.departments, csv, input.mapping) }
      : { kind: input.kind, ...planKeyPersons(input.snapshot, csv, input.mapping, input.departmentMatches) };
  const errors = [...planned.errors, ...csv.errors.map((e) => ({ line: e.line, column: "", message: "csvSyntax", value: e.message }))];
  // Two columns with the same heading: which one is meant cannot be told (before, the second was ignored).
  const seen = new Map<string, number>();
  csv.header.forEach((h, i) => {
    const key = h.normalize("NFKC").toLowerCase();
    if (!h) return;
    if (seen.has(key)) errors.push({ line: 1, column: h, message: "duplicateHeader", value: `${seen.get(key)! + 1}, ${i + 1}` });
    else seen.set(key, i);
  });
  errors.sort((a, b) => a.line - b.line);
  const rows: RowPlan[] = planned.rows.map((r) => ({ line: r.line, action: r.action, name: r.name, detail: r.externalId ?? "" }));
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, column: "", message: "emptyFile" });
  const count = (a: Action) => rows.filter((r) => r.action === a).length;
  const preview: ImportPreview = {
    ok: errors.length === 0,
    rows,
    errors,
    creates: count("create"),
    updates: count("update"),
    unchanged: count("unchanged"),
    newDepartments: planned.kind === "keyPersons" ? planned.newDepartments.map((d) => d.label) : [],
    nearDepartments: planned.kind === "keyPersons" ? nearMatches(planned.resolver) : [],
    header: csv.header,
    mapping: input.mapping,
    savedMapping: input.saved,
  };
  return planned.kind === "keyPersons"
    ? {
        kind: planned.kind,
        preview,
        rows: [...bossesFirst(planned.rows.filter((r) => r.isNew)), ...planned.rows.filter((r) => !r.isNew)],
        newDepartments: planned.newDepartments,
      }
    : { kind: planned.kind, preview, rows: planned.rows };
}
