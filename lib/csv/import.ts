// Import of the org chart HR hands over: departments, then key persons. All or nothing: every row
// is checked first, and one bad row rejects the file with its line and column named. Columns are
// matched to fields automatically (or as the user maps them, saved per team for the same headers).
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeDepartments, writeKeyPersons, writeNewDepartments } from "./apply";
import { autoMapping, headerSignature, templateHeader, validMapping, type Mapping } from "./columns";
import { parseCsv } from "./codec";
import { nearMatches, type NearMatch } from "./department-paths";
import { planDepartments } from "./plan-departments";
import { planKeyPersons } from "./plan-key-persons";

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

export { templateHeader };

export type ImportOptions = { mapping?: unknown; saveMapping?: boolean; departmentMatches?: unknown };

/** A department the file would create → the existing one chosen instead ("本社 / 人事部" → id). */
const departmentMatchesSchema = z.record(z.string().min(1).max(1000), z.string().min(1).max(64)).refine((m) => Object.keys(m).length <= 500);

async function mappingFor(ctx: TeamCtx, kind: ImportKind, header: string[], requested: unknown) {
  if (requested !== undefined) {
    if (!validMapping(kind, header, requested)) throw new AppError("validation", "validation", { mapping: ["invalidMapping"] });
    return { mapping: requested, saved: false };
  }
  const saved = await ctx.db.importMapping.findUnique({
    where: { teamId_kind_signature: { teamId: ctx.teamId, kind, signature: headerSignature(header) } },
    select: { mapping: true },
  });
  if (saved && validMapping(kind, header, saved.mapping)) return { mapping: saved.mapping, saved: true };
  return { mapping: autoMapping(kind, header), saved: false };
}

async function plan(ctx: TeamCtx, kind: ImportKind, text: string, options: ImportOptions) {
  const csv = parseCsv(text);
  const { mapping, saved } = await mappingFor(ctx, kind, csv.header, options.mapping);
  const matches = departmentMatchesSchema.safeParse(options.departmentMatches ?? {});
  if (!matches.success) throw new AppError("validation", "validation", { departmentMatches: ["invalidMapping"] });
  const result = kind === "departments" ? await planDepartments(ctx, csv, mapping) : await planKeyPersons(ctx, csv, mapping, matches.data);
  result.errors.push(...csv.errors.map((e) => ({ line: e.line, column: "", message: "csvSyntax", value: e.message })));
  // Two columns with the same heading: which one is meant cannot be told (before, the second was ignored).
  const seen = new Map<string, number>();
  csv.header.forEach((h, i) => {
    const key = h.normalize("NFKC").toLowerCase();
    if (!h) return;
    if (seen.has(key)) result.errors.push({ line: 1, column: h, message: "duplicateHeader", value: `${seen.get(key)! + 1}, ${i + 1}` });
    else seen.set(key, i);
  });
  return { csv, mapping, saved, result };
}

function summarize(p: Awaited<ReturnType<typeof plan>>): ImportPreview {
  const { result, csv, mapping, saved } = p;
  const rows: RowPlan[] = result.rows.map((r) => ({ line: r.line, action: r.action, name: r.name, detail: r.externalId ?? "" }));
  const errors = result.errors.sort((a, b) => a.line - b.line);
  if (result.rows.length === 0 && errors.length === 0) errors.push({ line: 1, column: "", message: "emptyFile" });
  const count = (a: RowPlan["action"]) => rows.filter((r) => r.action === a).length;
  return {
    ok: errors.length === 0,
    rows,
    errors,
    creates: count("create"),
    updates: count("update"),
    unchanged: count("unchanged"),
    newDepartments: "resolver" in result ? result.newDepartments.map((d) => d.label) : [],
    nearDepartments: "resolver" in result ? nearMatches(result.resolver) : [],
    header: csv.header,
    mapping,
    savedMapping: saved,
  };
}

export async function previewImport(ctx: TeamCtx, kind: ImportKind, text: string, options: ImportOptions = {}): Promise<ImportPreview> {
  return summarize(await plan(ctx, kind, text, options));
}

// A 20,000-row file writes in well under the limit; the default 5 s would be too tight on a busy server.
const IMPORT_TX = { timeout: 60_000, maxWait: 10_000 };

/** Applies a file that previews cleanly, in one transaction; otherwise changes nothing. */
export async function applyImport(ctx: TeamCtx, kind: ImportKind, text: string, options: ImportOptions = {}): Promise<ImportPreview> {
  const planned = await plan(ctx, kind, text, options);
  const preview = summarize(planned);
  if (!preview.ok) return preview;
  const { result } = planned;
  await ctx.db.$transaction(async (tx) => {
    if ("resolver" in result) {
      await writeNewDepartments(tx, ctx, result.newDepartments);
      await writeKeyPersons(tx, ctx, result.rows.filter((r) => r.action !== "unchanged"));
    } else {
      await writeDepartments(tx, ctx, result.rows);
    }
    if (options.saveMapping) {
      const signature = headerSignature(planned.csv.header);
      const mapping = planned.mapping as Prisma.InputJsonValue;
      await tx.importMapping.upsert({
        where: { teamId_kind_signature: { teamId: ctx.teamId, kind, signature } },
        create: { teamId: ctx.teamId, kind, signature, mapping },
        update: { mapping },
      });
    }
    await audit(tx, {
      teamId: ctx.teamId, actorId: ctx.userId, action: `import.${kind}`, entityType: kind === "departments" ? "Department" : "KeyPerson",
      detail: { creates: preview.creates, updates: preview.updates, unchanged: preview.unchanged, newDepartments: preview.newDepartments.length },
    });
  }, IMPORT_TX);
  return preview;
}
