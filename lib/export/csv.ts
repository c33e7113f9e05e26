// CSV in and out. In: UTF-8 with or without BOM, or Shift_JIS (what Excel saves in Japanese).
// Out: UTF-8 with BOM and CRLF, which Excel opens correctly.
import Papa from "papaparse";
import { neutralizeCell, restoreCell } from "./formula";

export type Encoding = "utf-8" | "shift_jis" | "utf-16le" | "utf-16be";

export class NotCsvError extends Error {}

/**
 * The text of a CSV file: UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text", with a BOM or
 * recognised by its zero bytes), or Shift_JIS. A file that is not text (an Excel workbook, an image)
 * throws NotCsvError instead of being read as garbage.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const decoded = decodeText(bytes);
  // Text has no NUL and few control characters; a binary file has plenty of both.
  const controls = decoded.text.slice(0, 4096).match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (decoded.text.includes("\u0000") || controls > 8) throw new NotCsvError("not a text file");
  return decoded;
}

function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  // UTF-16 without a BOM: ASCII characters (commas, digits, line ends) leave a zero in every other byte.
  const sample = bytes.subarray(0, 512);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? zeroOdd++ : zeroEven++;
  if (sample.length >= 4 && zeroOdd > sample.length / 8 && zeroEven === 0)
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  if (sample.length >= 4 && zeroEven > sample.length / 8 && zeroOdd === 0)
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("shift_jis").decode(bytes), encoding: "shift_jis" };
  }
}

/** Rows as header → value records; blank lines skipped. Row numbers are the file's line numbers. */
export function parseCsv(text: string) {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  const [header = [], ...rows] = result.data;
  return {
    header: header.map((h) => h.trim()),
    rows: rows.map((cells, i) => ({ line: i + 2, cells: cells.map((c) => restoreCell(c.trim())) })),
    errors: result.errors.map((e) => ({ line: (e.row ?? 0) + 1, message: e.message })),
  };
}

/** The header row alone (the first row that is not blank), as parseCsv reads it, without the rest. */
export function parseHeader(text: string): string[] {
  const result = Papa.parse<string[]>(text.replace(/^(?:[ \t]*\r?\n)+/, ""), { preview: 1, skipEmptyLines: "greedy" });
  return (result.data[0] ?? []).map((h) => h.trim());
}

/** UTF-8 with BOM and CRLF; every cell neutralised against formula injection. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (c: string | number | null | undefined) => (c === null || c === undefined ? "" : String(neutralizeCell(c)));
  return "\uFEFF" + Papa.unparse([header.map(cell), ...rows.map((r) => r.map(cell))], { newline: "\r\n" });
}
