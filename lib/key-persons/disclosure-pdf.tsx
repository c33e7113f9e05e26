// The disclosure (開示) of a key person's record as an A4 PDF in Japanese (lib/export/record-pdf.tsx).
import { renderToBuffer, Text } from "@react-pdf/renderer";
import { calendarDate } from "@/lib/dates";
import { FieldRows, RecordDocument, RecordSection, recordStyles as s, tokyoDate } from "@/lib/export/record-pdf";
import { translatorFor } from "@/lib/i18n/translator";
import { registerFonts } from "@/lib/export/pdf-fonts";
import { versionValue } from "@/lib/requests/versions";
import type { Disclosure } from "./disclosure";

function DisclosureDocument({ d }: { d: Disclosure }) {
  const t = translatorFor("ja");
  const p = d.person;
  const or = (v: string | null | undefined) => (v ? v : "—");
  const none = t("disclosure.none");
  const fields: [string, string][] = [
    [t("keyPersons.name"), p.name],
    [t("keyPersons.nameKana"), or(p.nameKana)],
    [t("disclosure.fields.jobTitle"), or(p.title)],
    [t("disclosure.fields.department"), or(p.department)],
    [t("keyPersons.kind"), t(`keyPersonKinds.${p.kind}`)],
    [t("outward.stance"), p.stance],
    [t("outward.influence"), t("outward.scale", { value: p.influence })],
    [t("outward.interest"), t("outward.scale", { value: p.interest })],
    [t("outward.reason"), or(p.resistanceReason)],
    [t("keyPersons.painPoints"), or(p.painPoints)],
    [t("keyPersons.values"), p.values.map((v) => t(`valueKinds.${v}`)).join("、") || "—"],
    [t("keyPersons.bestTiming"), or(p.bestTiming)],
    [t("keyPersons.preferredChannel"), p.preferredChannel ? t(`channels.${p.preferredChannel}`) : "—"],
    [t("keyPersons.tags"), p.tags.map((x) => `#${x}`).join(" ") || "—"],
    [t("keyPersons.notes"), or(p.notes)],
    [t("outward.owner"), p.hasOwner ? t("outward.ownerKnown") : "—"],
    [t("outward.reportsTo"), or(p.reportsTo)],
    [t("keyPersons.thanksConsent.title"), p.thanksConsentOn ? tokyoDate(p.thanksConsentOn) : "—"],
    [t("disclosure.recordedSince"), tokyoDate(p.createdAt)],
  ];
  return (
    <RecordDocument
      title={t("disclosure.title", { name: p.name })}
      intro={t("disclosure.intro", { team: d.team, date: tokyoDate(d.generatedAt, true) })}
      team={d.team}
      footnote={t("disclosure.footnote")}
    >
      <FieldRows title={t("disclosure.record")} fields={fields} />
      <RecordSection
        title={t("outward.stanceHistory")}
        none={none}
        items={d.stanceHistory}
        render={(h) => (
          <>
            <Text>
              {tokyoDate(h.at)}　{h.from ?? "—"} → {h.to}
            </Text>
            {h.reason ? (
              <Text style={s.small}>
                {t("disclosure.reason")}：{h.reason}
              </Text>
            ) : null}
          </>
        )}
      />
      <RecordSection
        title={t("disclosure.touchpoints")}
        none={none}
        items={d.touchpoints}
        render={(tp) => (
          <>
            <Text>
              {tokyoDate(tp.at)}　{t(`touchpointTypes.${tp.type}`)}
              {tp.othersPresent > 0 ? `　${t("disclosure.othersPresent", { count: tp.othersPresent })}` : ""}
            </Text>
            {tp.summary ? <Text style={s.small}>{tp.summary}</Text> : null}
          </>
        )}
      />
      <RecordSection
        title={t("disclosure.requests")}
        none={none}
        items={d.requests}
        render={(r) => (
          <>
            <Text>
              {r.what}（{t(`requestStatuses.${r.status}`)}）
            </Text>
            {[
              r.reason && `${t("requests.reason")}：${r.reason}`,
              r.benefit && `${t("requests.benefit")}：${r.benefit}`,
              r.nurseSupport && `${t("requests.nurseSupport")}：${r.nurseSupport}`,
              r.fallbackWhat && `${t("requests.fallbackWhat")}：${r.fallbackWhat}`,
              r.dueOn && `${t("requests.dueOn")}：${calendarDate(r.dueOn)}`,
            ]
              .filter(Boolean)
              .map((line, j) => (
                <Text key={j} style={s.small}>
                  {line as string}
                </Text>
              ))}
            <Text style={s.small}>{r.history.map((e) => `${tokyoDate(e.at)} ${t(`requestStatuses.${e.status}`)}`).join(" → ")}</Text>
            {r.versions.slice(1).map((v) => (
              <Text key={v.number} style={s.small}>
                {tokyoDate(v.at)}　{t("disclosure.versionChanged", { number: v.number })}：
                {v.changes
                  .map((c) =>
                    t("requests.versionChange", {
                      field: t(`requests.versionFields.${c.field}`),
                      before: versionValue(t, c.field, c.before, calendarDate),
                      after: versionValue(t, c.field, c.after, calendarDate),
                    }),
                  )
                  .join("、")}
              </Text>
            ))}
          </>
        )}
      />
      <RecordSection
        title={t("disclosure.links")}
        none={none}
        items={d.links}
        render={(l) => (
          <>
            <Text>{t(`disclosure.linkDirection.${l.direction}`, { type: t(`linkTypes.${l.type}`) })}</Text>
            {l.note ? <Text style={s.small}>{l.note}</Text> : null}
          </>
        )}
      />
      <RecordSection
        title={t("disclosure.reviewComments")}
        none={none}
        items={d.reviewComments}
        render={(c) => (
          <>
            <Text style={s.small}>
              {tokyoDate(c.at)}（{t("outward.nurse")}）
            </Text>
            <Text>{c.body}</Text>
          </>
        )}
      />
      <RecordSection
        title={t("disclosure.reviewActions")}
        none={none}
        items={d.reviewActions}
        render={(a) => (
          <Text>
            {calendarDate(a.dueOn)}　{a.title}
            {a.done ? `（${t("disclosure.done")}）` : ""}
          </Text>
        )}
      />
      <RecordSection
        title={t("mentions.discloseTitle")}
        none={d.withheldMentions ? t("mentions.withheld", { count: d.withheldMentions }) : none}
        items={d.mentions}
        render={(m) => (
          <>
            <Text style={s.small}>{t("mentions.item", { where: t(`mentions.where.${m.where}`), date: tokyoDate(m.at) })}</Text>
            <Text>「{m.text}」</Text>
          </>
        )}
      />
      {d.mentions.length > 0 && d.withheldMentions > 0 ? (
        <Text style={s.small}>{t("mentions.withheld", { count: d.withheldMentions })}</Text>
      ) : null}
    </RecordDocument>
  );
}

export async function renderDisclosurePdf(d: Disclosure): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<DisclosureDocument d={d} />);
}
