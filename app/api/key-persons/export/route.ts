// GET /api/key-persons/export - the filtered list as an Excel-friendly CSV; audit-logged.
import { withTeam } from "@/lib/auth/wrappers";
import { exportKeyPersonsCsv } from "@/lib/csv/export";
import { tokyoDay } from "@/lib/dates";
import { filterFromSearchParams } from "@/lib/key-persons/schemas";

export const dynamic = "force-dynamic";

export const GET = withTeam(
  async (req, ctx) => {
    const { csv } = await exportKeyPersonsCsv(ctx, filterFromSearchParams(new URL(req.url).searchParams));
    const day = tokyoDay();
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="key-persons-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "keyPersons.export" },
);
