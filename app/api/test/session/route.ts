// POST /api/test/session - browser tests only (lib/accounts/test-session.ts): a new member of a team,
// signed in. 404 unless E2E_SESSION_SECRET is set and presented as a bearer token.
import { createTestMember, testMemberInput, testSessionsAllowed } from "@/lib/accounts/test-session";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (!testSessionsAllowed(req.headers.get("authorization"))) return new Response(null, { status: 404 });
  const parsed = testMemberInput.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "validation", issues: parsed.error.issues }, { status: 422 });
  const member = await createTestMember(getDb(), parsed.data);
  if (!member) return Response.json({ error: "notFound" }, { status: 404 });
  return Response.json(member, { headers: { "Cache-Control": "no-store" } });
}
