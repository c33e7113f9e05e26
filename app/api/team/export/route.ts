// GET /api/team/export - every record of the team as JSON and CSV in one zip, admins only; logged.
import { withTeam } from "@/lib/auth/wrappers";
import { teamExportResponse } from "@/lib/team-export/download";

export const dynamic = "force-dynamic";

export const GET = withTeam(async (_req, ctx) => teamExportResponse(ctx), { permission: "team.export" });
