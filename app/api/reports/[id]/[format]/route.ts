// GET /api/reports/{id}/{pdf|xlsx|csv}?number=N - an issued report (the latest, or version N); audit-logged
import { z } from "zod";
import { withTeam } from "@/lib/auth/wrappers";
import { reportFileResponse } from "@/lib/reports/download";
import { auditExport, getIssue } from "@/lib/reports/reports";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.string().min(1).max(64), format: z.enum(["pdf", "xlsx", "csv"]) });
const query = z.object({ number: z.coerce.number().int().min(1).max(100_000).optional() });

export const GET = withTeam(
  async (req, ctx, params) => {
    const parsed = paramsSchema.safeParse(params);
    if (!parsed.success) return new Response("Not found", { status: 404 });
    const { id, format } = parsed.data;
    const { number } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
    const issue = await getIssue(ctx, id, number);
    await auditExport(ctx, id, issue.number, format);
    return reportFileResponse(issue.data, issue.issuedAt, issue.number, format);
  },
  { permission: "reports.write" },
);
