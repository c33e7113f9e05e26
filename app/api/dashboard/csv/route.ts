// GET /api/dashboard/csv?section=…&<filters> - one dashboard section as CSV, small groups hidden.
// Case figures leave the team only in issued reports, which the disclosure ledger records (decision
// 009): a file of the dashboard's case sections, for any period, would be a release nobody audited.
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { withTeam } from "@/lib/auth/wrappers";
import { dashboardFilterSchema } from "@/lib/dashboard/filters";
import { loadDashboard } from "@/lib/dashboard/load";
import { reportCsv } from "@/lib/reports/csv";
import { publish } from "@/lib/reports/format";
import { isCaseSection, SECTION_IDS } from "@/lib/reports/types";

export const dynamic = "force-dynamic";

const sectionSchema = z.object({ section: z.enum(SECTION_IDS, { message: "invalidChoice" }) });

export const GET = withTeam(
  async (req, ctx) => {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    const { section } = sectionSchema.parse(params);
    if (isCaseSection(section)) throw new AppError("validation", "caseFiguresViaReports");
    const filter = dashboardFilterSchema.parse(params);
    const locale = (await getLocale()) === "en" ? "en" : "ja";
    const data = publish(await loadDashboard(ctx, filter, locale));
    const csv = reportCsv(data, section);
    await audit(ctx.db, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "dashboard.export",
      entityType: "Dashboard",
      detail: { section, filter: JSON.parse(JSON.stringify(filter)) },
    });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="dashboard-${section}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { permission: "dashboard.read" },
);
