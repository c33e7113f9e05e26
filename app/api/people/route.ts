// GET /api/people?q= - key persons matching a name, for the touchpoint form's picker.
import { z } from "zod";
import { withTeam } from "@/lib/auth/wrappers";
import { searchPeople } from "@/lib/touchpoints/queries";

export const dynamic = "force-dynamic";

const query = z.object({ q: z.string().trim().max(50).default("") });

export const GET = withTeam(
  async (req, ctx) => {
    const { q } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json({ people: await searchPeople(ctx, q) });
  },
  { permission: "keyPersons.read" },
);
