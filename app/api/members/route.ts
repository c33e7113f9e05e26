// GET /api/members - the current team's members with role, status and mentor.
import { withTeam } from "@/lib/auth/wrappers";
import { listMembers } from "@/lib/team/members";

export const dynamic = "force-dynamic";

export const GET = withTeam(async (_req, ctx) => Response.json({ members: await listMembers(ctx) }), {
  permission: "members.read",
});
