// GET /share/{token}/pdf - the shared report as PDF, when the link allows downloads
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { reportFileResponse } from "@/lib/reports/download";
import { shareAccess } from "@/lib/share/access";
import { viewShareLink } from "@/lib/share/links";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { link, unlocked } = await shareAccess((await params).token);
    // Same answer for unknown, expired, paused, revoked, locked, not unlocked and not allowed.
    if (!link || !unlocked || !link.allowDownload) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
    const { data, number, issuedAt } = await viewShareLink(getDb(), link.id);
    return reportFileResponse(data, issuedAt, number, "pdf");
  } catch (e) {
    return errorResponse(e);
  }
}
