// GET /api/team/handling-rules?format=pdf|md - the handling rules draft (取扱規程案) from the team's
// settings, admins only.
import { z } from "zod";
import { withTeam } from "@/lib/auth/wrappers";
import { handlingRules, rulesMarkdown } from "@/lib/rules/handling-rules";
import { renderRulesPdf } from "@/lib/rules/handling-rules-pdf";

export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(["pdf", "md"]).catch("pdf") });

export const GET = withTeam(
  async (req, ctx) => {
    const { format } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
    const doc = await handlingRules(ctx);
    const name = `handling-rules-draft-${doc.draftedOn}`;
    if (format === "md") {
      // No byte-order mark: Markdown renderers read it as text, and the title becomes a paragraph starting "#".
      return new Response(rulesMarkdown(doc), {
        headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.md"` },
      });
    }
    return new Response(new Uint8Array(await renderRulesPdf(doc)), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}.pdf"` },
    });
  },
  { permission: "settings.manage" },
);
