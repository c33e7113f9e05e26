// An issued 保健師だより as a PDF response: the name carries the day and number, the title in UTF-8.
import { tokyoDay } from "@/lib/dates";
import { translatorFor } from "@/lib/i18n/translator";
import type { FrozenNewsletter } from "./newsletters";
import { newsletterPdf } from "./pdf";

export async function newsletterPdfResponse(n: FrozenNewsletter, disposition: "inline" | "attachment" = "attachment"): Promise<Response> {
  const locale = n.figures.locale === "en" ? "en" : "ja";
  const pdf = await newsletterPdf(n, translatorFor(locale), locale);
  const ascii = `newsletter-${tokyoDay(n.issuedAt)}-no${n.number}.pdf`;
  const utf8 = encodeURIComponent(`${n.title}-${n.number}.pdf`);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${utf8}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
