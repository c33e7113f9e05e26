// GET /api/health - 200 when the database answers, 503 with a reason when not.
import { checkHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkHealth();
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}
