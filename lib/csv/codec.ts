// CSV in and out. In: UTF-8 with or without BOM, or Shift_JIS (what Excel saves in Japanese).
// Out: UTF-8 with BOM and CRLF, which Excel opens correctly.
import Papa from "papaparse";
import { neutralizeCell, restoreCell } from "@/lib/export/formula";

export type Encoding = "utf-8" | "shift_jis";

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
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

/** UTF-8 with BOM and CRLF; every cell neutralised against formula injection. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (c: string | number | null | undefined) => (c === null || c === undefined ? "" : String(neutralizeCell(c)));
  return "\uFEFF" + Papa.unparse([header.map(cell), ...rows.map((r) => r.map(cell))], { newline: "\r\n" });
}
