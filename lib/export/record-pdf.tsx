// The pieces every disclosure PDF (開示) shares: A4 in Japanese, plain sections, key/value rows, every
// date in Tokyo's calendar, a footer with the team and page numbers. Drawn on the server like the
// reports (embedded Noto Sans JP, kinsoku).
import { Document, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { FooterPage } from "./pdf-page";
import { PRODUCER } from "./producer";
import { dateTimeFormat } from "@/lib/i18n/intl";

export const recordStyles = StyleSheet.create({
  page: { fontFamily: "NotoSansJP", fontSize: 9.5, paddingTop: 40, paddingBottom: 56, paddingHorizontal: 40, color: "#1c1917" },
  title: { fontSize: 16, fontWeight: 700, lineHeight: 1.35, marginBottom: 6 },
  meta: { fontSize: 8.5, color: "#57534e" },
  h2: {
    fontSize: 12,
    fontWeight: 700,
    marginTop: 14,
    marginBottom: 5,
    paddingBottom: 2,
    borderBottomWidth: 1,
    borderBottomColor: "#23745e",
    color: "#1c5c4b",
  },
  row: { flexDirection: "row", paddingVertical: 2, borderBottomWidth: 0.5, borderBottomColor: "#e7e5e4" },
  key: { width: 130, color: "#57534e" },
  // Line height on a View is inherited and compounds in react-pdf: only plain spacing here.
  value: { flex: 1 },
  item: { paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: "#e7e5e4" },
  small: { fontSize: 8.5, color: "#57534e" },
  none: { color: "#78716c" },
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
});
const s = recordStyles;

/** An instant, as a Japanese date (with the time if asked) in Tokyo. */
export const tokyoDate = (isoTime: string, withTime = false) =>
  dateTimeFormat("ja-JP", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "long",
    day: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
  }).format(new Date(isoTime));

export function RecordDocument(props: { title: string; intro: string; team: string; footnote: string; children: ReactNode }) {
  return (
    <Document title={props.title} author={props.team} language="ja" creator={PRODUCER} producer={PRODUCER}>
      <FooterPage style={s.page} footerStyle={s.footer} note={props.team}>
        <Text style={s.title}>{props.title}</Text>
        <Text style={s.meta}>{props.intro}</Text>
        {props.children}
        <Text style={[s.meta, { marginTop: 14 }]}>{props.footnote}</Text>
      </FooterPage>
    </Document>
  );
}

export function FieldRows({ title, fields }: { title: string; fields: [string, string][] }) {
  return (
    <View>
      <Text style={s.h2}>{title}</Text>
      {fields.map(([k, v]) => (
        <View key={k} style={s.row} wrap={false}>
          <Text style={s.key}>{k}</Text>
          <Text style={s.value}>{v}</Text>
        </View>
      ))}
    </View>
  );
}

/** A titled list with its count; `none` when empty. */
export function RecordSection<T>(props: { title: string; none: string; items: T[]; render: (item: T) => ReactNode }) {
  return (
    <View>
      <Text style={s.h2} minPresenceAhead={40}>
        {props.title}（{props.items.length}）
      </Text>
      {props.items.length === 0 ? (
        <Text style={s.none}>{props.none}</Text>
      ) : (
        props.items.map((item, i) => (
          <View key={i} style={s.item} wrap={false}>
            {props.render(item)}
          </View>
        ))
      )}
    </View>
  );
}
