// GET /api/reports/{id}/xlsx?number=N - an issued report (the latest, or version N) as XLSX; audit-logged
import { z } from "zod";
import { withTeam } from "@/lib/auth/wrappers";
import { reportFileResponse } from "@/lib/reports/download";
import { auditExport, getIssue } from "@/lib/reports/reports";

export const dynamic = "force-dynamic";

const query = z.object({ number: z.coerce.number().int().min(1).max(100_000).optional() });

export const GET = withTeam(
  async (req, ctx, params) => {
    const { number } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
    const issue = await getIssue(ctx, String(params.id), number);
    await auditExport(ctx, String(params.id), issue.number, "xlsx");
    return reportFileResponse(issue.data, issue.issuedAt, issue.number, "xlsx");
  },
  { permission: "reports.write" },
);
