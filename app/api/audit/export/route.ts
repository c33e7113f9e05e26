// GET /api/audit/export?<filters> - the filtered audit log as CSV, admins only; the export is logged
import { withTeam } from "@/lib/auth/wrappers";
import { auditFilterSchema, exportAuditLog } from "@/lib/audit-log/queries";

export const dynamic = "force-dynamic";

export const GET = withTeam(
  async (req, ctx) => {
    const { csv } = await exportAuditLog(ctx, auditFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams)));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="audit-log.csv"',
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "audit.read" },
);
