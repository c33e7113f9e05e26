// GET /api/key-persons/{id}/disclosure?format=pdf|json - what the team holds about one person, for
// a disclosure request (開示). Admins only; every export is audit-logged.
import { withTeam } from "@/lib/auth/wrappers";
import { disclosureFormat, disclosureResponse } from "@/lib/export/disclosure-response";
import { discloseKeyPerson } from "@/lib/key-persons/disclosure";
import { renderDisclosurePdf } from "@/lib/key-persons/disclosure-pdf";

export const dynamic = "force-dynamic";

export const GET = withTeam(
  async (req, ctx, params) => {
    const format = disclosureFormat(req);
    return disclosureResponse(format, await discloseKeyPerson(ctx, String(params.id), format), renderDisclosurePdf);
  },
  { permission: "keyPersons.disclose" },
);
