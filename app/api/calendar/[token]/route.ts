// A nurse's private calendar feed (lib/calendar/feed.ts). Calendar apps fetch it without a session:
// the unguessable token in the address is the credential, and an unknown one is simply not found.
import { getDb } from "@/lib/db/client";
import { feedFor } from "@/lib/calendar/feed";
import { appOrigin } from "@/lib/net/app-origin";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.replace(/\.ics$/, "");
  const notFound = () =>
    new Response("Not Found", { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });
  if (!/^[\w-]{20,64}$/.test(token)) return notFound();
  const ics = await feedFor(getDb(), token, appOrigin(req.headers));
  if (ics === null) return notFound();
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="tsunagari-note.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
