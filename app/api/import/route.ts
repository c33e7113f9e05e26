// POST /api/import?kind=departments|keyPersons&mode=preview|apply - a CSV file (multipart "file"),
// optionally "mapping" (JSON: the field for each header, null to ignore), "saveMapping" ("1") and
// "departmentMatches" (JSON: a department the file would create → the existing one to use instead).
// Without a mapping the team's saved one for these headers is used, else the automatic one.
// Apply changes nothing unless every row is valid.
import { z } from "zod";
import { requirePermission } from "@/lib/auth/context";
import { withTeam } from "@/lib/auth/wrappers";
import { decodeCsv, NotCsvError } from "@/lib/export/csv";
import { applyImport, previewImport } from "@/lib/csv/import";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const MAX_BYTES = 5 * 1024 * 1024;
const query = z.object({ kind: z.enum(["departments", "keyPersons"]), mode: z.enum(["preview", "apply"]) });

/** An optional JSON form field; unreadable JSON is the field's validation error. */
function jsonField(form: FormData, name: string): unknown {
  const value = form.get(name);
  if (typeof value !== "string" || !value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new AppError("validation", "validation", { [name]: ["invalidMapping"] });
  }
}

export const POST = withTeam(
  async (req, ctx) => {
    const { kind, mode } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
    if (kind === "departments") requirePermission(ctx, "departments.write");
    // A broken or non-multipart body is the client's fault: 400 with a message, not a 500.
    const form = await req.formData().catch(() => {
      throw new AppError("badRequest", "badUpload");
    });
    const file = form.get("file");
    const options = {
      mapping: jsonField(form, "mapping"),
      saveMapping: form.get("saveMapping") === "1",
      departmentMatches: jsonField(form, "departmentMatches"),
    };
    if (!(file instanceof File) || file.size === 0) throw new AppError("validation", "validation", { file: ["required"] });
    if (file.size > MAX_BYTES) throw new AppError("validation", "validation", { file: ["tooLarge"] });
    let decoded;
    try {
      decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      if (e instanceof NotCsvError) throw new AppError("badRequest", "notCsv", { file: ["notCsv"] });
      throw e;
    }
    const { text, encoding } = decoded;
    const result = mode === "apply" ? await applyImport(ctx, kind, text, options) : await previewImport(ctx, kind, text, options);
    return Response.json({ ...result, encoding, applied: mode === "apply" && result.ok }, { status: result.ok ? 200 : 422 });
  },
  { permission: "keyPersons.write" },
);
