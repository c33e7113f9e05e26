// The issued 保健師だより as one A4 page: masthead, title, what was done, the headline figures as
// bars, one or two voices, the good example, the thank-you. Drawn on the server (react-pdf), with the
// fonts every PDF of the app uses. The sentences' limits (constants.ts) keep it to one page.
import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatLongDay } from "@/lib/dates";
import { registerFonts } from "@/lib/export/pdf-fonts";
import { PRODUCER } from "@/lib/export/producer";
import type { Translate } from "@/lib/i18n/translator";
import { CHART_OPTION_CHARS, CHART_QUESTION_CHARS, clip } from "./constants";
import type { NewsletterChart } from "./figures";
import type { FrozenNewsletter } from "./newsletters";
import { figureLines } from "./text";

const GREEN = "#1c5c4b";
const s = StyleSheet.create({
  page: { fontFamily: "NotoSansJP", fontSize: 10, paddingTop: 36, paddingBottom: 40, paddingHorizontal: 44, color: "#1c1917" },
  masthead: {
    flexDirection: "row",
    justifyContent: "space-between",
    alignItems: "flex-end",
    borderBottomWidth: 3,
    borderBottomColor: GREEN,
    paddingBottom: 6,
  },
  mastTitle: { fontSize: 22, fontWeight: 700, color: GREEN },
  mastMeta: { fontSize: 9, color: "#57534e", textAlign: "right" },
  title: { fontSize: 16, fontWeight: 700, marginTop: 12, lineHeight: 1.35 },
  lead: { marginTop: 6 },
  h2: { fontSize: 11.5, fontWeight: 700, color: GREEN, marginTop: 12, marginBottom: 5 },
  stats: { flexDirection: "row", gap: 8 },
  stat: { flexGrow: 1, flexBasis: 0, backgroundColor: "#eef7f4", borderRadius: 4, padding: 7 },
  statText: { fontSize: 11.5, fontWeight: 700, textAlign: "center" },
  // Up to three questions side by side, so the figures take a third of the page at most.
  charts: { flexDirection: "row", gap: 12, marginTop: 8 },
  chart: { flexGrow: 1, flexBasis: 0 },
  question: { fontSize: 8.5, fontWeight: 700, marginBottom: 3, lineHeight: 1.35 },
  barRow: { flexDirection: "row", alignItems: "center", marginBottom: 2 },
  barLabel: { width: "55%", fontSize: 7, color: "#44403c", paddingRight: 3 },
  barTrack: { flexGrow: 1, height: 7, backgroundColor: "#f5f5f4" },
  barValue: { width: 24, fontSize: 7, textAlign: "right" },
  voice: { marginTop: 4, padding: 6, backgroundColor: "#fafaf9", borderLeftWidth: 3, borderLeftColor: "#8fcfb8" },
  para: {},
  thanks: { marginTop: 2, padding: 6, borderWidth: 1, borderColor: "#d5ece4", borderRadius: 4 },
  closing: { marginTop: 12, color: "#44403c" },
  footer: { position: "absolute", bottom: 20, left: 44, right: 44, fontSize: 7.5, color: "#78716c", textAlign: "center" },
});

function Chart({ chart, t }: { chart: NewsletterChart; t: Translate }) {
  return (
    <View style={s.chart}>
      <Text style={s.question}>
        {clip(chart.question, CHART_QUESTION_CHARS)}（{t("newsletters.figures.n", { n: chart.n })}）
      </Text>
      {chart.bars.map((b, i) => (
        <View key={i} style={s.barRow}>
          <Text style={s.barLabel}>{clip(b.label, CHART_OPTION_CHARS)}</Text>
          <View style={s.barTrack}>
            <View style={{ width: `${Math.max(0, Math.min(100, b.percent))}%`, height: 7, backgroundColor: "#23745e" }} />
          </View>
          <Text style={s.barValue}>{b.percent}%</Text>
        </View>
      ))}
    </View>
  );
}

export async function newsletterPdf(n: FrozenNewsletter, t: Translate, locale: "ja" | "en"): Promise<Buffer> {
  registerFonts();
  const f = n.figures;
  const stats = figureLines(f, t);
  const voices = [n.comment1, n.comment2].filter(Boolean);
  const doc = (
    <Document title={n.title} author={f.teamName} creator={PRODUCER} producer={PRODUCER} language={locale}>
      <Page size="A4" style={s.page}>
        <View style={s.masthead}>
          <Text style={s.mastTitle}>{t("newsletters.masthead")}</Text>
          <Text style={s.mastMeta}>
            {f.teamName}
            {"\n"}
            {t("newsletters.issueLine", { date: formatLongDay(locale, n.issuedAt.toISOString().slice(0, 10)), number: n.number })}
          </Text>
        </View>
        <Text style={s.title}>{n.title}</Text>
        <Text style={s.lead}>{n.lead}</Text>
        {(stats.length > 0 || f.charts.length > 0) && (
          <View wrap={false}>
            <Text style={s.h2}>{t("newsletters.sections.figures")}</Text>
            {stats.length > 0 && (
              <View style={s.stats}>
                {stats.map((line) => (
                  <View key={line} style={s.stat}>
                    <Text style={s.statText}>{line}</Text>
                  </View>
                ))}
              </View>
            )}
            <View style={s.charts}>
              {f.charts.map((c, i) => (
                <Chart key={i} chart={c} t={t} />
              ))}
            </View>
          </View>
        )}
        {voices.length > 0 && (
          <View>
            <Text style={s.h2}>{t("newsletters.sections.voices")}</Text>
            {voices.map((v, i) => (
              <Text key={i} style={s.voice}>
                「{v}」
              </Text>
            ))}
          </View>
        )}
        {n.goodExample !== "" && (
          <View>
            <Text style={s.h2}>{t("newsletters.sections.goodExample")}</Text>
            <Text style={s.para}>{n.goodExample}</Text>
          </View>
        )}
        {n.thanks !== "" && (
          <View>
            <Text style={s.h2}>{t("newsletters.sections.thanks")}</Text>
            <Text style={s.thanks}>{n.thanks}</Text>
          </View>
        )}
        {n.closing !== "" && <Text style={s.closing}>{n.closing}</Text>}
        <Text style={s.footer} fixed>
          {t("newsletters.footer", { k: f.k })}
        </Text>
      </Page>
    </Document>
  );
  return renderToBuffer(doc);
}
