// GET /api/departments?q= - departments whose name contains q, with the names above them, for the
// dashboard's department filter (a team of 300 departments does not send them all with the page).
import { z } from "zod";
import { withTeam } from "@/lib/auth/wrappers";
import { searchDepartments } from "@/lib/departments/queries";

export const dynamic = "force-dynamic";

const query = z.object({ q: z.string().trim().max(50).default("") });

export const GET = withTeam(
  async (req, ctx) => {
    const { q } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json({ departments: await searchDepartments(ctx, q) });
  },
  { permission: "departments.read" },
);
