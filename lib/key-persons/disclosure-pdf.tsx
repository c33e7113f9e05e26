// The disclosure (開示) as an A4 PDF in the person's language: Japanese, plain sections, every date
// in Tokyo's calendar. Drawn on the server like the reports (embedded Noto Sans JP, kinsoku).
import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { translatorFor } from "@/lib/i18n/translator";
import { registerFonts } from "@/lib/reports/pdf";
import type { Disclosure } from "./disclosure";

const s = StyleSheet.create({
  page: { fontFamily: "NotoSansJP", fontSize: 9.5, paddingTop: 40, paddingBottom: 56, paddingHorizontal: 40, color: "#1c1917" },
  title: { fontSize: 16, fontWeight: 700, lineHeight: 1.35, marginBottom: 6 },
  meta: { fontSize: 8.5, color: "#57534e" },
  h2: { fontSize: 12, fontWeight: 700, marginTop: 14, marginBottom: 5, paddingBottom: 2, borderBottomWidth: 1, borderBottomColor: "#23745e", color: "#1c5c4b" },
  row: { flexDirection: "row", paddingVertical: 2, borderBottomWidth: 0.5, borderBottomColor: "#e7e5e4" },
  key: { width: 130, color: "#57534e" },
  // Line height on a View is inherited and compounds in react-pdf: only plain spacing here.
  value: { flex: 1 },
  item: { paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: "#e7e5e4" },
  small: { fontSize: 8.5, color: "#57534e" },
  none: { color: "#78716c" },
  footer: { position: "absolute", bottom: 24, left: 40, right: 40, flexDirection: "row", justifyContent: "space-between", fontSize: 7.5, color: "#78716c" },
});

const tokyo = (isoTime: string, withTime = false) =>
  new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "long", day: "numeric", ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}) }).format(new Date(isoTime));
const dateOnly = (d: string) => new Intl.DateTimeFormat("ja-JP", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(new Date(`${d}T00:00:00Z`));

function DisclosureDocument({ d }: { d: Disclosure }) {
  const t = translatorFor("ja");
  const p = d.person;
  const or = (v: string | null | undefined) => (v ? v : "—");
  const fields: [string, string][] = [
    [t("keyPersons.name"), p.name],
    [t("keyPersons.nameKana"), or(p.nameKana)],
    [t("disclosure.fields.jobTitle"), or(p.title)],
    [t("disclosure.fields.department"), or(p.department)],
    [t("keyPersons.kind"), t(`keyPersonKinds.${p.kind}`)],
    [t("keyPersons.stance"), t(`stances.${p.stance}`)],
    [t("disclosure.fields.influence"), `${p.influence} / 5`],
    [t("disclosure.fields.interest"), `${p.interest} / 5`],
    [t("keyPersons.resistanceReason"), p.resistanceReason ? t(`reasons.${p.resistanceReason}`) : "—"],
    [t("keyPersons.painPoints"), or(p.painPoints)],
    [t("keyPersons.values"), p.values.map((v) => t(`valueKinds.${v}`)).join("、") || "—"],
    [t("keyPersons.bestTiming"), or(p.bestTiming)],
    [t("keyPersons.preferredChannel"), p.preferredChannel ? t(`channels.${p.preferredChannel}`) : "—"],
    [t("keyPersons.tags"), p.tags.map((x) => `#${x}`).join(" ") || "—"],
    [t("keyPersons.notes"), or(p.notes)],
    [t("keyPersons.owner"), or(p.owner)],
    [t("disclosure.fields.reportsTo"), or(p.reportsTo)],
    [t("disclosure.recordedSince"), tokyo(p.createdAt)],
  ];
  const section = (title: string, count: number, body: React.ReactNode) => (
    <View>
      <Text style={s.h2} minPresenceAhead={40}>{title}（{count}）</Text>
      {count === 0 ? <Text style={s.none}>{t("disclosure.none")}</Text> : body}
    </View>
  );
  return (
    <Document title={t("disclosure.title", { name: p.name })} author={d.team} language="ja">
      <Page size="A4" style={s.page}>
        <Text style={s.title}>{t("disclosure.title", { name: p.name })}</Text>
        <Text style={s.meta}>{t("disclosure.intro", { team: d.team, date: tokyo(d.generatedAt, true) })}</Text>
        <Text style={s.h2}>{t("disclosure.record")}</Text>
        {fields.map(([k, v]) => (
          <View key={k} style={s.row} wrap={false}>
            <Text style={s.key}>{k}</Text>
            <Text style={s.value}>{v}</Text>
          </View>
        ))}
        {section(t("disclosure.stanceHistory"), d.stanceHistory.length, d.stanceHistory.map((h, i) => (
          <View key={i} style={s.item} wrap={false}>
            <Text>{tokyo(h.at)}　{h.from ? t(`stances.${h.from}`) : "—"} → {t(`stances.${h.to}`)}（{h.by}）</Text>
            {h.reason ? <Text style={s.small}>{t("disclosure.reason")}：{h.reason}</Text> : null}
          </View>
        )))}
        {section(t("disclosure.touchpoints"), d.touchpoints.length, d.touchpoints.map((tp, i) => (
          <View key={i} style={s.item} wrap={false}>
            <Text>{tokyo(tp.at)}　{t(`touchpointTypes.${tp.type}`)}（{tp.nurse}）{tp.othersPresent > 0 ? `　${t("disclosure.othersPresent", { count: tp.othersPresent })}` : ""}</Text>
            {tp.summary ? <Text style={s.small}>{tp.summary}</Text> : null}
          </View>
        )))}
        {section(t("disclosure.requests"), d.requests.length, d.requests.map((r, i) => (
          <View key={i} style={s.item} wrap={false}>
            <Text>{r.what}（{t(`requestStatuses.${r.status}`)}・{r.nurse}）</Text>
            {[r.reason && `${t("requests.reason")}：${r.reason}`, r.benefit && `${t("requests.benefit")}：${r.benefit}`, r.nurseSupport && `${t("requests.nurseSupport")}：${r.nurseSupport}`, r.fallbackWhat && `${t("requests.fallbackWhat")}：${r.fallbackWhat}`, r.dueOn && `${t("requests.dueOn")}：${dateOnly(r.dueOn)}`]
              .filter(Boolean)
              .map((line, j) => <Text key={j} style={s.small}>{line as string}</Text>)}
            <Text style={s.small}>{r.history.map((e) => `${tokyo(e.at)} ${t(`requestStatuses.${e.status}`)}`).join(" → ")}</Text>
          </View>
        )))}
        {section(t("disclosure.links"), d.links.length, d.links.map((l, i) => (
          <View key={i} style={s.item} wrap={false}>
            <Text>{t(`disclosure.linkDirection.${l.direction}`, { type: t(`linkTypes.${l.type}`) })}</Text>
            {l.note ? <Text style={s.small}>{l.note}</Text> : null}
          </View>
        )))}
        {section(t("disclosure.reviewComments"), d.reviewComments.length, d.reviewComments.map((c, i) => (
          <View key={i} style={s.item} wrap={false}>
            <Text style={s.small}>{tokyo(c.at)}（{c.author}）</Text>
            <Text>{c.body}</Text>
          </View>
        )))}
        {section(t("disclosure.reviewActions"), d.reviewActions.length, d.reviewActions.map((a, i) => (
          <View key={i} style={s.item} wrap={false}>
            <Text>{dateOnly(a.dueOn)}　{a.title}{a.done ? `（${t("disclosure.done")}）` : ""}</Text>
          </View>
        )))}
        <Text style={[s.meta, { marginTop: 14 }]}>{t("disclosure.footnote")}</Text>
        <View style={s.footer} fixed>
          <Text>{d.team}</Text>
          <Text render={({ pageNumber, totalPages }) => `${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export async function renderDisclosurePdf(d: Disclosure): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<DisclosureDocument d={d} />);
}
