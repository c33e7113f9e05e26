// Reads a generated PDF's text back with PDF.js (through unpdf), so the unit and integration suites
// need nothing outside npm. Lines follow the PDF's own line ends.
import { extractText, getMeta } from "unpdf";

export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return text;
}

/** The document information dictionary (Title, Author, Creator, Producer…). */
export async function pdfInfo(pdf: Buffer | Uint8Array): Promise<Record<string, unknown>> {
  return (await getMeta(new Uint8Array(pdf))).info;
}
