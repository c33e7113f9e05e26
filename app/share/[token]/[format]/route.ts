// GET /share/{token}/{pdf|xlsx} - the shared report (PDF or Excel) or newsletter (PDF) as a file, when the link allows downloads
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { reportFileResponse } from "@/lib/reports/download";
import { shareAccess } from "@/lib/share/access";
import { viewShareLink } from "@/lib/share/links";
import { newsletterPdfResponse } from "@/lib/newsletters/download";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

export async function GET(_req: Request, { params }: { params: Promise<{ token: string; format: string }> }) {
  try {
    const { token, format } = await params;
    if (format !== "pdf" && format !== "xlsx") return notFound();
    const { link, unlocked } = await shareAccess(token);
    // Same answer for unknown, expired, paused, revoked, locked, not unlocked and not allowed.
    if (!link || !unlocked || !link.allowDownload) return notFound();
    // A newsletter is a PDF only; its link answers xlsx as it answers anything else it does not have.
    if (format === "xlsx" && link.newsletterIssueId) return notFound();
    const view = await viewShareLink(getDb(), link.id, { download: format });
    if (view.kind === "newsletter") return newsletterPdfResponse(view.newsletter, "inline");
    return reportFileResponse(view.data, view.issuedAt, view.number, format);
  } catch (e) {
    return errorResponse(e);
  }
}
