// GET /api/key-persons - the filtered, sorted, paginated list (filters as URL search params).
import { withTeam } from "@/lib/auth/wrappers";
import { listKeyPersons } from "@/lib/key-persons/queries";
import { filterFromSearchParams } from "@/lib/key-persons/schemas";

export const dynamic = "force-dynamic";

export const GET = withTeam(
  async (req, ctx) => Response.json(await listKeyPersons(ctx, filterFromSearchParams(new URL(req.url).searchParams))),
  { permission: "keyPersons.read" },
);
