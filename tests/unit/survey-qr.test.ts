// The QR code on the slide and on the printed poster reads back as the survey's link, decoded from
// the pixels the way a phone's camera decodes it (jsQR), not from the data that drew it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { posterPdf, slidePng } from "@/lib/surveys/poster";

const input = {
  title: "朝礼5分 熱中症ミニ講話",
  url: "https://ally.example.jp/s/HEAT349",
  closesAt: new Date("2026-07-17T09:00:00Z"),
  locale: "ja" as const,
};
const t = translatorFor("ja");
// pdftoppm (poppler-utils) draws the page as a printer would; CI installs it (.ci/run).
const hasPdftoppm = (() => {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function decode(png: Buffer) {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data;
}

describe("the survey's QR code", () => {
  it("reads back as the link from the slide image", () => {
    expect(decode(slidePng(input, t))).toBe(input.url);
  });

  it.skipIf(!hasPdftoppm)("reads back as the link from the printed poster (the PDF drawn as a page image)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "poster-"));
    writeFileSync(path.join(dir, "poster.pdf"), await posterPdf(input, t));
    execFileSync("pdftoppm", ["-png", "-r", "100", "-singlefile", path.join(dir, "poster.pdf"), path.join(dir, "poster")]);
    expect(decode(readFileSync(path.join(dir, "poster.png")))).toBe(input.url);
  });
});
