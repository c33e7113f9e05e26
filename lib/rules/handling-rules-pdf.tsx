// The handling rules draft as an A4 PDF in Japanese, drawn like the disclosures (lib/export/record-pdf.tsx).
import { renderToBuffer, Text, View } from "@react-pdf/renderer";
import { FieldRows, RecordDocument, recordStyles as s } from "@/lib/export/record-pdf";
import { translatorFor } from "@/lib/i18n/translator";
import { registerFonts } from "@/lib/export/pdf-fonts";
import type { HandlingRules } from "./handling-rules";

function RulesDocument({ doc }: { doc: HandlingRules }) {
  const t = translatorFor("ja");
  return (
    <RecordDocument
      title={doc.title}
      intro={`${doc.team}　${t("handlingRules.draftOf", { date: doc.draftedLabel })}`}
      team={doc.team}
      footnote={doc.footnote}
    >
      <Text style={{ marginTop: 10 }}>{doc.preamble}</Text>
      {doc.articles.map((a, i) => (
        <View key={a.heading}>
          {/* The heading stays with the article's first paragraph. */}
          <View wrap={false}>
            <Text style={s.h2}>
              {t("handlingRules.article", { n: i + 1 })}（{a.heading}）
            </Text>
            <Text style={{ marginBottom: 3 }}>{a.paragraphs[0]}</Text>
          </View>
          {a.paragraphs.slice(1).map((p) => (
            <Text key={p} style={{ marginBottom: 3 }}>
              {p}
            </Text>
          ))}
          {a.items.map((item) => (
            <View key={item} style={{ flexDirection: "row", marginBottom: 2 }} wrap={false}>
              <Text style={{ width: 12 }}>・</Text>
              <Text style={{ flex: 1 }}>{item}</Text>
            </View>
          ))}
        </View>
      ))}
      <FieldRows title={t("handlingRules.members")} fields={doc.members.map((m) => [m.name, m.role] as [string, string])} />
      <Text style={{ marginTop: 14 }}>{t("handlingRules.supplement")}</Text>
    </RecordDocument>
  );
}

export async function renderRulesPdf(doc: HandlingRules): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<RulesDocument doc={doc} />);
}
