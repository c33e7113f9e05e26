// GET /api/audit/review?month=YYYY-MM&encoding=utf-8|shift_jis - the month's access-log review as
// CSV, admins only; the export is logged.
import { z } from "zod";
import { exportReview, reviewMonthSchema } from "@/lib/audit-log/review";
import { withTeam } from "@/lib/auth/wrappers";

export const dynamic = "force-dynamic";

const query = reviewMonthSchema.extend({ encoding: z.enum(["utf-8", "shift_jis"]).catch("utf-8") });

export const GET = withTeam(
  async (req, ctx) => {
    const { month, encoding } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
    const body = await exportReview(ctx, month, encoding);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": `text/csv; charset=${encoding === "shift_jis" ? "Shift_JIS" : "utf-8"}`,
        "Content-Disposition": `attachment; filename="access-review-${month}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "audit.read" },
);
