// A disclosure (開示) as a download: JSON or PDF, never cached, and a file name that carries no name
// or code (it may sit in a downloads folder or a mail).
import { z } from "zod";
import { tokyoDay } from "@/lib/dates";

/** Dates in a disclosure's JSON: instants as ISO strings, calendar days as "YYYY-MM-DD"; none as null. */
export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
export const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

export const disclosureQuery = z.object({ format: z.enum(["pdf", "json"]).catch("pdf") });
export type DisclosureFormat = z.infer<typeof disclosureQuery>["format"];

export function disclosureFormat(req: Request): DisclosureFormat {
  return disclosureQuery.parse(Object.fromEntries(new URL(req.url).searchParams)).format;
}

export async function disclosureResponse<T>(format: DisclosureFormat, data: T, renderPdf: (data: T) => Promise<Buffer>) {
  const file = `disclosure-${tokyoDay()}.${format}`;
  const headers = { "Content-Disposition": `attachment; filename="${file}"`, "Cache-Control": "no-store" };
  if (format === "json")
    return new Response(JSON.stringify(data, null, 2), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  return new Response(new Uint8Array(await renderPdf(data)), { headers: { ...headers, "Content-Type": "application/pdf" } });
}
