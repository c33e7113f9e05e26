// The issued report as an A4 PDF, drawn on the server without a browser: embedded Noto Sans JP,
// Japanese line breaking with kinsoku, vector charts, tables, page numbers and the footnote.
import { Document, Path, renderToBuffer, StyleSheet, Svg, Text, View, G, Rect, Line } from "@react-pdf/renderer";
import { FooterPage } from "@/lib/export/pdf-page";
import { PRODUCER } from "@/lib/export/producer";
import { translatorFor } from "@/lib/i18n/translator";
import { axisTicks, chartData, type ChartData } from "./chart-data";
import { formatFig, hasSuppressed } from "./format";
import { registerFonts } from "@/lib/export/pdf-fonts";
import type { ReportData, Table } from "./types";

const s = StyleSheet.create({
  // No unitless lineHeight on the page or the footer: react-pdf re-applies it to a fixed (repeated)
  // element on every page, and the footer grows until the layout overflows.
  page: { fontFamily: "NotoSansJP", fontSize: 9.5, paddingTop: 40, paddingBottom: 56, paddingHorizontal: 40, color: "#1c1917" },
  // Line height is set on the paragraphs that need it, never inherited (see the page style).
  body: {},
  title: { fontSize: 18, fontWeight: 700, lineHeight: 1.35, marginBottom: 8 },
  meta: { fontSize: 9, color: "#57534e" },
  message: { marginTop: 10, padding: 8, backgroundColor: "#f5f5f4", borderRadius: 3, lineHeight: 1.5 },
  h2: {
    fontSize: 13,
    fontWeight: 700,
    marginTop: 16,
    marginBottom: 6,
    paddingBottom: 3,
    borderBottomWidth: 1,
    borderBottomColor: "#23745e",
    color: "#1c5c4b",
  },
  h3: { fontSize: 10.5, fontWeight: 700, marginTop: 8, marginBottom: 4 },
  summaryBox: { marginTop: 12, padding: 10, borderWidth: 1, borderColor: "#d5ece4", backgroundColor: "#eef7f4", borderRadius: 3 },
  bullet: { flexDirection: "row", marginBottom: 2 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e7e5e4", paddingVertical: 2.5 },
  head: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#a8a29e", paddingVertical: 2.5 },
  label: { paddingRight: 4 },
  cell: { textAlign: "right", paddingRight: 3 },
  // Text after a right-aligned number starts clear of it ("1 応援者あり" read as one phrase).
  textCell: { paddingRight: 3, paddingLeft: 10 },
  headText: { fontSize: 8, color: "#57534e" },
  footer: {
    position: "absolute",
    bottom: 24,
    left: 40,
    right: 40,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7.5,
    color: "#78716c",
  },
  note: { fontSize: 8.5, color: "#44403c", marginBottom: 3, lineHeight: 1.5 },
  legend: { flexDirection: "row", flexWrap: "wrap", marginTop: 2 },
});

const CHART_W = 515;
const CHART_H = 130;

function BarChart({ chart }: { chart: ChartData }) {
  const left = 30;
  const bottom = 18;
  const plotW = CHART_W - left - 4;
  const plotH = CHART_H - bottom - 6;
  const ticks = axisTicks(chart);
  const max = ticks.at(-1)!;
  const y = (v: number) => 6 + plotH - (v / max) * plotH;
  const band = plotW / chart.labels.length;
  const groups = chart.kind === "stacked" ? 1 : chart.series.length;
  const barW = Math.min(28, (band * 0.7) / groups);
  const step = Math.ceil(chart.labels.length / 8);
  return (
    <View wrap={false}>
      <Svg width={CHART_W} height={CHART_H}>
        {ticks.map((tk) => (
          <G key={tk}>
            <Line x1={left} x2={CHART_W} y1={y(tk)} y2={y(tk)} stroke="#e7e5e4" strokeWidth={0.5} />
            <Text
              x={left - 3}
              y={y(tk) + 2.5}
              style={{ fontSize: 6.5, fontFamily: "NotoSansJP" }}
              textAnchor="end"
              fill="#78716c"
            >{`${tk}${chart.percent ? "%" : ""}`}</Text>
          </G>
        ))}
        {chart.labels.map((label, i) => {
          const x0 = left + i * band + (band - barW * groups) / 2;
          let stack = 0;
          return (
            <G key={`${label}-${i}`}>
              {chart.series.map((sr, j) => {
                const v = sr.values[i];
                if (v === null || v === undefined || v <= 0) return null;
                const base = chart.kind === "stacked" ? stack : 0;
                if (chart.kind === "stacked") stack += v;
                const x = chart.kind === "stacked" ? x0 : x0 + j * barW;
                return (
                  <Rect
                    key={sr.name}
                    x={x}
                    y={y(base + v)}
                    width={barW - 1}
                    height={Math.max(0.5, y(base) - y(base + v))}
                    fill={sr.color}
                  />
                );
              })}
              {i % step === 0 && (
                <Text
                  x={left + i * band + band / 2}
                  y={CHART_H - 5}
                  style={{ fontSize: 6.5, fontFamily: "NotoSansJP" }}
                  textAnchor="middle"
                  fill="#57534e"
                >
                  {label}
                </Text>
              )}
            </G>
          );
        })}
        <Path d={`M${left} ${6 + plotH} H${CHART_W}`} stroke="#a8a29e" strokeWidth={0.75} />
      </Svg>
      {chart.series.length > 1 && (
        <View style={s.legend}>
          {chart.series.map((sr) => (
            <View key={sr.name} style={{ flexDirection: "row", alignItems: "center", marginRight: 8 }}>
              <Svg width={7} height={7}>
                <Rect x={0} y={0} width={7} height={7} fill={sr.color} />
              </Svg>
              <Text style={{ fontSize: 7, marginLeft: 2 }}>{sr.name}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

// A committee reads pages, not ledgers: longer tables are cut here and stay whole in Excel and CSV.
export const PDF_MAX_ROWS = 40;

function TableView({
  table: full,
  locale,
  itemLabel,
  empty,
  more,
}: {
  table: Table;
  locale: string;
  itemLabel: string;
  empty: string;
  more: (n: number) => string;
}) {
  const table = full.rows.length > PDF_MAX_ROWS ? { ...full, rows: full.rows.slice(0, PDF_MAX_ROWS) } : full;
  const chart = chartData(table);
  const textCol = (i: number) => table.rows.some((r) => r.cells[i]?.t === "text" && r.cells[i]?.v);
  // Fixed widths, not flex: flex rows split across pages can get lost in layout.
  const shares = table.columns.map((_, i) => (textCol(i) ? 2.2 : 1));
  const labelShare = 1.6;
  const totalShares = labelShare + shares.reduce((a, b) => a + b, 0);
  const width = (share: number) => ({ width: `${(share / totalShares) * 100}%` });
  return (
    <View>
      <Text style={s.h3} minPresenceAhead={40}>
        {table.title}
      </Text>
      {chart && chart.series.some((sr) => sr.values.some((v) => v)) && <BarChart chart={chart} />}
      {table.rows.length === 0 ? (
        <Text style={s.note}>{table.empty ?? empty}</Text>
      ) : (
        <View>
          {/* fixed: drawn again at the top of every page the table runs onto. */}
          <View style={s.head} minPresenceAhead={30} fixed>
            <Text style={[s.label, s.headText, width(labelShare)]}>{itemLabel}</Text>
            {table.columns.map((c, i) => (
              <Text key={c} style={[textCol(i) ? s.textCell : s.cell, s.headText, width(shares[i]!)]}>
                {c}
              </Text>
            ))}
          </View>
          {table.rows.map((r, i) => (
            <View key={`${r.label}-${i}`} style={s.row} wrap={false}>
              <Text style={[s.label, width(labelShare), { paddingLeft: (r.depth ?? 0) * 8, fontWeight: r.total ? 700 : 400 }]}>
                {r.label}
              </Text>
              {r.cells.map((c, j) => (
                <Text key={j} style={[textCol(j) ? s.textCell : s.cell, width(shares[j]!), { fontWeight: r.total ? 700 : 400 }]}>
                  {formatFig(c, locale) || " "}
                </Text>
              ))}
            </View>
          ))}
          {full.rows.length > table.rows.length && <Text style={s.note}>{more(full.rows.length - table.rows.length)}</Text>}
        </View>
      )}
    </View>
  );
}

export function ReportDocument({ data, issuedAt, number }: { data: ReportData; issuedAt: Date; number: number }) {
  const t = translatorFor(data.locale);
  const issued = new Intl.DateTimeFormat(data.locale === "ja" ? "ja-JP" : "en-US", { dateStyle: "long", timeZone: "Asia/Tokyo" }).format(
    issuedAt,
  );
  const footnote = hasSuppressed(data) ? t("dashboard.footnote", { k: data.minGroupSize }) : "";
  return (
    <Document title={data.title} author={data.teamName} language={data.locale} creator={PRODUCER} producer={PRODUCER}>
      <FooterPage style={s.page} footerStyle={s.footer} note={footnote || data.teamName}>
        <View style={s.body}>
          <Text style={s.title}>{data.title}</Text>
          <Text style={s.meta}>{data.teamName}</Text>
          <Text style={s.meta}>{t("reports.pdf.period", { period: data.periodLabel })}</Text>
          <Text style={s.meta}>{t("reports.pdf.issued", { date: issued, number })}</Text>
          {data.message ? <Text style={s.message}>{data.message}</Text> : null}
          {data.summary.length > 0 && (
            <View style={s.summaryBox}>
              <Text style={{ fontWeight: 700, marginBottom: 4 }}>{t("dashboard.summaryTitle")}</Text>
              {data.summary.map((line) => (
                <View key={line} style={s.bullet}>
                  <Text style={{ width: 10 }}>・</Text>
                  <Text style={{ flex: 1 }}>{line}</Text>
                </View>
              ))}
            </View>
          )}
          {data.sections.map((section) => (
            <View key={section.id}>
              <Text style={s.h2} minPresenceAhead={80}>
                {section.title}
              </Text>
              {section.comment ? <Text style={s.message}>{section.comment}</Text> : null}
              {section.tables.map((table) => (
                <TableView
                  key={table.id}
                  table={table}
                  locale={data.locale}
                  itemLabel={t("dashboard.item")}
                  empty={t("dashboard.summaryEmpty")}
                  more={(n) => t("reports.pdf.more", { count: n })}
                />
              ))}
              {section.notes?.map((n) => (
                <Text key={n} style={[s.note, { marginTop: 4 }]}>
                  {n}
                </Text>
              ))}
            </View>
          ))}
          <View>
            <Text style={s.h2} minPresenceAhead={60}>
              {t("dashboard.methods")}
            </Text>
            {data.notes.map((n) => (
              <Text key={n} style={s.note}>
                {n}
              </Text>
            ))}
          </View>
        </View>
      </FooterPage>
    </Document>
  );
}

export async function renderReportPdf(data: ReportData, issuedAt: Date, number: number): Promise<Buffer> {
  if (!data.published) throw new Error("only published data may be exported");
  registerFonts();
  return renderToBuffer(<ReportDocument data={data} issuedAt={issuedAt} number={number} />);
}
