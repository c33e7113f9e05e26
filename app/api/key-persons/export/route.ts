// GET /api/key-persons/export?format=csv|xlsx - the filtered list as an Excel-friendly CSV or as an
// Excel workbook (which LibreOffice opens without asking for an encoding); audit-logged.
import { z } from "zod";
import { withTeam } from "@/lib/auth/wrappers";
import { exportKeyPersonsCsv, exportKeyPersonsXlsx } from "@/lib/csv/export";
import { tokyoDay } from "@/lib/dates";
import { filterFromSearchParams } from "@/lib/key-persons/schemas";

export const dynamic = "force-dynamic";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const formatOf = z.enum(["csv", "xlsx"]).catch("csv");

export const GET = withTeam(
  async (req, ctx) => {
    const params = new URL(req.url).searchParams;
    const filter = filterFromSearchParams(params);
    const day = tokyoDay();
    if (formatOf.parse(params.get("format")) === "xlsx") {
      const { xlsx } = await exportKeyPersonsXlsx(ctx, filter);
      return new Response(new Uint8Array(xlsx), {
        headers: {
          "Content-Type": XLSX,
          "Content-Disposition": `attachment; filename="key-persons-${day}.xlsx"`,
          "Cache-Control": "no-store",
        },
      });
    }
    const { csv } = await exportKeyPersonsCsv(ctx, filter);
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
