import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "@/lib/export/csv";
import { neutralizeCell, restoreCell } from "@/lib/export/formula";

describe("spreadsheet formula neutralisation", () => {
  it.each(['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "＝1+1", "＋1"])("prefixes %j with a quote", (v) => {
    expect(neutralizeCell(v)).toBe(`'${v}`);
  });

  it("leaves ordinary text and numbers alone", () => {
    expect(neutralizeCell("製造 課長")).toBe("製造 課長");
    expect(neutralizeCell("")).toBe("");
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell(12.5)).toBe(12.5);
  });

  it("is undone on import, so an export round-trips as text", () => {
    for (const v of ["=1+1", "+81-3", "@x", "-"]) expect(restoreCell(String(neutralizeCell(v)))).toBe(v);
    expect(restoreCell("'plain")).toBe("'plain");
  });

  it("toCsv writes no cell that a spreadsheet would run", () => {
    const csv = toCsv(
      ["名前", "メモ"],
      [
        ['=HYPERLINK("http://x","y")', "@cmd"],
        ["普通", -3],
      ],
    );
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",'@cmd`);
    expect(lines[2]).toBe("普通,-3");
    // Read back by our own import, the cells are the original text again.
    expect(parseCsv(csv.slice(1)).rows[0]!.cells).toEqual(['=HYPERLINK("http://x","y")', "@cmd"]);
  });
});
