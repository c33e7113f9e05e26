// Import of the org chart HR hands over: departments, then key persons. All or nothing: every row
// is checked first, and one bad row rejects the file with its line and column named. Columns are
// matched to fields automatically (or as the user maps them, saved per team for the same headers).
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getHandle } from "@/lib/db/client";
import {
  chunked,
  insertKeyPersons,
  undoKeyPersonImport,
  updateKeyPersons,
  writeDepartments,
  writeNewDepartments,
  type StanceChangeRow,
} from "./apply";
import { autoMapping, headerSignature, templateHeader, validMapping } from "./columns";
import { parseHeader } from "@/lib/export/csv";
import { collectPlan, type ImportKind, type ImportPreview, type PlanInput, type PlanMessage, type PlanOutput } from "./plan";
import { loadDepartmentSnapshot } from "./plan-departments";
import { loadKeyPersonSnapshot, type StoredKeyPerson } from "./plan-key-persons";

export type { ImportKind, ImportPreview, RowError, RowPlan } from "./plan";

export { templateHeader };

export type ImportOptions = { mapping?: unknown; saveMapping?: boolean; departmentMatches?: unknown };

/** A department the file would create → the existing one chosen instead ("本社 / 人事部" → id). */
const departmentMatchesSchema = z
  .record(z.string().min(1).max(1000), z.string().min(1).max(64))
  .refine((m) => Object.keys(m).length <= 500);

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

/**
 * Plans an import: the header and the team's data are read here, between other requests; parsing
 * and checking every row happen in a worker thread, so the server's event loop stays free.
 */
async function plan(ctx: TeamCtx, kind: ImportKind, text: string, options: ImportOptions): Promise<PlanOutput> {
  const { mapping, saved } = await mappingFor(ctx, kind, parseHeader(text), options.mapping);
  const matches = departmentMatchesSchema.safeParse(options.departmentMatches ?? {});
  if (!matches.success) throw new AppError("validation", "validation", { departmentMatches: ["invalidMapping"] });
  const input: PlanInput =
    kind === "departments"
      ? { kind, text, mapping, saved, departments: await loadDepartmentSnapshot(ctx) }
      : { kind, text, mapping, saved, snapshot: await loadKeyPersonSnapshot(ctx), departmentMatches: matches.data };
  return planInWorker(input);
}

function planInWorker(input: PlanInput): Promise<PlanOutput> {
  return new Promise((resolve, reject) => {
    const worker = import.meta.url.endsWith(".ts")
      ? // The test runner and scripts run this module as TypeScript source: the worker loads tsx first.
        new Worker(
          `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "plan-worker.ts")).href)}); })`,
          {
            eval: true,
            workerData: input,
          },
        )
      : // The built server: the bundler compiles the worker from this reference.
        new Worker(new URL("./plan-worker.ts", import.meta.url), { workerData: input });
    const messages: PlanMessage[] = [];
    worker.on("message", (message: PlanMessage) => {
      messages.push(message);
      if ("done" in message) {
        resolve(collectPlan(messages));
        void worker.terminate();
      } else setImmediate(() => worker.postMessage("next"));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`import planning stopped (exit code ${code})`)));
  });
}

export async function previewImport(ctx: TeamCtx, kind: ImportKind, text: string, options: ImportOptions = {}): Promise<ImportPreview> {
  return (await plan(ctx, kind, text, options)).preview;
}

// A 20,000-row file writes in well under the limit; the default 5 s would be too tight on a busy server.
const IMPORT_TX = { timeout: 60_000, maxWait: 10_000 };

/**
 * Rows per write step. On the embedded database every statement runs on the server's own thread and
 * a transaction holds its only connection, so a step is also how long others wait: 500 new people
 * take about a tenth of a second there (250 made the import 40 % slower for no shorter waits).
 */
export const IMPORT_STEP_ROWS = 500;

type Step = { run: (tx: Prisma.TransactionClient) => Promise<unknown>; done?: () => void };

/**
 * Runs the steps as one transaction on a PostgreSQL server, where readers go on beside it. On the
 * embedded database each step is its own short transaction, with a turn for waiting requests after
 * each; if one fails, `undo` takes back what the earlier steps wrote, so the file still applies
 * whole or not at all.
 */
async function runSteps(ctx: TeamCtx, steps: Step[], undo: (tx: Prisma.TransactionClient) => Promise<void>) {
  if (getHandle().kind !== "pglite") {
    await ctx.db.$transaction(async (tx) => {
      for (const step of steps) await step.run(tx);
    }, IMPORT_TX);
    return;
  }
  try {
    for (const step of steps) {
      await ctx.db.$transaction((tx) => step.run(tx), IMPORT_TX);
      step.done?.();
      // A timer rather than setImmediate: a full turn of the event loop, so waiting requests are read too.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } catch (e) {
    // If the undo fails too, both are logged: the file's first steps are then in the team's data.
    await ctx.db.$transaction(undo, IMPORT_TX).catch((undoError) => console.error("import undo failed", undoError));
    throw e;
  }
}

/** Applies a file that previews cleanly; otherwise changes nothing. */
export async function applyImport(ctx: TeamCtx, kind: ImportKind, text: string, options: ImportOptions = {}): Promise<ImportPreview> {
  const planned = await plan(ctx, kind, text, options);
  const { preview } = planned;
  if (!preview.ok) return preview;
  const finish: Step = {
    async run(tx) {
      if (options.saveMapping) {
        const signature = headerSignature(preview.header);
        const mapping = preview.mapping as Prisma.InputJsonValue;
        await tx.importMapping.upsert({
          where: { teamId_kind_signature: { teamId: ctx.teamId, kind, signature } },
          create: { teamId: ctx.teamId, kind, signature, mapping },
          update: { mapping },
        });
      }
      await audit(tx, {
        teamId: ctx.teamId,
        actorId: ctx.userId,
        action: `import.${kind}`,
        entityType: kind === "departments" ? "Department" : "KeyPerson",
        detail: {
          creates: preview.creates,
          updates: preview.updates,
          unchanged: preview.unchanged,
          newDepartments: preview.newDepartments.length,
        },
      });
    },
  };
  if (planned.kind === "departments") {
    // An org chart's departments: hundreds of rows, and the whole tree's paths rewritten together,
    // in one step with the audit entry.
    await runSteps(
      ctx,
      [
        {
          run: async (tx) => {
            await writeDepartments(tx, ctx, planned.rows);
            await finish.run(tx);
          },
        },
      ],
      async () => undefined,
    );
    return preview;
  }
  const written = { created: [] as string[], updated: [] as StoredKeyPerson[], stanceChanges: [] as string[], departments: [] as string[] };
  const rows = planned.rows.filter((r) => r.action !== "unchanged");
  const steps: Step[] = [
    {
      run: (tx) => writeNewDepartments(tx, ctx, planned.newDepartments),
      done: () => written.departments.push(...planned.newDepartments.map((d) => d.id)),
    },
  ];
  // The plan lists new people bosses first: a chunk's bosses are in it or written before it.
  for (const chunk of chunked(
    rows.filter((r) => r.isNew),
    IMPORT_STEP_ROWS,
  )) {
    let changes: StanceChangeRow[] = [];
    steps.push({
      run: async (tx) => (changes = await insertKeyPersons(tx, ctx, chunk)),
      done: () => (written.created.push(...chunk.map((r) => r.id)), written.stanceChanges.push(...changes.map((c) => c.id))),
    });
  }
  for (const chunk of chunked(
    rows.filter((r) => !r.isNew),
    IMPORT_STEP_ROWS,
  )) {
    let changes: StanceChangeRow[] = [];
    steps.push({
      run: async (tx) => (changes = await updateKeyPersons(tx, ctx, chunk)),
      done: () => (written.updated.push(...chunk.map((r) => r.stored!)), written.stanceChanges.push(...changes.map((c) => c.id))),
    });
  }
  steps.push(finish);
  await runSteps(ctx, steps, (tx) => undoKeyPersonImport(tx, ctx, written));
  return preview;
}
