// What a nurse puts in front of the room: an A4 poster (PDF) and a slide-size image (PNG, 1920×1080)
// with the QR code, the title, "anonymous, 1 minute" and a link short enough to type.
import { Document, Page, Rect, renderToBuffer, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import { Resvg } from "@resvg/resvg-js";
import QRCode from "qrcode";
import { formatDateTime } from "@/lib/dates";
import { FONT_FILES, registerFonts } from "@/lib/export/pdf-fonts";
import { PRODUCER } from "@/lib/export/producer";
import type { Translate } from "@/lib/i18n/translator";

export type PosterInput = { title: string; url: string; closesAt: Date; locale: "ja" | "en" };

/** The QR code's dark modules as squares on a size×size grid (quiet zone of 2 included). */
function qrModules(url: string) {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const dark: [number, number][] = [];
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.modules.get(x, y)) dark.push([x + 2, y + 2]);
  return { size: n + 4, dark };
}

const s = StyleSheet.create({
  page: { fontFamily: "NotoSansJP", padding: 56, alignItems: "center", color: "#1c1917" },
  badge: {
    fontSize: 16,
    fontWeight: 700,
    color: "#115e45",
    backgroundColor: "#e7f5ef",
    borderRadius: 14,
    paddingVertical: 6,
    paddingHorizontal: 18,
  },
  title: { fontSize: 30, fontWeight: 700, textAlign: "center", marginTop: 24, lineHeight: 1.35 },
  lead: { fontSize: 15, marginTop: 16, textAlign: "center", color: "#44403c", lineHeight: 1.5 },
  url: { fontSize: 22, fontWeight: 700, marginTop: 20, letterSpacing: 1 },
  small: { fontSize: 12, marginTop: 10, color: "#57534e", textAlign: "center", lineHeight: 1.5 },
});

export async function posterPdf(input: PosterInput, t: Translate): Promise<Buffer> {
  registerFonts();
  const { size, dark } = qrModules(input.url);
  const closes = formatDateTime(input.locale, input.closesAt);
  const doc = (
    <Document title={input.title} author={PRODUCER} creator={PRODUCER} producer={PRODUCER} language={input.locale}>
      <Page size="A4" style={s.page}>
        <Text style={s.badge}>{t("surveyPublic.badge")}</Text>
        <Text style={s.title}>{input.title}</Text>
        <Text style={s.lead}>{t("surveys.posterLead")}</Text>
        <View style={{ marginTop: 28 }}>
          <Svg width={300} height={300} viewBox={`0 0 ${size} ${size}`}>
            <Rect x={0} y={0} width={size} height={size} fill="#ffffff" />
            {dark.map(([x, y]) => (
              <Rect key={`${x}-${y}`} x={x} y={y} width={1.02} height={1.02} fill="#000000" />
            ))}
          </Svg>
        </View>
        <Text style={s.url}>{input.url.replace(/^https?:\/\//, "")}</Text>
        <Text style={s.small}>{t("surveyPublic.anonymous")}</Text>
        <Text style={s.small}>{t("surveys.posterCloses", { date: closes })}</Text>
      </Page>
    </Document>
  );
  return renderToBuffer(doc);
}

const escapeXml = (v: string) =>
  v.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** Splits a title into lines of at most `max` characters (Japanese breaks anywhere; spaces are kept). */
function wrap(text: string, max: number, lines = 2): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length && out.length < lines; i += max) out.push(chars.slice(i, i + max).join(""));
  if (chars.length > max * lines) out[lines - 1] = out[lines - 1].slice(0, -1) + "…";
  return out;
}

export function slidePng(input: PosterInput, t: Translate): Buffer {
  const { size, dark } = qrModules(input.url);
  const cell = 720 / size;
  const qr = dark
    .map(
      ([x, y]) =>
        `<rect x="${(1120 + x * cell).toFixed(2)}" y="${(180 + y * cell).toFixed(2)}" width="${(cell + 0.5).toFixed(2)}" height="${(cell + 0.5).toFixed(2)}"/>`,
    )
    .join("");
  // The text column is 900 px wide, left of the code: about 12 wide characters at 72 px.
  const title = wrap(input.title, 12, 3)
    .map((line, i) => `<text x="120" y="${370 + i * 92}" font-size="72" font-weight="700">${escapeXml(line)}</text>`)
    .join("");
  const lead = wrap(t("surveys.posterLead"), 22)
    .map((line, i) => `<text x="120" y="${700 + i * 52}" font-size="40" fill="#44403c">${escapeXml(line)}</text>`)
    .join("");
  const address = input.url.replace(/^https?:\/\//, "");
  const addressSize = Math.min(60, Math.floor(900 / (address.length * 0.56)));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080" viewBox="0 0 1920 1080">
<rect width="1920" height="1080" fill="#fafaf9"/>
<g font-family="Noto Sans JP" fill="#1c1917">
<rect x="120" y="170" width="420" height="80" rx="40" fill="#e7f5ef"/>
<text x="330" y="225" font-size="40" font-weight="700" fill="#115e45" text-anchor="middle">${escapeXml(t("surveyPublic.badge"))}</text>
${title}
${lead}
<text x="120" y="880" font-size="${addressSize}" font-weight="700">${escapeXml(address)}</text>
</g>
<rect x="1100" y="160" width="760" height="760" fill="#ffffff"/>
<g fill="#000000">${qr}</g>
</svg>`;
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: "Noto Sans JP" },
  });
  return Buffer.from(resvg.render().asPng());
}
