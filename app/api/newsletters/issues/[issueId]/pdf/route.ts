// GET /api/newsletters/issues/{issueId}/pdf - an issued 保健師だより as its one-page A4 PDF.
import { withTeam } from "@/lib/auth/wrappers";
import { newsletterPdfResponse } from "@/lib/newsletters/download";
import { getNewsletterIssue } from "@/lib/newsletters/newsletters";

export const dynamic = "force-dynamic";

export const GET = withTeam(async (_req, ctx, params) => newsletterPdfResponse(await getNewsletterIssue(ctx, String(params.issueId))), {
  permission: "keyPersons.read",
});
