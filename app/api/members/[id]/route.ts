// GET /api/members/:id - one membership of the current team; another team's answers 404.
import { withTeam } from "@/lib/auth/wrappers";
import { AppError } from "@/lib/errors";
import { getMember } from "@/lib/team/members";

export const dynamic = "force-dynamic";

export const GET = withTeam(
  async (_req, ctx, params) => {
    const member = await getMember(ctx, String(params.id));
    if (!member) throw new AppError("notFound");
    return Response.json({ member });
  },
  { permission: "members.read" },
);
