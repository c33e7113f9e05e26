// GET /api/key-persons/{id}/disclosure?format=pdf|json - what the team holds about one person, for
// a disclosure request (開示). Admins only; every export is audit-logged.
import { z } from "zod";
import { withTeam } from "@/lib/auth/wrappers";
import { tokyoDay } from "@/lib/dates";
import { discloseKeyPerson } from "@/lib/key-persons/disclosure";
import { renderDisclosurePdf } from "@/lib/key-persons/disclosure-pdf";

export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(["pdf", "json"]).catch("pdf") });

export const GET = withTeam(
  async (req, ctx, params) => {
    const { format } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
    const data = await discloseKeyPerson(ctx, String(params.id), format);
    // The file name carries no name: it may sit in a downloads folder or a mail.
    const file = `disclosure-${tokyoDay()}.${format}`;
    const headers = { "Content-Disposition": `attachment; filename="${file}"`, "Cache-Control": "no-store" };
    if (format === "json") return new Response(JSON.stringify(data, null, 2), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
    return new Response(new Uint8Array(await renderDisclosurePdf(data)), { headers: { ...headers, "Content-Type": "application/pdf" } });
  },
  { permission: "keyPersons.disclose" },
);
