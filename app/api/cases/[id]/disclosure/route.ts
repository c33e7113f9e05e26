// GET /api/cases/{id}/disclosure?format=pdf|json - an employee's own case record, for a disclosure
// request (開示). Admins only; every export is audit-logged.
import { withTeam } from "@/lib/auth/wrappers";
import { discloseCase } from "@/lib/cases/disclosure";
import { renderCaseDisclosurePdf } from "@/lib/cases/disclosure-pdf";
import { disclosureFormat, disclosureResponse } from "@/lib/export/disclosure-response";

export const dynamic = "force-dynamic";

export const GET = withTeam(
  async (req, ctx, params) => {
    const format = disclosureFormat(req);
    return disclosureResponse(format, await discloseCase(ctx, String(params.id), format), renderCaseDisclosurePdf);
  },
  { permission: "cases.disclose" },
);
