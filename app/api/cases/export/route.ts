// GET /api/cases/export - the cases this user may read, as CSV; every export is audit-logged.
import { withTeam } from "@/lib/auth/wrappers";
import { exportCasesCsv } from "@/lib/cases/cases";

export const dynamic = "force-dynamic";

export const GET = withTeam(
  async (_req, ctx) =>
    new Response(await exportCasesCsv(ctx), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="cases.csv"',
        "Cache-Control": "no-store",
      },
    }),
  { permission: "cases.readAssigned" },
);
